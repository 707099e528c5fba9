/**
 * The Electron glue in electron/main/index.ts, run against a fake 'electron' module: the app starts
 * on a real database in a temp folder, hardens every window, registers the IPC contract and the
 * menu, and refuses to start (with a dialog, file untouched) when the database cannot be opened.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { CHANNELS } from '../../electron/shared/channels'
import { localIsoDate } from '../../electron/shared/dates'
import { openTestApp, tempDir } from '../support/temp-db'
import Database from 'better-sqlite3'
import { damage, folderWithBackup } from '../support/damage'
import { READER_FILE } from '../support/reader-file'
import { isFirstStart } from '../../electron/main/features/database'
import { ASIDE_FROM_BYTES } from '../../electron/main/db/integrity-thread'

type Listener = (...args: unknown[]) => unknown

/**
 * The app's folder as the glue finds it, laid out as the packaged app is: the import's reading thread
 * where the build puts it, beside main's index.js, and the dependencies it loads in node_modules.
 */
const APP_DIR = tempDir('turnaround-glue-app-')
fs.mkdirSync(path.join(APP_DIR, 'out', 'main'), { recursive: true })
fs.copyFileSync(READER_FILE, path.join(APP_DIR, 'out', 'main', 'ledger-import-reader.js'))
fs.symlinkSync(path.resolve(__dirname, '../../node_modules'), path.join(APP_DIR, 'node_modules'))

function createFakeElectron(onWindow: (window: { loadedUrl: string }) => void = () => {}) {
  const appListeners = new Map<string, Listener[]>()
  const handlers = new Map<string, Listener>()
  const windows: FakeWindow[] = []
  let resolveReady: () => void = () => {}
  const ready = new Promise<void>((r) => (resolveReady = r))

  const notifications: FakeNotification[] = []
  const trays: FakeTray[] = []
  const powerListeners = new Map<string, Listener[]>()

  class FakeNotification {
    static isSupported = () => true
    listeners = new Map<string, Listener[]>()
    shown = false
    constructor(readonly options: { title: string; body: string }) {
      notifications.push(this)
    }
    on(event: string, fn: Listener) {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), fn])
      return this
    }
    show() {
      this.shown = true
    }
  }

  class FakeTray {
    menu: unknown = null
    toolTip = ''
    constructor(readonly icon: unknown) {
      trays.push(this)
    }
    setContextMenu(menu: unknown) {
      this.menu = menu
    }
    setToolTip(text: string) {
      this.toolTip = text
    }
  }

  class FakeWindow {
    static getAllWindows = () => windows
    listeners = new Map<string, Listener[]>()
    loadedUrl = ''
    visible = true
    /** Times show() was called: a window is created hidden and shown once ready (see painted()). */
    shows = 0
    /** The page's events' listeners ('did-finish-load': a page loaded). */
    pageListeners = new Map<string, Listener[]>()
    webContents = {
      send: vi.fn(),
      on: vi.fn((event: string, fn: Listener) => {
        this.pageListeners.set(event, [...(this.pageListeners.get(event) ?? []), fn])
      }),
      setWindowOpenHandler: vi.fn(),
      setZoomFactor: vi.fn(),
    }
    constructor(readonly options: Record<string, unknown>) {
      windows.push(this)
      onWindow(this)
    }
    on(event: string, fn: Listener) {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), fn])
      return this
    }
    once(event: string, fn: Listener) {
      return this.on(event, fn)
    }
    loadURL(url: string) {
      this.loadedUrl = url
      return Promise.resolve()
    }
    maximize() {}
    show() {
      this.shows += 1
      this.visible = true
    }
    hide() {
      this.visible = false
    }
    focus() {}
    restore() {}
    isMinimized = () => false
    isDestroyed = () => false
    isMaximized = () => false
    getNormalBounds = () => ({ x: 10, y: 20, width: 1300, height: 820 })
  }

  const electron = {
    // The system's light or dark choice: the window's background follows it, Settings sets its source.
    nativeTheme: { shouldUseDarkColors: false, themeSource: 'system' },
    // The system keychain, unavailable here: the shared database's password is never kept.
    safeStorage: {
      isEncryptionAvailable: () => false,
      encryptString: vi.fn(),
      decryptString: vi.fn(),
    },
    app: {
      getPath: vi.fn(() => '/nonexistent/user-data'),
      getVersion: () => '0.1.0',
      getLocale: () => 'de-DE',
      // Laid out as `npm run build` lays the app out: main's files in out/main (the import's reading thread there).
      getAppPath: () => APP_DIR,
      isPackaged: false,
      isReady: () => true,
      requestSingleInstanceLock: vi.fn(() => true),
      quit: vi.fn(),
      exit: vi.fn(),
      whenReady: () => ready,
      on: vi.fn((event: string, fn: Listener) => appListeners.set(event, [...(appListeners.get(event) ?? []), fn])),
      setBadgeCount: vi.fn(() => true),
      setLoginItemSettings: vi.fn(),
    },
    Notification: FakeNotification,
    Tray: FakeTray,
    nativeImage: { createFromPath: vi.fn(() => ({ resize: () => ({ image: true }) })) },
    powerMonitor: {
      on: vi.fn((event: string, fn: Listener) => powerListeners.set(event, [...(powerListeners.get(event) ?? []), fn])),
    },
    BrowserWindow: FakeWindow,
    Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn((t: unknown) => ({ template: t })) },
    dialog: {
      showErrorBox: vi.fn(),
      showMessageBox: vi.fn(),
      showOpenDialog: vi.fn(async (): Promise<{ canceled: boolean; filePaths: string[] }> => ({
        canceled: true,
        filePaths: [],
      })),
    },
    ipcMain: { handle: vi.fn((channel: string, fn: Listener) => handlers.set(channel, fn)) },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    session: {
      defaultSession: {
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
        webRequest: { onHeadersReceived: vi.fn() },
      },
    },
    shell: { openPath: vi.fn(async () => ''), openExternal: vi.fn() },
    protocol: {
      // Whether the app was ready when the scheme was registered (it must not be).
      registeredWhenReady: null as boolean | null,
      registerSchemesAsPrivileged: vi.fn((_schemes: unknown) => void (electron.protocol.registeredWhenReady = isReady)),
      handle: vi.fn((_scheme: string, _handler: (request: Request) => Promise<Response>) => {}),
    },
  }
  let isReady = false
  void ready.then(() => (isReady = true))
  return { electron, appListeners, handlers, windows, notifications, trays, powerListeners, ready: resolveReady }
}

