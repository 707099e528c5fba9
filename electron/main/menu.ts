/** The native menu, as a plain template so it can be checked without Electron. */
import type { MenuItemConstructorOptions } from 'electron'
import type { MenuCommand } from '../shared/words'

export interface MenuActions {
  send: (command: MenuCommand) => void
  openDataFolder: () => void
  showAbout: () => void
}

export function buildMenuTemplate(
  actions: MenuActions,
  platform: NodeJS.Platform,
  isDev: boolean,
): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin'
  const go = (label: string, command: MenuCommand, accelerator: string): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => actions.send(command),
  })
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        go('New Client…', 'new-client', 'CmdOrCtrl+N'),
        { label: 'Import Ledger CSV…', click: () => actions.send('import-ledger') },
        { type: 'separator' },
        { label: 'Open Data Folder', click: () => actions.openDataFolder() },
        { label: 'Back Up Now…', click: () => actions.send('backup-now') },
        { label: 'Restore from Backup…', click: () => actions.send('restore-backup') },
        { label: 'Restore from a File…', click: () => actions.send('restore-file') },
        { label: 'Export Everything…', click: () => actions.send('export-everything') },
        go('Settings…', 'go-settings', 'CmdOrCtrl+,'),
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        { type: 'separator' },
        go('Find…', 'find', 'CmdOrCtrl+F'),
      ],
    },
    {
      label: '&View',
      submenu: [
        // The app's own zoom steps, remembered between runs (appearance.json).
        go('Actual Size', 'zoom-reset', 'CmdOrCtrl+0'),
        go('Zoom In', 'zoom-in', 'CmdOrCtrl+='),
        go('Zoom Out', 'zoom-out', 'CmdOrCtrl+-'),
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(isDev
          ? [{ type: 'separator' as const }, { role: 'reload' as const }, { role: 'toggleDevTools' as const }]
          : []),
      ],
    },
    {
      label: '&Go',
      submenu: [
        go('Today', 'go-today', 'CmdOrCtrl+1'),
        go('Clients', 'go-clients', 'CmdOrCtrl+2'),
        go('Turnarounds', 'go-turnarounds', 'CmdOrCtrl+3'),
        go('Ledger', 'go-ledger', 'CmdOrCtrl+4'),
        go('Letters', 'go-letters', 'CmdOrCtrl+5'),
        go('Trends', 'go-trends', 'CmdOrCtrl+6'),
      ],
    },
    { role: 'windowMenu' },
    { label: '&Help', submenu: [{ label: 'About Turnaround Desk', click: () => actions.showAbout() }] },
  ]
  return template
}
