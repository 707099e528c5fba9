/** App lifecycle, window and menu: Electron glue only. Everything it wires is tested without Electron. */
import { randomUUID } from 'node:crypto'
import os from 'node:os'
import { setDeskUser } from './db/record-version'
import {
  choiceFileOf,
  postgresSettingsOf,
  readChoice,
  type DatabaseChoice,
  type SecretBox,
  type SharedConnection,
} from './db/database-choice'
import { openPostgresDatabase } from './db/open-postgres'
import type { OpenedDatabase } from './db/open-database'
import { safeStorageBox, systemKeychain } from './secret-box'
import path from 'node:path'
import {
  BrowserWindow,
  Menu,
  app,
  dialog,
  ipcMain,
  nativeTheme,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
} from 'electron'
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, RENDERER_URL, createAppProtocolHandler } from './app-protocol'
import { IMPORT_PROGRESS_CHANNEL, LIVE_CHANNEL, MENU_EVENT_CHANNEL, NAVIGATE_CHANNEL } from '../shared/channels'
import type { LiveEvent } from '../shared/live/events'
import { listenForChanges } from './db/change-feed'
import type { MenuCommand } from '../shared/words'
import { DATABASE_FILE_NAME } from './db/open-database'
import { describeRecoveryOffer, openWithRecovery } from './db/recovery'
import { checkedAside } from './db/integrity-thread'
import { DatabaseOpenError, describeOpenProblem } from './db/errors'
import { createHandlers, createServices, type AppContext } from './features/handlers'
import { scheduleDailyBackups } from './backup-schedule'
import type { OpenDialogOptions, SaveDialogOptions } from './ports'
import type { Handlers } from '../shared/contract'
import type { RequestQueue } from './request-queue'
import { createFirstStartHandlers, isFirstStart } from './features/database'
import { describeConnectionProblem } from './db/connection-problem'
import { AppearanceSettings, appearanceFile } from './features/appearance/appearance-settings'
import { resolveDataDir } from './features/system/data-folder'
import { createDispatcher, registerIpc } from './ipc'
import { createFileLogger } from './log'
import { createRequestQueue } from './request-queue'
import { buildMenuTemplate } from './menu'
import { electronNativeBinding } from './native-binding'
import { createSenderCheck, hardenSession, hardenWebContents, hardenedWebPreferences } from './security'
import { startPresence, type Presence } from './desk-presence'
import { electronPresencePorts } from './presence-ports'
import { fitToDisplays, loadWindowState, saveWindowState, windowStateFile } from './window-state'

const dataDir = resolveDataDir(process.argv, process.env, app.getPath('userData'))
const log = createFileLogger(dataDir)
const devServerUrl = process.env.ELECTRON_RENDERER_URL
// The built renderer is served from app://turnaround-desk/ (app-protocol.ts), never from file://.
const rendererUrl = devServerUrl ?? RENDERER_URL
// Before the app is ready, or the scheme is not standard and secure.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES])
let mainWindow: BrowserWindow | null = null
let presence: Presence | null = null
/** Set once the owner quits (menu, tray, system): closing the window then really closes it. */
let quitting = false
const iconFile = path.join(__dirname, '../../resources/icon.png')
/** Whether handlers answer the window's requests yet (the first-start page's or the app's). */
let handlersInPlace = false
let resolveHandlersInPlace!: () => void
/** Settles once they do: the window's requests wait for it, and the window shows then. */
const whenHandlersInPlace = new Promise<void>((resolve) => (resolveHandlersInPlace = resolve))
function handlersArePlaced(): void {
  handlersInPlace = true
  resolveHandlersInPlace()
}

/**
 * The app's window, loading its page at once. It shows once the page has painted and handlers answer
 * it: a window made at start before the database is open shows only once it is (never before a dialog
 * saying it cannot be opened); any later one as soon as it has painted.
 */
function createWindow(target?: string): BrowserWindow {
  const stateFile = windowStateFile(dataDir)
  const state = fitToDisplays(
    loadWindowState(stateFile),
    screen.getAllDisplays().map((d) => d.workArea),
  )
  const win = new BrowserWindow({
    ...state,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Turnaround Desk',
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#15181b' : '#f6f6f3',
    icon: iconFile,
    webPreferences: hardenedWebPreferences(path.join(__dirname, '../preload/index.js')),
  })
  if (state.maximized) win.maximize()
  win.once('ready-to-show', () => {
    void whenHandlersInPlace.then(() => {
      if (!win.isDestroyed()) win.show()
    })
  })
  // The zoom, kept in the data folder, on each page the window loads (the theme is the app's, set before).
  win.webContents.on('did-finish-load', () => appearanceOf(dataDir).applySaved())
  win.on('close', (event) => {
    const bounds = win.getNormalBounds()
    saveWindowState(stateFile, { ...bounds, maximized: win.isMaximized() })
    // Closing keeps the app in the tray when the owner chose that, so reminders still come.
    if (!quitting && presence?.keepsRunningWhenClosed()) {
      event.preventDefault()
      win.hide()
    }
  })
  win.on('closed', () => {
    mainWindow = null
  })
  void win.loadURL(target ? `${rendererUrl}#${target}` : rendererUrl)
  return win
}