let fake: ReturnType<typeof createFakeElectron>
let dataDir: string

async function startMain(): Promise<void> {
  const asksFirst = isFirstStart(dataDir)
  vi.resetModules()
  vi.doMock('electron', () => ({ ...fake.electron, default: fake.electron }))
  await import('../../electron/main/index')
  fake.ready()
  // Let start() run to its end: the window (at once), the database opened, the tray; or the
  // first-start page's window; or the exit when the database cannot be opened.
  await vi.waitFor(
    () => {
      const started = asksFirst ? fake.windows.length : fake.trays.length
      expect(started + fake.electron.app.exit.mock.calls.length).toBeGreaterThan(0)
    },
    { timeout: 10_000 },
  )
}

/** Makes the database file past the size whose check runs on a thread (its first client's notes grown). */
function growPastCheckOnMain(file: string): void {
  const db = new Database(file)
  db.prepare('UPDATE clients SET notes = ? WHERE id = (SELECT MIN(id) FROM clients)').run('n'.repeat(ASIDE_FROM_BYTES))
  db.close()
  expect(fs.statSync(file).size).toBeGreaterThan(ASIDE_FROM_BYTES)
}

/** The windows shown once their page has painted (Electron's 'ready-to-show', fired here). */
async function shownWindows(): Promise<unknown[]> {
  for (const win of fake.windows) for (const fn of win.listeners.get('ready-to-show') ?? []) fn()
  await new Promise((resolve) => setTimeout(resolve, 0))
  return fake.windows.filter((win) => win.shows > 0)
}

