import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import 'reflect-metadata'
import { DataSource } from 'typeorm'
import { ENTITIES } from './entities'
import { RecordAuthorSubscriber } from './record-version'
import { bindWholeNumbers } from './bound-numbers'
import { untilCheckpointed } from './checkpoint-thread'
import { backupFile, backupsDirOf, dailyBackup, pruneBackups } from './backups'
import { checkBeforeOpening } from './integrity-thread'
import { DatabaseOpenError, storageFaultOf, storageMessage } from './errors'
import { MIGRATION_NAMES, MIGRATIONS } from './migrations'

export const DATABASE_FILE_NAME = 'turnaround-desk.sqlite'

/**
 * The connection's page cache, in KiB: twice SQLite's 16 MB as better-sqlite3 builds it. The
 * portfolio of a large ledger reads a period's client months (about 8 MB of pages at 1,000,000
 * entries and 2,000 clients, each client's months side by side) and the entries of its edge days
 * (one page each, about 16 MB): at 16 MB each read pushed the other out, and every portfolio read
 * its pages again from the file. At 32 MB both stay: the portfolio 27.5–32.0 → 22.9–23.1 ms, while
 * a plain GROUP BY over the entries hardly moves (393–422 → 390–408 ms), so the benchmarks give
 * their hand-written baselines the same cache. The pages are held only once read, and an import
 * writes with SQLite's own 16 MB (import-cache.ts), as its peak memory rose by the difference.
 */
export const PAGE_CACHE_KIB = 32 * 1024

export interface OpenDatabaseOptions {
  file: string
  /** Where copies taken before a migration go; defaults to `backups` beside the file. */
  backupsDir?: string
  /** Path to a better_sqlite3.node built for the running runtime (Electron), when not the default. */
  nativeBinding?: string
  now?: () => Date
  /** Take the day's automatic backup of an existing file (default true). */
  dailyBackup?: boolean
  /**
   * From what size the check before opening reads the file on a thread of its own (default
   * ASIDE_FROM_BYTES, see integrity-thread.ts); Infinity keeps it on main's (a benchmark's comparison).
   */
  integrityAsideFromBytes?: number
  /** Told why that thread could not check (main then checked itself): for the log. */
  onCheckThreadFailure?: (error: unknown) => void
}

export interface OpenedDatabase {
  dataSource: DataSource
  file: string
  /** Migrations applied by this open, oldest first. */
  applied: string[]
  /** The copy taken before migrating, if one was needed. */
  backupFile: string | null
  /** The day's automatic backup, when this open took it. */
  dailyBackupFile: string | null
  /**
   * Why the day's backup could not be written (a full disk, a backups folder that cannot be
   * written), in words for the owner; the database opened anyway. Null when it was taken or not due.
   */
  dailyBackupProblem: string | null
}

interface FileState {
  exists: boolean
  appliedMigrations: string[]
}

/** Reads what migrations an existing file has, read-only, so a bad or newer file is never written. */
function inspect(file: string, nativeBinding: string | undefined): FileState {
  if (!fs.existsSync(file) || fs.statSync(file).size === 0) return { exists: false, appliedMigrations: [] }
  let db: Database.Database | undefined
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) })
    const hasTable = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'migrations'").get()
    const rows = hasTable ? (db.prepare('SELECT name FROM migrations ORDER BY id').all() as { name: string }[]) : []
    return { exists: true, appliedMigrations: rows.map((r) => r.name) }
  } catch (error) {
    const code = (error as { code?: unknown }).code
    // A WAL database in a folder that cannot be written cannot even be read (SQLite needs its -shm):
    // say so, rather than that the file may be damaged.
    const problem =
      storageFaultOf(error) === 'read-only'
        ? 'read-only'
        : typeof code === 'string' && code.startsWith('SQLITE_CORRUPT')
          ? 'damaged'
          : 'unreadable'
    throw new DatabaseOpenError(problem, file, error instanceof Error ? error.message : String(error))
  } finally {
    db?.close()
  }
}

/**
 * Checks a file before opening it for writing: refuses unreadable, damaged (PRAGMA quick_check) and
 * newer files without writing to them, takes the day's backup, and the one before a migration.
 */
