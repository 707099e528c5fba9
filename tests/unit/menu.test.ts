import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { buildMenuTemplate } from '../../electron/main/menu'
import { MENU_COMMANDS } from '../../electron/shared/words'

type Item = MenuItemConstructorOptions

function build(platform: NodeJS.Platform, isDev = false) {
  const actions = { send: vi.fn(), openDataFolder: vi.fn(), showAbout: vi.fn() }
  const template = buildMenuTemplate(actions, platform, isDev)
  return { actions, template }
}

/** Menu labels carry '&' mnemonics ('&File'); compare them without. */
const plain = (label: string | undefined) => label?.replace(/&/g, '')

function menu(template: Item[], label: string): Item[] {
  const top = template.find((item) => plain(item.label) === label)
  expect(top, `menu ${label}`).toBeDefined()
  expect(Array.isArray(top!.submenu)).toBe(true)
  return top!.submenu as Item[]
}

function item(items: Item[], label: string): Item {
  const found = items.find((i) => i.label === label)
  expect(found, `item ${label}`).toBeDefined()
  return found!
}

function click(entry: Item): void {
  expect(entry.click).toBeTypeOf('function')
  ;(entry.click as () => void)()
}

function allItems(items: Item[]): Item[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? allItems(i.submenu as Item[]) : [])])
}

const GO = [
  ['Today', 'go-today', 'CmdOrCtrl+1'],
  ['Clients', 'go-clients', 'CmdOrCtrl+2'],
  ['Turnarounds', 'go-turnarounds', 'CmdOrCtrl+3'],
  ['Ledger', 'go-ledger', 'CmdOrCtrl+4'],
  ['Letters', 'go-letters', 'CmdOrCtrl+5'],
  ['Trends', 'go-trends', 'CmdOrCtrl+6'],
] as const