/** Brings the window back (made again if it was closed) and sends the renderer where the owner acts. */
function openAt(target: string | null): void {
  // During the start the window waits hidden (a dialog may be asking about the database): it shows itself.
  if (!handlersInPlace) return
  if (!mainWindow) {
    mainWindow = createWindow(target ?? undefined)
    return
  }
  if (mainWindow.isMinimized()) mainWindow.restore()
  mainWindow.show()
  mainWindow.focus()
  if (target) mainWindow.webContents.send(NAVIGATE_CHANNEL, target)
}

function sendMenuCommand(command: MenuCommand): void {
  mainWindow?.webContents.send(MENU_EVENT_CHANNEL, command)
}

/** The app's menu: set once at start, the first-start page included (its commands wait for the app's pages). */
function setAppMenu(): void {
  const template = buildMenuTemplate(
    {
      send: sendMenuCommand,
      openDataFolder: () => void shell.openPath(dataDir),
      showAbout: () =>
        void dialog.showMessageBox({
          type: 'info',
          title: 'About Turnaround Desk',
          message: `Turnaround Desk ${app.getVersion()}`,
          detail: `Your data: ${dataDir}`,
        }),
    },
    process.platform,
    Boolean(devServerUrl),
  )
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}

/** The native open dialog, over the window when there is one. */
async function chooseOpenFile({ title, filters }: OpenDialogOptions): Promise<string | null> {
  const options = { title, filters, properties: ['openFile' as const] }
  const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options)
  return result.canceled ? null : (result.filePaths[0] ?? null)
}

/** The theme and zoom, kept in the data folder: applied before the window shows, at a first start too. */
function appearanceOf(folder: string): AppearanceSettings {
  return new AppearanceSettings(appearanceFile(folder), {
    applyTheme: (theme) => {
      nativeTheme.themeSource = theme
    },
    applyZoom: (factor) => mainWindow?.webContents.setZoomFactor(factor),
  })
}

/** Opens the shared database; when it cannot, says why and offers this computer's data or quitting. */
async function openShared(connection: SharedConnection, secrets: SecretBox): Promise<OpenedDatabase | null> {
  try {
    return await openPostgresDatabase(postgresSettingsOf(connection, secrets.open(connection.passwordSealed)))
  } catch (error) {
    log.error('open shared database', error)
    const answer = await dialog.showMessageBox({
      type: 'warning',
      title: 'The shared database could not be opened',
      message: `The shared office database at ${connection.host} could not be opened.`,
      detail: `${describeConnectionProblem(error instanceof DatabaseOpenError && error.cause !== undefined ? error.cause : error).message}\n\nYou can open the data on this computer instead (the shared data is not changed), or quit and try again later.`,
      buttons: ['Open this computer’s data', 'Quit'],
      defaultId: 1,
      cancelId: 1,
      noLink: true,
    })
    if (answer.response === 0) return null
    app.exit(1)
    throw error
  }
}

async function start(): Promise<void> {
  // Windows shows a notification only for an app with this id (the installer's shortcut carries it).
  if (process.platform === 'win32') app.setAppUserModelId('app.turnarounddesk.desktop')
  hardenSession(session.defaultSession)
  protocol.handle(APP_SCHEME, createAppProtocolHandler(path.join(__dirname, '../renderer')))
  const openExternal = (url: string) => void shell.openExternal(url)
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, openExternal))

  const nativeBinding = electronNativeBinding(app.getAppPath(), app.isPackaged)
  // Read when first used, once the app is ready; both the mail and the shared database's password use it.
  const keychain = systemKeychain(safeStorage, process.platform)
  const secrets = safeStorageBox(keychain)
  // One dispatcher for the app's life: its handlers are the first-start page's until the data has a place.
  const handlers = {} as Handlers
  const queue = createRequestQueue()
  // The window's requests wait until handlers are in place: the first-start page's, or the app's.
  registerIpc(
    ipcMain,
    createDispatcher(handlers, createSenderCheck(rendererUrl), log.error, queue, whenHandlersInPlace),
  )
  setAppMenu()
  const run = (choice: DatabaseChoice, atFirstStart: boolean) =>
    openAndRun({ choice, secrets, keychain, nativeBinding, handlers, queue, atFirstStart })
  // The theme before the window exists (its background follows it): kept in the data folder, read before any database.
  appearanceOf(dataDir).applySaved()
  if (!isFirstStart(dataDir)) {
    const choice = readChoice(choiceFileOf(dataDir), os.userInfo().username)
    // When the opening waits on more than main's thread (a shared database's server, or a large
    // file's check on a thread of its own, integrity-thread.ts), the window loads its page meanwhile:
    // its first requests wait for the app's handlers, and it shows once they are in place. A small
    // file opens first, as the window is made after (made beside it, the two only took turns on the
    // same cores: 30–40 ms later to the first row on two).
    if (choice.kind === 'shared' || checkedAside(path.join(dataDir, DATABASE_FILE_NAME))) mainWindow = createWindow()
    await run(choice, false)
    return
  }
  // A brand-new install: the window asks where to keep the data before anything is created.
  Object.assign(
    handlers,
    createFirstStartHandlers({
      dataDir,
      version: app.getVersion(),
      defaultUser: os.userInfo().username,
      secrets,
      appearance: appearanceOf(dataDir),
      chooseOpenFile: (options) => queue.released(() => chooseOpenFile(options)),
      logError: log.error,
      // Out of the request queue: starting the app queues its own first reads (the tray's count).
      openChosen: (choice) => queue.released(() => run(choice, true)),
    }),
  )
  handlersArePlaced()
  mainWindow = createWindow()
}