/** A data folder where this computer was chosen (a brand-new one asks first: the tests at the end). */
function choseThisComputer(): void {
  fs.writeFileSync(
    path.join(dataDir, 'database.json'),
    JSON.stringify({ kind: 'this-computer', userName: 'Maya', connection: null }),
  )
}

beforeEach(() => {
  fake = createFakeElectron()
  dataDir = tempDir()
  choseThisComputer()
  vi.stubEnv('TURNAROUND_DATA_DIR', dataDir)
})

afterEach(async () => {
  vi.restoreAllMocks()
  for (const fn of fake.appListeners.get('before-quit') ?? []) await fn()
  vi.unstubAllEnvs()
  vi.doUnmock('electron')
})

describe('the main process glue', () => {
  it('takes the single-instance lock, opens the database in the data folder and shows one hardened window', async () => {
    await startMain()
    expect(fake.electron.app.requestSingleInstanceLock).toHaveBeenCalled()
    expect(fs.existsSync(path.join(dataDir, 'turnaround-desk.sqlite'))).toBe(true)
    expect(fake.windows).toHaveLength(1)
    const prefs = fake.windows[0]?.options.webPreferences as Record<string, unknown>
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true })
    expect(String(prefs.preload)).toMatch(/preload[\\/]index\.js$/)
    expect(fake.windows[0]?.loadedUrl).toBe('app://turnaround-desk/index.html')
    expect(fake.electron.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled()
    expect(fake.appListeners.get('web-contents-created')).toHaveLength(1)
    expect(fake.electron.Menu.setApplicationMenu).toHaveBeenCalledTimes(1)
  })

  it('makes the window before opening a large database: its first request waits for the app and is answered, and it shows then', async () => {
    const first = await openTestApp(dataDir)
    await first.call('clients:create', { name: 'Ada' })
    await first.close()
    const file = path.join(dataDir, 'turnaround-desk.sqlite')
    growPastCheckOnMain(file)
    // Closed cleanly: the write-ahead log is back in the file, and comes again when the app opens it.
    expect(fs.existsSync(`${file}-wal`)).toBe(false)
    const atWindow: { opened?: boolean; list?: Promise<unknown> } = {}
    fake = createFakeElectron(() => {
      atWindow.opened = fs.existsSync(`${file}-wal`)
      const frame = { senderFrame: { url: 'app://turnaround-desk/index.html', parent: null } }
      atWindow.list = (fake.handlers.get('clients:list') as Listener)(frame, {}) as Promise<unknown>
    })
    await startMain()
    expect(atWindow.opened).toBe(false)
    expect(fs.existsSync(`${file}-wal`)).toBe(true)
    expect(await atWindow.list).toMatchObject({ ok: true, data: { total: 1, rows: [{ name: 'Ada' }] } })
    expect(fake.windows).toHaveLength(1)
    expect(await shownWindows()).toHaveLength(1)
  })

  it('opens a small database before making the window, which then shows when painted', async () => {
    const first = await openTestApp(dataDir)
    await first.call('clients:create', { name: 'Ada' })
    await first.close()
    const file = path.join(dataDir, 'turnaround-desk.sqlite')
    expect(fs.existsSync(`${file}-wal`)).toBe(false)
    const atWindow: { opened?: boolean } = {}
    fake = createFakeElectron(() => void (atWindow.opened = fs.existsSync(`${file}-wal`)))
    await startMain()
    expect(atWindow.opened).toBe(true)
    expect(await shownWindows()).toHaveLength(1)
  })

  it('keeps a second launch during the start from showing the window early: it shows itself once the app is ready', async () => {
    // A large, damaged database: the window is made at once, and the start waits on the owner's
    // answer to the backup offer.
    const file = await folderWithBackup(dataDir)
    growPastCheckOnMain(file)
    damage(file)
    let answer: ((value: { response: number }) => void) | undefined
    fake.electron.dialog.showMessageBox.mockImplementation(() => new Promise((resolve) => (answer = resolve)))
    const starting = startMain()
    await vi.waitFor(() => expect(answer).toBeDefined(), { timeout: 10_000 })
    // Launched again, and the Dock icon clicked, while the dialog asks.
    for (const fn of fake.appListeners.get('second-instance') ?? []) fn()
    for (const fn of fake.appListeners.get('activate') ?? []) fn()
    const win = fake.windows[0]!
    expect(fake.windows).toHaveLength(1)
    expect(win.shows).toBe(0)
    expect(await shownWindows()).toEqual([])
    answer!({ response: 0 })
    await starting
    expect(await shownWindows()).toEqual([win])
    // Once started, a second launch brings it forward as before.
    win.hide()
    for (const fn of fake.appListeners.get('second-instance') ?? []) fn()
    expect(win.visible).toBe(true)
  })

  it('applies the zoom kept in the data folder on every page a window loads, a window made again too', async () => {
    await startMain()
    const url = fake.windows[0]!.loadedUrl
    const frame = { senderFrame: { url, parent: null } }
    expect(await (fake.handlers.get('appearance:set') as Listener)(frame, { zoom: 1.25 })).toMatchObject({ ok: true })
    const loaded = (win: (typeof fake.windows)[number]) => {
      win.webContents.setZoomFactor.mockClear()
      for (const fn of win.pageListeners.get('did-finish-load') ?? []) fn()
      return win.webContents.setZoomFactor.mock.calls
    }
    expect(loaded(fake.windows[0]!)).toEqual([[1.25]])
    // Closed for good (not kept in the tray), then opened again from the Dock: the new window too.
    for (const fn of fake.windows[0]!.listeners.get('closed') ?? []) fn()
    fake.windows.splice(0)
    for (const fn of fake.appListeners.get('activate') ?? []) fn()
    expect(fake.windows).toHaveLength(1)
    expect(loaded(fake.windows[0]!)).toEqual([[1.25]])
  })

  it('serves the renderer from app://, registered as a standard, secure scheme before the app is ready', async () => {
    await startMain()
    expect(fake.electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true }) },
    ])
    expect(fake.electron.protocol.registeredWhenReady).toBe(false)
    expect(fake.electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function))
    const handler = fake.electron.protocol.handle.mock.calls[0]![1]
    // The handler serves the built renderer folder beside main, and nothing outside it.
    const outside = await handler(new Request('app://turnaround-desk/..%2f..%2fpackage.json'))
    expect(outside.status).toBe(404)
    expect(outside.headers.get('content-security-policy')).toContain("default-src 'none'")
  })

  it('registers every channel of the contract, answering only the app’s own renderer', async () => {
    await startMain()
    expect([...fake.handlers.keys()].sort()).toEqual([...CHANNELS].sort())
    const url = fake.windows[0]?.loadedUrl as string
    const info = fake.handlers.get('app:info') as Listener
    expect(await info({ senderFrame: { url, parent: null } }, undefined)).toMatchObject({
      ok: true,
      data: { dataDir, hasProfile: false },
    })
    expect(await info({ senderFrame: { url: 'https://evil.example/', parent: null } }, undefined)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
  })

  it('writes the recommendation in the computer’s language, the one the window’s pages use (app.getLocale())', async () => {
    await startMain()
    const url = fake.windows[0]?.loadedUrl as string
    const frame = { senderFrame: { url, parent: null } }
    const call = async <T>(channel: string, input?: unknown): Promise<T> => {
      const result = (await (fake.handlers.get(channel) as Listener)(frame, input)) as { ok: boolean; data: T }
      expect(result, channel).toMatchObject({ ok: true })
      return result.data
    }
    await call('profile:save', {
      businessName: 'Harbour Lane',
      ownerName: 'Maya',
      currency: 'EUR',
      hourlyWorthMinor: 9000,
    })
    const client = await call<{ id: number }>('clients:create', { name: 'Quayside' })
    const t = await call<{ id: number }>('turnarounds:open', {
      clientId: client.id,
      openedOn: '2026-10-01',
      firstHeardBy: 'Maya',
    })
    await call('turnarounds:agree-plan', { id: t.id, agreedOn: '2026-10-28' })
    const panel = await call<{ result: { reasons: string[] } }>('decisions:get-panel', { clientId: client.id })
    expect(panel.result.reasons.join(' ')).toContain('28. Okt. 2026')
  })

  it('chooses a ledger CSV in the native open dialog, and sends import progress to the window', async () => {
    await startMain()
    const url = fake.windows[0]?.loadedUrl as string
    const frame = { senderFrame: { url, parent: null } }
    const choose = fake.handlers.get('ledger-import:choose-file') as Listener
    expect(await choose(frame, undefined)).toEqual({ ok: true, data: null })
    const csv = path.resolve(__dirname, '../fixtures/import/generic.csv')
    fake.electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [csv] })
    const chosen = (await choose(frame, undefined)) as { ok: true; data: { token: string; headers: string[] } }
    expect(chosen).toMatchObject({ ok: true, data: { fileName: 'generic.csv', suggestedPreset: 'generic' } })
    expect(fake.electron.dialog.showOpenDialog).toHaveBeenLastCalledWith(
      fake.windows[0],
      expect.objectContaining({ properties: ['openFile'] }),
    )
    const saveProfile = fake.handlers.get('profile:save') as Listener
    await saveProfile(frame, {
      businessName: 'Harbour Lane',
      ownerName: 'Maya Okafor',
      currency: 'USD',
      hourlyWorthMinor: 9000,
    })
    const run = fake.handlers.get('ledger-import:run') as Listener
    const mapping = {
      source: 'generic',
      fields: { date: ['date'], client: ['client'], kind: ['kind'], amount: ['amount'] },
    }
    // No clients yet: every row is listed and nothing written, and the reading's progress reached the window.
    expect(await run(frame, { token: chosen.data.token, mapping })).toMatchObject({
      ok: true,
      data: { status: 'stopped', badRowCount: 8 },
    })
    expect(fake.windows[0]?.webContents.send).toHaveBeenCalledWith(
      'ledger-import:progress',
      expect.objectContaining({ token: chosen.data.token, phase: 'reading' }),
    )
  })

  it('remembers the window bounds when it closes', async () => {
    await startMain()
    for (const fn of fake.windows[0]?.listeners.get('close') ?? []) fn({ preventDefault: () => {} })
    expect(JSON.parse(fs.readFileSync(path.join(dataDir, 'window-state.json'), 'utf8'))).toEqual({
      x: 10,
      y: 20,
      width: 1300,
      height: 820,
      maximized: false,
    })
  })

  it('keeps the app in the tray: today’s count, a notification whose click opens the place to act, close hides, a second launch shows it', async () => {
    await startMain()
    const win = fake.windows[0] as InstanceType<typeof fake.electron.BrowserWindow>
    const url = win.loadedUrl
    const frame = { senderFrame: { url, parent: null } }
    const call = (channel: string, input?: unknown) => (fake.handlers.get(channel) as Listener)(frame, input)
    await vi.waitFor(() => expect(fake.trays).toHaveLength(1))
    expect(fake.electron.app.setLoginItemSettings).toHaveBeenCalledWith({ openAtLogin: false })
    expect(fake.powerListeners.get('resume')).toHaveLength(1)

    await call('profile:save', {
      businessName: 'Harbour Lane',
      ownerName: 'Maya Okafor',
      currency: 'USD',
      hourlyWorthMinor: 9000,
    })
    await call('clients:create', { name: 'Alder Bakery' })
    const today = localIsoDate(new Date())
    await call('turnarounds:open', {
      clientId: 1,
      openedOn: today,
      firstHeardBy: 'Maya',
      channel: 'call',
      followUpEveryDays: 1,
    })
    await call('commitments:save', {
      turnaroundId: 1,
      commitment: { party: 'us', description: 'Call back', dueOn: today },
    })
    // The computer wakes: the check runs at once and notifies the commitment due today.
    for (const fn of fake.powerListeners.get('resume') ?? []) fn()
    await vi.waitFor(() => expect(fake.notifications).toHaveLength(1))
    const note = fake.notifications[0]
    expect(note?.options).toEqual({ title: 'Commitment at risk', body: 'Alder Bakery: Call back' })
    expect(note?.shown).toBe(true)
    expect(fake.electron.app.setBadgeCount).toHaveBeenLastCalledWith(1)
    expect(fake.trays[0]?.toolTip).toBe('Turnaround Desk: 1 thing due today')

    // Closing hides the window (the default keeps the app in the tray); the click brings it back there.
    const event = { preventDefault: vi.fn() }
    for (const fn of win.listeners.get('close') ?? []) fn(event)
    expect(event.preventDefault).toHaveBeenCalled()
    expect(win.visible).toBe(false)
    for (const fn of note?.listeners.get('click') ?? []) fn()
    expect(win.visible).toBe(true)
    expect(win.webContents.send).toHaveBeenCalledWith('app:navigate', '/turnarounds/1?tab=commitments')

    win.hide()
    for (const fn of fake.appListeners.get('second-instance') ?? []) fn()
    expect(win.visible).toBe(true)

    // Start at login follows the setting; with close-to-tray off, closing closes.
    await call('reminders:save', {
      kinds: {
        follow_up: true,
        commitment_at_risk: true,
        commitment_overdue: true,
        client_date_passed: true,
        check_in: true,
      },
      closeToTray: false,
      startAtLogin: true,
    })
    expect(fake.electron.app.setLoginItemSettings).toHaveBeenLastCalledWith({ openAtLogin: true })
    const closing = { preventDefault: vi.fn() }
    for (const fn of win.listeners.get('close') ?? []) fn(closing)
    expect(closing.preventDefault).not.toHaveBeenCalled()
  })

  it('quits when another instance already runs', async () => {
    fake.electron.app.requestSingleInstanceLock.mockReturnValue(false)
    vi.resetModules()
    vi.doMock('electron', () => ({ ...fake.electron, default: fake.electron }))
    await import('../../electron/main/index')
    expect(fake.electron.app.quit).toHaveBeenCalled()
    expect(fake.windows).toHaveLength(0)
  })

  it('shows a clear dialog and leaves an unreadable database file untouched', async () => {
    const file = path.join(dataDir, 'turnaround-desk.sqlite')
    fs.writeFileSync(file, 'not a database at all '.repeat(100))
    const before = fs.readFileSync(file)
    await startMain()
    expect(fake.electron.dialog.showErrorBox).toHaveBeenCalledWith(
      'The database cannot be opened',
      expect.stringContaining('has not been changed'),
    )
    expect(fake.electron.app.exit).toHaveBeenCalledWith(1)
    // The window made at once, to load its page meanwhile, is never shown.
    expect(await shownWindows()).toEqual([])
    expect(fs.readFileSync(file).equals(before)).toBe(true)
    expect(fs.readFileSync(path.join(dataDir, 'logs', 'main.log'), 'utf8')).toContain('open database')
  })

  it('offers the newest good backup for a damaged database, and on yes opens it with the damaged file kept aside', async () => {
    const file = await folderWithBackup(dataDir)
    const damaged = damage(file)
    fake.electron.dialog.showMessageBox.mockResolvedValue({ response: 0 })
    await startMain()
    expect(fake.electron.dialog.showMessageBox).toHaveBeenCalledWith(
      expect.objectContaining({
        type: 'warning',
        title: 'The database is damaged',
        buttons: ['Restore the backup', 'Quit'],
      }),
    )
    expect(fake.windows).toHaveLength(1)
    const aside = fs.readdirSync(dataDir).find((f) => f.includes('-damaged-'))
    expect(aside).toBeDefined()
    expect(fs.readFileSync(path.join(dataDir, aside as string)).equals(damaged)).toBe(true)
    const info = fake.handlers.get('clients:list') as Listener
    const url = fake.windows[0]?.loadedUrl as string
    expect(await info({ senderFrame: { url, parent: null } }, {})).toMatchObject({ ok: true, data: { total: 3 } })
  })

  it('offers the newest good backup when the database file is missing beside backups, and restores it', async () => {
    const file = await folderWithBackup(dataDir)
    fs.rmSync(file)
    fake.electron.dialog.showMessageBox.mockResolvedValue({ response: 0 })
    await startMain()
    expect(fake.electron.dialog.showMessageBox).toHaveBeenCalledWith(
      expect.objectContaining({
        type: 'warning',
        title: 'The database is missing',
        buttons: ['Restore the backup', 'Start with an empty database', 'Quit'],
        cancelId: 2,
      }),
    )
    expect(fake.windows).toHaveLength(1)
    const list = fake.handlers.get('clients:list') as Listener
    const url = fake.windows[0]?.loadedUrl as string
    expect(await list({ senderFrame: { url, parent: null } }, {})).toMatchObject({ ok: true, data: { total: 3 } })
    expect(fs.readFileSync(path.join(dataDir, 'logs', 'main.log'), 'utf8')).toMatch(
      /restored from turnaround-desk-.*-daily\.sqlite at start/,
    )
  })

  it('quits, creating nothing, when the database is missing beside backups and the owner chooses Quit', async () => {
    const file = await folderWithBackup(dataDir)
    fs.rmSync(file)
    fake.electron.dialog.showMessageBox.mockResolvedValue({ response: 2 })
    await startMain()
    expect(fake.electron.dialog.showErrorBox).toHaveBeenCalledWith(
      'The database is missing',
      expect.stringContaining('Nothing has been changed'),
    )
    expect(fake.electron.app.exit).toHaveBeenCalledWith(1)
    expect(fs.existsSync(file)).toBe(false)
  })

  it('opens anyway when today’s backup cannot be written (a full disk), and says so', async () => {
    const first = await openTestApp(dataDir, () => new Date(Date.now() - 2 * 86_400_000))
    await first.call('clients:create', { name: 'Ada' })
    await first.close()
    vi.spyOn(Database.prototype, 'backup').mockRejectedValue(
      new Database.SqliteError('database or disk is full', 'SQLITE_FULL'),
    )
    fake.electron.dialog.showMessageBox.mockResolvedValue({ response: 0 })
    await startMain()
    expect(fake.windows).toHaveLength(1)
    expect(fake.electron.app.exit).not.toHaveBeenCalled()
    expect(fake.electron.dialog.showMessageBox).toHaveBeenCalledWith(
      expect.objectContaining({
        type: 'warning',
        title: 'Today’s backup was not taken',
        detail: expect.stringContaining('The disk that holds your data is full'),
      }),
    )
    const list = fake.handlers.get('clients:list') as Listener
    expect(await list({ senderFrame: { url: fake.windows[0]?.loadedUrl, parent: null } }, {})).toMatchObject({
      ok: true,
      data: { total: 1 },
    })
  })

  it('quits without touching a damaged database when the owner declines the backup', async () => {
    const file = await folderWithBackup(dataDir)
    const damaged = damage(file)
    fake.electron.dialog.showMessageBox.mockResolvedValue({ response: 1 })
    await startMain()
    expect(fake.electron.dialog.showErrorBox).toHaveBeenCalledWith(
      'The database is damaged',
      expect.stringContaining('has not been changed'),
    )
    expect(fake.electron.app.exit).toHaveBeenCalledWith(1)
    expect(fs.readFileSync(file).equals(damaged)).toBe(true)
  })

  it('asks a brand-new install where to keep the data, creating nothing until this computer is chosen', async () => {
    fs.rmSync(path.join(dataDir, 'database.json'))
    await startMain()
    const file = path.join(dataDir, 'turnaround-desk.sqlite')
    expect(fake.windows).toHaveLength(1)
    const url = fake.windows[0]?.loadedUrl as string
    const frame = { senderFrame: { url, parent: null } }
    const call = (channel: string, input?: unknown) => (fake.handlers.get(channel) as Listener)(frame, input)
    expect([...fake.handlers.keys()].sort()).toEqual([...CHANNELS].sort())
    expect(await call('app:info')).toMatchObject({ ok: true, data: { firstStart: true, hasProfile: false } })
    expect(await call('appearance:get')).toMatchObject({ ok: true })
    expect(await call('clients:list', {})).toMatchObject({
      ok: false,
      error: { message: 'Choose where to keep your data first.' },
    })
    expect(fs.existsSync(file)).toBe(false)
    expect(fake.trays).toHaveLength(0)
    // The app's own menu from the start, never Electron's default one.
    expect(fake.electron.Menu.setApplicationMenu).toHaveBeenCalledTimes(1)

    expect(await call('database:first-start-choice', { kind: 'this-computer', userName: 'Maya' })).toMatchObject({
      ok: true,
      data: { active: 'this-computer', kind: 'this-computer', userName: 'Maya' },
    })
    // Chosen: the file, the app's own handlers and the tray, in the same window.
    expect(fs.existsSync(file)).toBe(true)
    expect(JSON.parse(fs.readFileSync(path.join(dataDir, 'database.json'), 'utf8'))).toMatchObject({
      kind: 'this-computer',
      userName: 'Maya',
    })
    expect(fake.windows).toHaveLength(1)
    expect(fake.trays).toHaveLength(1)
    expect(fake.electron.Menu.setApplicationMenu).toHaveBeenCalledTimes(1)
    expect(await call('app:info')).toMatchObject({ ok: true, data: { hasProfile: false, databaseFile: file } })
    expect(((await call('app:info')) as { data: { firstStart?: boolean } }).data.firstStart).toBeFalsy()
    expect(
      await call('profile:save', {
        businessName: 'Harbour Lane',
        ownerName: 'Maya',
        currency: 'EUR',
        hourlyWorthMinor: 9000,
      }),
    ).toMatchObject({ ok: true })
    expect(await call('database:first-start-choice', { kind: 'this-computer', userName: 'Maya' })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('already chosen') },
    })
  })

  it('never asks a desktop whose data folder already holds its database, chosen or not', async () => {
    const first = await openTestApp(dataDir)
    await first.call('clients:create', { name: 'Ada' })
    await first.close()
    fs.rmSync(path.join(dataDir, 'database.json'))
    await startMain()
    const list = fake.handlers.get('clients:list') as Listener
    expect(await list({ senderFrame: { url: fake.windows[0]?.loadedUrl, parent: null } }, {})).toMatchObject({
      ok: true,
      data: { total: 1 },
    })
    expect(fs.existsSync(path.join(dataDir, 'database.json'))).toBe(false)
  })

  it('keeps asking when the shared database chosen at first start cannot be reached, and keeps nothing', async () => {
    fs.rmSync(path.join(dataDir, 'database.json'))
    fake.electron.safeStorage.isEncryptionAvailable = () => true
    fake.electron.safeStorage.encryptString = vi.fn((t: string) => Buffer.from(t))
    fake.electron.safeStorage.decryptString = vi.fn((b: Buffer) => b.toString())
    Object.assign(fake.electron.safeStorage, { getSelectedStorageBackend: () => 'gnome_libsecret' })
    await startMain()
    const frame = { senderFrame: { url: fake.windows[0]?.loadedUrl, parent: null } }
    const choose = fake.handlers.get('database:first-start-choice') as Listener
    expect(
      await choose(frame, {
        kind: 'shared',
        userName: 'Maya',
        connection: { host: '127.0.0.1', port: 1, database: 'turnaround_desk', user: 'desk', password: 'pw' },
      }),
    ).toMatchObject({
      ok: false,
      error: { field: 'connection.port', message: expect.stringContaining('Nothing answered') },
    })
    expect(fs.readdirSync(dataDir).filter((f) => !f.startsWith('logs'))).toEqual([])
    expect(await (fake.handlers.get('app:info') as Listener)(frame)).toMatchObject({ data: { firstStart: true } })
  })
})