describe.each(['linux', 'darwin', 'win32'] as const)('buildMenuTemplate on %s', (platform) => {
  it('has File > New Client… on CmdOrCtrl+N sending new-client', () => {
    const { template, actions } = build(platform)
    const newClient = item(menu(template, 'File'), 'New Client…')
    expect(newClient.accelerator).toBe('CmdOrCtrl+N')
    click(newClient)
    expect(actions.send).toHaveBeenCalledExactlyOnceWith('new-client')
  })

  it('has Edit > Find… on CmdOrCtrl+F sending find, next to the standard edit roles', () => {
    const { template, actions } = build(platform)
    const edit = menu(template, 'Edit')
    const find = item(edit, 'Find…')
    expect(find.accelerator).toBe('CmdOrCtrl+F')
    click(find)
    expect(actions.send).toHaveBeenCalledExactlyOnceWith('find')
    const roles = edit.map((i) => i.role).filter(Boolean)
    expect(roles).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']))
  })

  it('has a Go menu with the six areas, in order, each with its shortcut', () => {
    const { template } = build(platform)
    const go = menu(template, 'Go')
    expect(go.map((i) => [i.label, i.accelerator])).toEqual(GO.map(([label, , accelerator]) => [label, accelerator]))
  })

  it.each(GO)('Go > %s sends %s', (label, command) => {
    const { template, actions } = build(platform)
    click(item(menu(template, 'Go'), label))
    expect(actions.send).toHaveBeenCalledExactlyOnceWith(command)
    expect(actions.openDataFolder).not.toHaveBeenCalled()
  })

  it('File > Settings… sends go-settings', () => {
    const { template, actions } = build(platform)
    const settings = item(menu(template, 'File'), 'Settings…')
    expect(settings.accelerator).toBe('CmdOrCtrl+,')
    click(settings)
    expect(actions.send).toHaveBeenCalledExactlyOnceWith('go-settings')
  })

  it('File > Import Ledger CSV… sends import-ledger', () => {
    const { template, actions } = build(platform)
    click(item(menu(template, 'File'), 'Import Ledger CSV…'))
    expect(actions.send).toHaveBeenCalledExactlyOnceWith('import-ledger')
  })

  it('File > Open Data Folder opens the data folder and sends nothing', () => {
    const { template, actions } = build(platform)
    click(item(menu(template, 'File'), 'Open Data Folder'))
    expect(actions.openDataFolder).toHaveBeenCalledTimes(1)
    expect(actions.send).not.toHaveBeenCalled()
  })

  it('View zooms in, out and back to actual size on Ctrl+=, Ctrl+- and Ctrl+0, through the app (remembered)', () => {
    const { template, actions } = build(platform)
    const view = menu(template, 'View')
    for (const [label, command, accelerator] of [
      ['Zoom In', 'zoom-in', 'CmdOrCtrl+='],
      ['Zoom Out', 'zoom-out', 'CmdOrCtrl+-'],
      ['Actual Size', 'zoom-reset', 'CmdOrCtrl+0'],
    ] as const) {
      const entry = item(view, label)
      expect(entry.accelerator).toBe(accelerator)
      click(entry)
      expect(actions.send).toHaveBeenLastCalledWith(command)
    }
  })

  it('Help > About shows the about box', () => {
    const { template, actions } = build(platform)
    click(item(menu(template, 'Help'), 'About Turnaround Desk'))
    expect(actions.showAbout).toHaveBeenCalledTimes(1)
    expect(actions.send).not.toHaveBeenCalled()
  })

  it('only ever sends known menu commands, and every command has a menu item', () => {
    const { template, actions } = build(platform)
    for (const entry of allItems(template)) if (typeof entry.click === 'function') (entry.click as () => void)()
    const sent = actions.send.mock.calls.map(([command]) => command)
    for (const command of sent) expect(MENU_COMMANDS).toContain(command)
    expect([...sent].sort()).toEqual([...MENU_COMMANDS].sort())
  })

  it('has no accelerator used twice', () => {
    const { template } = build(platform, true)
    const accelerators = allItems(template)
      .map((i) => i.accelerator)
      .filter(Boolean)
    expect(new Set(accelerators).size).toBe(accelerators.length)
  })

  it('shows reload and toggleDevTools only in development', () => {
    const roles = (isDev: boolean) => allItems(build(platform, isDev).template).map((i) => i.role)
    expect(roles(false)).not.toContain('toggleDevTools')
    expect(roles(false)).not.toContain('reload')
    expect(roles(true)).toContain('toggleDevTools')
    expect(roles(true)).toContain('reload')
    expect(menu(build(platform, true).template, 'View').map((i) => i.role)).toContain('toggleDevTools')
  })
})

describe('platform differences', () => {
  it('starts with the app menu on macOS and closes the window from File', () => {
    const { template } = build('darwin')
    expect(template[0]).toEqual({ role: 'appMenu' })
    const fileRoles = menu(template, 'File').map((i) => i.role)
    expect(fileRoles).toContain('close')
    expect(fileRoles).not.toContain('quit')
  })

  it('has no app menu on Linux and quits from File', () => {
    const { template } = build('linux')
    expect(template.map((i) => i.role)).not.toContain('appMenu')
    expect(plain(template[0]?.label)).toBe('File')
    const fileRoles = menu(template, 'File').map((i) => i.role)
    expect(fileRoles).toContain('quit')
    expect(fileRoles).not.toContain('close')
  })

  it('lists the menus in the usual order', () => {
    expect(build('linux').template.map((i) => plain(i.label) ?? i.role)).toEqual([
      'File',
      'Edit',
      'View',
      'Go',
      'windowMenu',
      'Help',
    ])
    expect(build('darwin').template.map((i) => plain(i.label) ?? i.role)).toEqual([
      'appMenu',
      'File',
      'Edit',
      'View',
      'Go',
      'windowMenu',
      'Help',
    ])
  })
})

describe('File menu: your data', () => {
  it.each([
    ['Back Up Now…', 'backup-now'],
    ['Restore from Backup…', 'restore-backup'],
    ['Restore from a File…', 'restore-file'],
    ['Export Everything…', 'export-everything'],
  ] as const)('has File > %s sending %s', (label, command) => {
    const { template, actions } = build('linux')
    click(item(menu(template, 'File'), label))
    expect(actions.send).toHaveBeenCalledExactlyOnceWith(command)
    expect(MENU_COMMANDS).toContain(command)
  })
})
