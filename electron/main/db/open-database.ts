import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import 'reflect-metadata'
import { DataSource } from 'typeorm'
import { ENTITIES } from './entities'
import { backupFile, backupsDirOf, checkIntegrity, dailyBackup, pruneBackups } from './backups'
import { DatabaseOpenError } from './errors'
import { MIGRATION_NAMES, MIGRATIONS } from './migrations'

export const DATABASE_FILE_NAME = 'turnaround-desk.sqlite'

export interface OpenDatabaseOptions {
  file: string
  /** Where copies taken before a migration go; defaults to `backups` beside the file. */
  backupsDir?: string
  /** Path to a better_sqlite3.node built for the running runtime (Electron), when not the default. */
  nativeBinding?: string
  now?: () => Date
  /** Take the day's automatic backup of an existing file (default true). */
  dailyBackup?: boolean
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
    const problem = typeof code === 'string' && code.startsWith('SQLITE_CORRUPT') ? 'damaged' : 'unreadable'
    throw new DatabaseOpenError(problem, file, error instanceof Error ? error.message : String(error))
  } finally {
    db?.close()
  }
}

/**
 * Checks a file before opening it for writing: refuses unreadable, damaged (PRAGMA quick_check) and
 * newer files without writing to them, takes the day's backup, and the one before a migration.
 */
async function prepareFile(options: OpenDatabaseOptions, now: Date): Promise<{ backupFile: string | null; dailyBackupFile: string | null }> {
  const { file, nativeBinding } = options
  const backupsDir = options.backupsDir ?? backupsDirOf(file)
  const state = inspect(file, nativeBinding)
  if (!state.exists) return { backupFile: null, dailyBackupFile: null }
  const integrity = checkIntegrity(file, { nativeBinding })
  if (!integrity.ok && (integrity.reason === 'damaged' || state.appliedMigrations.length > 0)) throw new DatabaseOpenError('damaged', file, integrity.problem ?? 'quick_check failed')
  const unknown = state.appliedMigrations.filter((name) => !MIGRATION_NAMES.includes(name))
  if (unknown.length > 0) throw new DatabaseOpenError('newer-version', file, `unknown migrations: ${unknown.join(', ')}`)
  const pending = MIGRATION_NAMES.filter((name) => !state.appliedMigrations.includes(name))
  const dailyBackupFile = options.dailyBackup === false ? null : await dailyBackup(file, backupsDir, now, nativeBinding)
  const backup = pending.length > 0 ? await backupFile(file, backupsDir, 'before-migration', now, nativeBinding) : null
  pruneBackups(backupsDir)
  return { backupFile: backup, dailyBackupFile }
}

function createDataSource(file: string, nativeBinding: string | undefined): DataSource {
  return new DataSource({
    type: 'better-sqlite3',
    database: file,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false,
    migrationsTransactionMode: 'all',
    synchronize: false,
    enableWAL: true,
    ...(nativeBinding ? { nativeBinding } : {}),
    prepareDatabase: (db: Database.Database) => {
      db.pragma('foreign_keys = ON')
      db.pragma('busy_timeout = 5000')
      // Every commit reaches the disk before it is reported done: a power cut loses no committed
      // write (NORMAL with WAL could lose the last ones). A desk app commits little; the cost is small.
      db.pragma('synchronous = FULL')
    },
  })
}

async function initializeAndMigrate(dataSource: DataSource, file: string): Promise<string[]> {
  await dataSource.initialize()
  try {
    const applied = await dataSource.runMigrations({ transaction: 'all' })
    return applied.map((m) => m.name)
  } catch (error) {
    await dataSource.destroy()
    throw new DatabaseOpenError('migration-failed', file, error instanceof Error ? error.message : String(error))
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
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const { backupFile: backup, dailyBackupFile } = await prepareFile(options, now())
  const dataSource = createDataSource(file, nativeBinding)
  const applied = await initializeAndMigrate(dataSource, file)
  return { dataSource, file, applied, backupFile: backup, dailyBackupFile }
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