async function prepareFile(
  options: OpenDatabaseOptions,
  now: Date,
): Promise<{ backupFile: string | null; dailyBackupFile: string | null; dailyBackupProblem: string | null }> {
  const { file, nativeBinding } = options
  const backupsDir = options.backupsDir ?? backupsDirOf(file)
  const state = inspect(file, nativeBinding)
  if (!state.exists) return { backupFile: null, dailyBackupFile: null, dailyBackupProblem: null }
  // A large file is read on a thread of its own: main serves the window its page meanwhile (integrity-thread.ts).
  const integrity = await checkBeforeOpening(
    file,
    { nativeBinding, ...(options.onCheckThreadFailure ? { onThreadFailure: options.onCheckThreadFailure } : {}) },
    options.integrityAsideFromBytes,
  )
  if (!integrity.ok && (integrity.reason === 'damaged' || state.appliedMigrations.length > 0))
    throw new DatabaseOpenError('damaged', file, integrity.problem ?? 'quick_check failed')
  const unknown = state.appliedMigrations.filter((name) => !MIGRATION_NAMES.includes(name))
  if (unknown.length > 0)
    throw new DatabaseOpenError('newer-version', file, `unknown migrations: ${unknown.join(', ')}`)
  const pending = MIGRATION_NAMES.filter((name) => !state.appliedMigrations.includes(name))
  // The day's backup is wanted, not needed to open: when it cannot be written the database opens
  // anyway and the owner is told why (a start must not fail because the disk is full).
  let dailyBackupFile: string | null = null
  let dailyBackupProblem: string | null = null
  if (options.dailyBackup !== false) {
    try {
      dailyBackupFile = await dailyBackup(file, backupsDir, now, nativeBinding)
    } catch (error) {
      const fault = storageFaultOf(error)
      dailyBackupProblem = fault
        ? storageMessage(
            fault,
            "today's backup could not be written. Your data opened as usual and nothing was lost; the backups taken before today are still in the backups folder",
          )
        : `Today's backup could not be written (${error instanceof Error ? error.message : String(error)}). Your data opened as usual and nothing was lost; the backups taken before today are still in the backups folder.`
    }
  }
  // The copy before an upgrade is needed: without it the database is not upgraded, and not opened.
  let backup: string | null = null
  if (pending.length > 0) {
    try {
      backup = await backupFile(file, backupsDir, 'before-migration', now, nativeBinding)
    } catch (error) {
      const fault = storageFaultOf(error)
      if (fault)
        throw new DatabaseOpenError(
          fault,
          file,
          `the copy before the upgrade could not be written: ${error instanceof Error ? error.message : String(error)}`,
        )
      throw error
    }
  }
  try {
    pruneBackups(backupsDir)
  } catch {
    // A backups folder that cannot be written keeps its old backups: nothing is lost.
  }
  return { backupFile: backup, dailyBackupFile, dailyBackupProblem }
}

/** The app's SQLite data source: closing it waits for a checkpoint of its database under way on another thread (checkpoint-thread.ts). */
class DeskDataSource extends DataSource {
  override async destroy(): Promise<void> {
    await untilCheckpointed(this)
    return super.destroy()
  }
}

function createDataSource(file: string, nativeBinding: string | undefined): DataSource {
  const dataSource = new DeskDataSource({
    type: 'better-sqlite3',
    database: file,
    entities: ENTITIES,
    subscribers: [RecordAuthorSubscriber],
    migrations: MIGRATIONS,
    migrationsRun: false,
    migrationsTransactionMode: 'all',
    synchronize: false,
    enableWAL: true,
    ...(nativeBinding ? { nativeBinding } : {}),
    prepareDatabase: (db: Database.Database) => {
      db.pragma('foreign_keys = ON')
      db.pragma('busy_timeout = 5000')
      db.pragma(`cache_size = -${PAGE_CACHE_KIB}`)
      // Every commit reaches the disk before it is reported done: a power cut loses no committed
      // write (NORMAL with WAL could lose the last ones). A desk app commits little; the cost is small.
      db.pragma('synchronous = FULL')
    },
  })
  bindWholeNumbers(dataSource)
  return dataSource
}

async function initializeAndMigrate(dataSource: DataSource, file: string): Promise<string[]> {
  try {
    await dataSource.initialize()
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy()
    const fault = storageFaultOf(error)
    if (fault) throw new DatabaseOpenError(fault, file, error instanceof Error ? error.message : String(error))
    throw error
  }
  try {
    const applied = await dataSource.runMigrations({ transaction: 'all' })
    return applied.map((m) => m.name)
  } catch (error) {
    await dataSource.destroy()
    throw new DatabaseOpenError(
      storageFaultOf(error) ?? 'migration-failed',
      file,
      error instanceof Error ? error.message : String(error),
    )
  }
}

/**
 * Opens (or creates) the database: refuses unreadable, damaged and newer files without writing to
 * them, backs the file up (once a day, and before any migration), then runs pending migrations in
 * one transaction.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<OpenedDatabase> {
  const { file, nativeBinding } = options
  const now = options.now ?? (() => new Date())
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true })
  } catch (error) {
    const fault = storageFaultOf(error)
    throw fault ? new DatabaseOpenError(fault, file, error instanceof Error ? error.message : String(error)) : error
  }
  const { backupFile: backup, dailyBackupFile, dailyBackupProblem } = await prepareFile(options, now())
  const dataSource = createDataSource(file, nativeBinding)
  const applied = await initializeAndMigrate(dataSource, file)
  return { dataSource, file, applied, backupFile: backup, dailyBackupFile, dailyBackupProblem }
}

/**
 * Opens the same DataSource again after its file was replaced (a restore): the same checks and
 * migrations as at start, and every service holding its manager keeps working.
 */
export async function reopenDatabase(dataSource: DataSource, options: OpenDatabaseOptions): Promise<string[]> {
  const now = options.now ?? (() => new Date())
  if (dataSource.isInitialized) await dataSource.destroy()
  await prepareFile({ ...options, dailyBackup: false }, now())
  return initializeAndMigrate(dataSource, options.file)
}