interface RunOptions {
  choice: DatabaseChoice
  secrets: SecretBox
  keychain: ReturnType<typeof systemKeychain>
  nativeBinding: string | undefined
  /** The dispatcher's handlers, replaced here by the app's own. */
  handlers: Handlers
  queue: RequestQueue
  /** Chosen on the first-start page: a database that cannot be opened is thrown back to it, not asked about. */
  atFirstStart: boolean
}

/** Opens the chosen database and runs the app on it: handlers, backups, menu, window, tray, live changes. */
async function openAndRun({
  choice,
  secrets,
  keychain,
  nativeBinding,
  handlers,
  queue,
  atFirstStart,
}: RunOptions): Promise<void> {
  const databaseFile = path.join(dataDir, DATABASE_FILE_NAME)
  // A shared office database, when chosen in Settings > Your data; this computer's file otherwise
  // (and when the shared one cannot be reached and the owner chooses to open the file instead).
  const shared =
    choice.kind === 'shared' && choice.connection
      ? atFirstStart
        ? await openPostgresDatabase(
            postgresSettingsOf(choice.connection, secrets.open(choice.connection.passwordSealed)),
          )
        : await openShared(choice.connection, secrets)
      : null
  let opened
  if (shared) opened = { ...shared, restoredFrom: null, keptAside: null }
  else
    try {
      const onCheckThreadFailure = (error: unknown) => log.error('integrity check thread', error)
      opened = await openWithRecovery({ file: databaseFile, nativeBinding, onCheckThreadFailure }, async (offer) => {
        const { choices, ...words } = describeRecoveryOffer(offer)
        const answer = await dialog.showMessageBox({
          type: 'warning',
          ...words,
          defaultId: 0,
          cancelId: choices.length - 1,
          noLink: true,
        })
        return choices[answer.response] ?? 'quit'
      })
      if (opened.restoredFrom)
        log.error(
          'open database',
          new Error(
            `the database was restored from ${opened.restoredFrom} at start${opened.keptAside ? `; the file it replaced is kept at ${opened.keptAside}` : ''}`,
          ),
        )
    } catch (error) {
      // The first-start page says why, and the owner chooses again.
      if (atFirstStart) throw error
      log.error('open database', error)
      const words =
        error instanceof DatabaseOpenError
          ? describeOpenProblem(error)
          : {
              title: 'Turnaround Desk could not start',
              message: `The database at\n${databaseFile}\ncould not be opened. It has not been changed. Details are in\n${log.file}`,
            }
      dialog.showErrorBox(words.title, words.message)
      app.exit(1)
      return
    }

  if (opened.dailyBackupProblem) {
    log.error('daily backup at start', new Error(opened.dailyBackupProblem))
    // The app opens anyway; the owner is told, once, without blocking the start.
    void dialog.showMessageBox({
      type: 'warning',
      title: 'Today’s backup was not taken',
      message: 'Today’s backup could not be written.',
      detail: opened.dailyBackupProblem,
      noLink: true,
    })
  }

  // Records this desktop creates and changes are signed with its name (Settings > Your data).
  setDeskUser(opened.dataSource, choice.userName)
  const deskId = randomUUID()
  const ctx: AppContext = {
    deskId,
    dataSource: opened.dataSource,
    dataDir,
    // Where the data lives, as Settings shows it: the file, or the shared database's address.
    databaseFile: shared ? shared.file : databaseFile,
    version: app.getVersion(),
    queue,
    nativeBinding,
  }
  const ports = {
    now: () => new Date(),
    // The renderer's navigator.language is this same locale: main and the pages format alike.
    locale: () => app.getLocale(),
    openFolder: async (folder: string) => {
      const problem = await shell.openPath(folder)
      if (problem) throw new Error(problem)
    },
    // Built by electron.vite.config.ts beside main's index.js (package.json's "main"): in the packaged
    // app inside its ASAR, which worker threads read.
    importReaderFile: path.join(app.getAppPath(), 'out', 'main', 'ledger-import-reader.js'),
    fontsDir: app.isPackaged
      ? path.join(process.resourcesPath, 'fonts')
      : path.join(app.getAppPath(), 'resources', 'fonts'),
    chooseSavePath: async ({ title, defaultPath, filters }: SaveDialogOptions) => {
      const options = {
        title,
        defaultPath: path.isAbsolute(defaultPath) ? defaultPath : path.join(app.getPath('documents'), defaultPath),
        filters: filters ?? [{ name: 'PDF', extensions: ['pdf'] }],
      }
      const result = mainWindow
        ? await dialog.showSaveDialog(mainWindow, options)
        : await dialog.showSaveDialog(options)
      return result.canceled || !result.filePath ? null : result.filePath
    },
    openFile: async (file: string) => {
      const problem = await shell.openPath(file)
      if (problem) throw new Error(problem)
    },
    chooseOpenFile,
    sendImportProgress: (progress: unknown) => mainWindow?.webContents.send(IMPORT_PROGRESS_CHANNEL, progress),
    logError: log.error,
    secretCipher: keychain,
    chooseFolder: async (title: string) => {
      const options = { title, properties: ['openDirectory' as const, 'createDirectory' as const] }
      const result = mainWindow
        ? await dialog.showOpenDialog(mainWindow, options)
        : await dialog.showOpenDialog(options)
      return result.canceled ? null : (result.filePaths[0] ?? null)
    },
    remindersChanged: (settings: Parameters<Presence['apply']>[0]) => presence?.apply(settings),
    datedThingsChanged: () => void presence?.refresh(),
    applyTheme: (theme: 'system' | 'light' | 'dark') => {
      nativeTheme.themeSource = theme
    },
    applyZoom: (factor: number) => mainWindow?.webContents.setZoomFactor(factor),
    secrets,
    userName: os.userInfo().username,
  }
  const services = createServices(ctx, ports)
  Object.assign(handlers, createHandlers(ctx, ports, services))
  handlersArePlaced()
  const stopBackups = scheduleDailyBackups(
    () => services.backups.dailyIfDue(),
    (task) => queue.run(task),
    log.error,
  )

  // Made now after a small file's opening; else open already, loading its page (start()), or on the
  // first-start page that asked.
  mainWindow ??= createWindow()

  presence = await startPresence(
    {
      now: ports.now,
      check: (now) => services.reminders.check(now),
      dueNow: (now) => services.reminders.dueNow(now),
      settings: () => services.reminders.settings(),
      runQueued: (task) => queue.run(task),
      open: openAt,
      quit: () => app.quit(),
      logError: log.error,
    },
    electronPresencePorts(iconFile),
  )
  // The calendar feed is written at start, so it is current even after changes made elsewhere.
  void queue.run(() => services.calendar.refreshFeed())

  // On a shared database: what other desktops change is shown here, and a lost connection is said.
  const sendLive = (event: LiveEvent) => mainWindow?.webContents.send(LIVE_CHANNEL, event)
  let sharedDown = false
  const changes =
    shared && choice.connection
      ? listenForChanges(
          postgresSettingsOf(choice.connection, secrets.open(choice.connection.passwordSealed)),
          deskId,
          {
            changed: (areas) => sendLive({ kind: 'changed', areas }),
            connection: (connected) => {
              sharedDown = !connected
              sendLive({ kind: 'connection', connected })
            },
            logError: log.error,
          },
        )
      : null
  // A page loaded while the database is out of reach is told so.
  mainWindow.webContents.on('did-finish-load', () => {
    if (sharedDown) sendLive({ kind: 'connection', connected: false })
  })

  app.on('before-quit', () => {
    quitting = true
    void changes?.stop()
    presence?.stop()
    stopBackups()
    void opened.dataSource.destroy()
  })
}

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  // A second launch brings this one forward, from the tray too.
  app.on('second-instance', () => {
    if (mainWindow || presence) openAt(null)
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('activate', () => {
    // The Dock icon clicked on macOS: the window kept in the menu bar comes back, or a new one opens
    // (during the start the window waits hidden, and shows itself).
    if (!handlersInPlace) return
    if (mainWindow && !mainWindow.isVisible()) mainWindow.show()
    else if (BrowserWindow.getAllWindows().length === 0 && app.isReady()) mainWindow = createWindow()
  })
  void app.whenReady().then(start)
}
