/**
 * Runs Turnaround Desk in Debian's Chromium: the built renderer, `window.api` from the real preload
 * factory, answered by the real main-process dispatcher and services on a real database file.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { DATABASE_FILE_NAME, openDatabase, type OpenedDatabase } from '../../../electron/main/db/open-database'
import {
  createHandlers,
  createServices,
  type AppContext,
  type Ports,
  type Services,
} from '../../../electron/main/features/handlers'
import { createFirstStartHandlers, isFirstStart } from '../../../electron/main/features/database'
import { AppearanceSettings, appearanceFile } from '../../../electron/main/features/appearance'
import { postgresSettingsOf, type SecretBox } from '../../../electron/main/db/database-choice'
import { checkedAside } from '../../../electron/main/db/integrity-thread'
import { openPostgresDatabase } from '../../../electron/main/db/open-postgres'
import type { Handlers } from '../../../electron/shared/contract'
import { startPresence, type Presence } from '../../../electron/main/desk-presence'
import type { TrayMenuItem } from '../../../electron/main/tray-menu'
import type { Schedule } from '../../../electron/shared/reminders/schedule'
import { createDispatcher } from '../../../electron/main/ipc'
import { setDeskUser } from '../../../electron/main/db/record-version'
import { createRequestQueue } from '../../../electron/main/request-queue'
import { createSenderCheck } from '../../../electron/main/security'
import { BUILT_READER_FILE, FONTS_DIR, RENDERER_DIR, SCREENSHOT_DIR, SHIM_FILE } from './paths'
import { serveDirectory } from './static-server'

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup',
]

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS })
}

export interface RunningApp {
  page: Page
  dataDir: string
  db: OpenedDatabase
  /** Folders the app asked the system to open. */
  openedFolders: string[]
  /** Files the app asked the system to open. */
  openedFiles: string[]
  /** Folder the fake save dialog saves into (it answers with the suggested file name there). */
  saveDir: string
  /** What the fake open dialog answers next (null: cancelled). */
  setOpenFile(file: string | null): void
  /** What main told the window of the appearance: each theme source and zoom factor set. */
  appearance: { themes: string[]; zooms: number[] }
  /** Errors the page threw or logged: a test fails when there are any. */
  pageErrors: string[]
  /**
   * The text of every toast the page showed, in order: a toast lasts seconds, so a screenshot of a
   * failure seldom holds the one that said why.
   */
  toasts: string[]
  menu(command: string): Promise<void>
  /**
   * Moves main's and the page's clocks to a chosen instant and runs the app's reminder check there, through the real presence loop and reminders
   * service: what it notifies lands in `notifications` (click() does what clicking the OS
   * notification does: the window is shown and sent to the place to act).
   */
  remind(at: Date): Promise<Schedule | null>
  notifications: Array<{ title: string; body: string; click: () => void }>
  /** The tray's menu as last set, and the badge count. */
  tray: { menu: TrayMenuItem[]; toolTip: string; badge: number | null }
  /** Folder the fake folder dialog answers (null: cancelled). */
  setFolder(folder: string | null): void
  /**
   * A picture of the window (test-results/screenshots/<name>.png). `wholePage`: of everything the
   * page holds, however far it scrolls (the page scrolls inside its main column, so Playwright's
   * fullPage, which measures the document, would show one window's height).
   */
  screenshot(name: string, options?: { wholePage?: boolean }): Promise<string>
  /**
   * Names the person at the desktop for what main writes next, as Settings > Your data does: a
   * test plays a second desktop on the same data by writing under another name (then back).
   */
  setDeskUser(name: string): void
  /** Closes the window and the database, like quitting the app. */
  close(): Promise<void>
}

export function newDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'turnaround-e2e-'))
}

/** The system keychain, faked: what it seals is not the password as typed. */
const FAKE_KEYCHAIN: SecretBox = {
  available: () => true,
  seal: (text) => Buffer.from(`sealed:${text}`).toString('base64'),
  open: (sealed) => Buffer.from(sealed, 'base64').toString().slice('sealed:'.length),
}

/** The page's language, and so the computer's language main formats in. */
const PAGE_LOCALE = 'en-GB'

