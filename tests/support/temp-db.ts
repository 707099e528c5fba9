import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openDatabase, DATABASE_FILE_NAME, type OpenedDatabase } from '../../electron/main/db/open-database'
import { openTestPostgres, TEST_ENGINE } from './postgres/test-database'
import { openPostgresDatabase } from '../../electron/main/db/open-postgres'
import type { PostgresSettings } from '../../electron/main/db/engine/postgres-engine'
import { createHandlers, createServices, type AppContext, type Ports } from '../../electron/main/features/handlers'
import { createDispatcher, type SenderFrame } from '../../electron/main/ipc'
import { createRequestQueue, type RequestQueue } from '../../electron/main/request-queue'
import type { ImportProgress } from '../../electron/shared/ledger-import/progress'
import { READER_FILE } from './reader-file'

export const TRUSTED_URL = 'app://turnaround-desk/index.html'
export const FIXED_NOW = new Date('2026-11-22T09:30:00Z')
export const FONTS_DIR = path.resolve(__dirname, '../../resources/fonts')

export function tempDir(prefix = 'turnaround-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix))
}

export interface TestApp {
  dir: string
  db: OpenedDatabase
  ctx: AppContext
  ports: Ports & {
    opened: string[]
    saveDialogs: Array<{ title: string; defaultPath: string }>
    openedFiles: string[]
    nextSavePath?: string | null
    nextOpenPath?: string | null
    importProgress: ImportProgress[]
    onImportProgress?: (p: ImportProgress) => void
  }
  services: ReturnType<typeof createServices>
  queue: RequestQueue
  /** Calls a channel the way the renderer does, through the real dispatcher. */
  call(channel: string, input?: unknown, frame?: SenderFrame | null): Promise<unknown>
  close(): Promise<void>
}

export { TEST_ENGINE }

/**
 * A real database file in a fresh temp folder, with the real services and dispatcher over it. With
 * DESK_TEST_ENGINE=postgres (the unit-pg project) the database is a schema of the run's PostgreSQL
 * database, one per folder: opening the same folder again opens the same data, as a restart would.
 */
export async function openTestApp(
  dir = tempDir(),
  now: () => Date = () => FIXED_NOW,
  /** Ports beyond the usual fakes (the SMTP password's cipher, the tests' mail server's certificate). */
  more: Partial<Ports> = {},
  /**
   * The engine, or a PostgreSQL server's settings: a benchmark's own server, opened as the app opens
   * it (without the tests' `?` placeholders for raw SQL, which would cost every query a rewrite).
   */
  engine: 'sqlite' | 'postgres' | PostgresSettings = TEST_ENGINE,
): Promise<TestApp> {
  const file = path.join(dir, DATABASE_FILE_NAME)
  const db =
    engine === 'postgres'
      ? await openTestPostgres(dir)
      : engine === 'sqlite'
        ? await openDatabase({ file, now })
        : await openPostgresDatabase(engine)
  const queue = createRequestQueue()
  const ctx: AppContext = {
    dataSource: db.dataSource,
    dataDir: dir,
    databaseFile: file,
    version: '0.0.0-test',
    queue,
    deskId: crypto.randomUUID(),
  }
  const opened: string[] = []
  const saveDialogs: Array<{ title: string; defaultPath: string }> = []
  const openedFiles: string[] = []
  const ports: TestApp['ports'] = {
    now,
    opened,
    openFolder: async (f: string) => void opened.push(f),
    fontsDir: FONTS_DIR,
    importReaderFile: READER_FILE,
    saveDialogs,
    openedFiles,
    // The fake save dialog answers with nextSavePath (null: cancelled), or a file in the test's folder.
    chooseSavePath: async (options) => {
      saveDialogs.push(options)
      return ports.nextSavePath === undefined ? path.join(dir, path.basename(options.defaultPath)) : ports.nextSavePath
    },
    openFile: async (f: string) => void openedFiles.push(f),
    // The fake open dialog answers with nextOpenPath (undefined or null: cancelled).
    chooseOpenFile: async () => ports.nextOpenPath ?? null,
    importProgress: [],
    userName: 'Owner',
    // The system keychain, faked: sealed text is not the password as typed.
    secrets: {
      available: () => true,
      seal: (text) => `sealed:${Buffer.from([...text].reverse().join(''), 'utf8').toString('base64')}`,
      open: (sealed) => [...Buffer.from(sealed.slice('sealed:'.length), 'base64').toString('utf8')].reverse().join(''),
    },
    sendImportProgress: (p) => {
      ports.importProgress.push(p)
      ports.onImportProgress?.(p)
    },
    ...more,
  }
  const services = createServices(ctx, ports)
  const dispatcher = createDispatcher(
    createHandlers(ctx, ports, services),
    (f) => f?.url === TRUSTED_URL,
    () => {},
    queue,
  )
  return {
    dir,
    db,
    ctx,
    ports,
    services,
    queue,
    call: (channel, input, frame = { url: TRUSTED_URL }) => dispatcher.dispatch(frame, channel, input),
    close: () => db.dataSource.destroy(),
  }
}