export async function startApp(
  browser: Browser,
  options: {
    dataDir?: string
    viewport?: { width: number; height: number }
    /** Device pixels per CSS pixel: 2 draws the page as a 200% zoom does. */
    scale?: number
    now?: () => Date
    /** Ports beyond the usual fakes (the SMTP password's cipher, the test mail server's certificate). */
    ports?: Partial<Ports>
    /** The page the window opens on (e.g. '/clients'), as if the app had been left there; else the start page. */
    openAt?: string
    /**
     * Start as the app does: a brand-new data folder (isFirstStart) first asks where to keep the data
     * (this computer, or a shared database, opened over PostgreSQL for real), and nothing is opened
     * until it is chosen. Without it the app starts as on a desk where this computer was chosen before.
     */
    firstStart?: boolean
    /**
     * Another build (a benchmark's baseline): an `out` folder holding `renderer/` and the preload's
     * stand-in `e2e/preload-shim.js`, as the global setup builds them; else this tree's build.
     */
    build?: string
    /** Check the database on main's thread whatever its size (a benchmark's comparison; see integrity-thread.ts). */
    checkOnMain?: boolean
  } = {},
): Promise<RunningApp> {
  const dataDir = options.dataDir ?? newDataDir()
  const databaseFile = path.join(dataDir, DATABASE_FILE_NAME)
  const server = await serveDirectory(options.build ? path.join(options.build, 'renderer') : RENDERER_DIR)
  const openedFolders: string[] = []
  const queue = createRequestQueue()
  const openedFiles: string[] = []
  const saveDir = path.join(dataDir, 'saved')
  fs.mkdirSync(saveDir, { recursive: true })
  const appearance = { themes: [] as string[], zooms: [] as number[] }
  const ports = {
    now: () => (clock ? clock() : new Date()),
    // As Electron's app.getLocale() is the renderer's language: the page's locale, set below.
    locale: () => PAGE_LOCALE,
    applyTheme: (theme: string) => void appearance.themes.push(theme),
    applyZoom: (factor: number) => void appearance.zooms.push(factor),
    openFolder: async (f: string) => void openedFolders.push(f),
    fontsDir: FONTS_DIR,
    importReaderFile: BUILT_READER_FILE,
    chooseSavePath: async ({ defaultPath }: { defaultPath: string }) => path.join(saveDir, path.basename(defaultPath)),
    openFile: async (f: string) => void openedFiles.push(f),
    chooseOpenFile: async () => openFile,
    // Progress reaches the page the way Electron's webContents.send would: an event the shim hands on.
    sendImportProgress: (p: unknown) =>
      void events.page?.evaluate((payload) => window.__deskEvent('ledger-import:progress', payload), p).catch(() => {}),
    chooseFolder: async () => folder,
    // The calendar and the reminders read the owner's day in one zone, whatever the machine's.
    timeZone: () => 'Europe/London',
    datedThingsChanged: () => void presence?.refresh(),
    // As a first start finds them: the computer's user name, and a keychain for a shared database's password.
    ...(options.firstStart ? { userName: 'dana', secrets: FAKE_KEYCHAIN } : {}),
    ...options.ports,
  }
  let folder: string | null = null
  // Main's clock: the chosen one, moved forward by remind().
  let clock = options.now
  let presence: Presence | null = null
  let openFile: string | null = null
  // The page the progress events go to, known once it is open.
  const events: { page?: Page } = {}
  const pageUrl = `${server.url}/index.html`
  // The dispatcher's handlers: the app's own once a database is open (at a first start, once chosen).
  const handlers = {} as Handlers
  let db: OpenedDatabase | null = null
  let services: Services | null = null
  const runOn = (opened: OpenedDatabase) => {
    db = opened
    const ctx: AppContext = { dataSource: opened.dataSource, dataDir, databaseFile, version: '0.1.0', queue }
    services = createServices(ctx, ports)
    Object.assign(handlers, createHandlers(ctx, ports, services))
  }
  const asksFirst = options.firstStart === true && isFirstStart(dataDir)
  // As index.ts starts: the page's requests wait until handlers are in place (the first-start page's
  // at once, or the app's once the database is open).
  let handlersReady!: () => void
  const ready = new Promise<void>((resolve) => (handlersReady = resolve))
  let opening: Promise<void> = Promise.resolve()
  // A large file's page loads while it is checked on a thread and opened; a small file (or one
  // checked on main's thread) is opened before the page is made.
  const besideThePage = !options.checkOnMain && checkedAside(databaseFile)
  if (asksFirst)
    Object.assign(
      handlers,
      createFirstStartHandlers({
        dataDir,
        version: '0.1.0',
        defaultUser: ports.userName ?? '',
        secrets: ports.secrets ?? null,
        appearance: new AppearanceSettings(appearanceFile(dataDir), ports),
        chooseOpenFile: ports.chooseOpenFile,
        openChosen: (choice) =>
          queue.released(async () => {
            runOn(
              choice.kind === 'shared' && choice.connection
                ? await openPostgresDatabase(
                    postgresSettingsOf(
                      choice.connection,
                      (ports.secrets ?? FAKE_KEYCHAIN).open(choice.connection.passwordSealed),
                    ),
                  )
                : await openDatabase({ file: databaseFile }),
            )
            await startPresenceLoop()
          }),
      }),
    )
  else
    opening = openDatabase({
      file: databaseFile,
      ...(options.checkOnMain ? { integrityAsideFromBytes: Number.POSITIVE_INFINITY } : {}),
    }).then((opened) => {
      runOn(opened)
      handlersReady()
    })
  if (asksFirst) handlersReady()
  // Awaited once the page has loaded; a database that cannot be opened fails the start there.
  opening.catch(() => {})
  if (!asksFirst && !besideThePage)
    await opening.catch(async (error: unknown) => {
      await server.close()
      throw error
    })
  const dispatcher = createDispatcher(
    handlers,
    createSenderCheck(pageUrl),
    (channel, error) => {
      throw new Error(`${channel} failed inside main: ${String(error)}`)
    },
    queue,
    ready,
  )

  const context: BrowserContext = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    deviceScaleFactor: options.scale ?? 1,
    locale: PAGE_LOCALE,
  })
  // With a chosen clock, the page's Date agrees with main's, as it would on a real desk on that day.
  if (options.now) await context.clock.setFixedTime(options.now())
  await context.exposeBinding('__deskInvoke', (source, channel: unknown, input: unknown) =>
    dispatcher.dispatch({ url: source.frame.url() }, channel, input),
  )
  await context.addInitScript({ path: options.build ? path.join(options.build, 'e2e', 'preload-shim.js') : SHIM_FILE })
  await context.addInitScript(() => {
    const told = new WeakSet<Element>()
    const tell = () => {
      for (const toast of document.querySelectorAll('.n-message')) {
        if (told.has(toast)) continue
        told.add(toast)
        console.debug(`[toast] ${toast.textContent ?? ''}`)
      }
    }
    const watch = () => new MutationObserver(tell).observe(document.body, { childList: true, subtree: true })
    if (document.body) watch()
    else document.addEventListener('DOMContentLoaded', watch)
  })
  const page = await context.newPage()
  events.page = page
  const pageErrors: string[] = []
  const toasts: string[] = []
  page.on('pageerror', (e) => pageErrors.push(e.message))
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(m.text())
    if (m.type() === 'debug' && m.text().startsWith('[toast] ')) toasts.push(m.text().slice('[toast] '.length))
  })
  await page.goto(options.openAt ? `${pageUrl}#${options.openAt}` : pageUrl)
  // The router's first move, to the start page, ends once that page's code has loaded (on demand):
  // until then a test's own move to another page would be written over by it.
  if (!options.openAt && !asksFirst) await page.waitForFunction(() => /^#\/./.test(location.hash))
  try {
    await opening
  } catch (error) {
    // The start failed (the database could not be opened): nothing is left open behind it.
    await context.close()
    await server.close()
    throw error
  }

  // The reminder loop as index.ts starts it, with the Electron parts as recording fakes.
  const notifications: RunningApp['notifications'] = []
  const tray: RunningApp['tray'] = { menu: [], toolTip: '', badge: null }
  async function startPresenceLoop(): Promise<void> {
    const running = services as Services
    presence = await startPresence(
      {
        now: ports.now,
        check: (now) => running.reminders.check(now),
        dueNow: (now) => running.reminders.dueNow(now),
        settings: () => running.reminders.settings(),
        runQueued: (task) => queue.run(task),
        open: (target) => void page.evaluate((t) => window.__deskEvent('app:navigate', t), target).catch(() => {}),
        quit: () => {},
        logError: (where, error) => pageErrors.push(`${where}: ${String(error)}`),
      },
      {
        notify: (n, click) => void notifications.push({ ...n, click }),
        createTray: () => ({
          setMenu: (menu) => void (tray.menu = menu),
          setToolTip: (text) => void (tray.toolTip = text),
        }),
        setBadgeCount: (count) => void (tray.badge = count),
        setOpenAtLogin: () => {},
        onWake: () => {},
        // The test moves the clock itself (remind): no timer runs on its own.
        timers: { setInterval: () => ({}), clearInterval: () => {} },
      },
    )
  }
  if (!asksFirst) await startPresenceLoop()

  return {
    page,
    setOpenFile: (file) => void (openFile = file),
    dataDir,
    get db() {
      if (!db) throw new Error('No database is open yet: the first start has not been answered.')
      return db
    },
    openedFolders,
    openedFiles,
    saveDir,
    pageErrors,
    toasts,
    appearance,
    menu: (command) => page.evaluate((c) => window.__deskMenu(c), command),
    async remind(at) {
      clock = () => at
      await context.clock.setFixedTime(at)
      return (presence as Presence).tick(at)
    },
    notifications,
    tray,
    setFolder: (f) => void (folder = f),
    setDeskUser(name) {
      if (!db) throw new Error('No database is open yet: the first start has not been answered.')
      setDeskUser(db.dataSource, name)
    },
    async screenshot(name, { wholePage = false } = {}) {
      const file = path.join(SCREENSHOT_DIR, `${name}.png`)
      fs.mkdirSync(path.dirname(file), { recursive: true })
      if (!wholePage) {
        await page.screenshot({ path: file, animations: 'disabled' })
        return file
      }
      // The window made as tall as the main column's content for the picture, then put back.
      const size = page.viewportSize() ?? { width: 1280, height: 800 }
      const height = await page.evaluate(() => {
        const main = document.querySelector('main')
        return Math.max(document.documentElement.scrollHeight, main ? main.offsetTop + main.scrollHeight : 0)
      })
      await page.setViewportSize({ width: size.width, height: Math.min(Math.max(height, size.height), 16_000) })
      try {
        await page.screenshot({ path: file, animations: 'disabled' })
      } finally {
        await page.setViewportSize(size)
      }
      return file
    },
    async close() {
      presence?.stop()
      await context.close()
      await server.close()
      await (db as OpenedDatabase | null)?.dataSource.destroy()
    },
  }
}
