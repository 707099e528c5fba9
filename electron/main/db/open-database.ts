import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import 'reflect-metadata'
import { DataSource } from 'typeorm'
import { ENTITIES } from './entities'
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
}

export interface OpenedDatabase {
  dataSource: DataSource
  file: string
  /** Migrations applied by this open, oldest first. */
  applied: string[]
  /** The copy taken before migrating, if one was needed. */
  backupFile: string | null
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
    throw new DatabaseOpenError('unreadable', file, error instanceof Error ? error.message : String(error))
  } finally {
    db?.close()
  }
}

async function backupBeforeMigration(file: string, dir: string, nativeBinding: string | undefined, now: Date): Promise<string> {
  fs.mkdirSync(dir, { recursive: true })
  const stamp = now.toISOString().replace(/[:.]/g, '-')
  const target = path.join(dir, `${path.basename(file, '.sqlite')}-${stamp}-before-migration.sqlite`)
  const db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) })
  try {
    await db.backup(target)
  } finally {
    db.close()
  }
  return target
}

/**
 * Opens (or creates) the database: refuses unreadable and newer files without writing to them,
 * backs the file up before any migration, then runs pending migrations in one transaction.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<OpenedDatabase> {
  const { file, nativeBinding } = options
  const now = options.now ?? (() => new Date())
  fs.mkdirSync(path.dirname(file), { recursive: true })

  const state = inspect(file, nativeBinding)
  const unknown = state.appliedMigrations.filter((name) => !MIGRATION_NAMES.includes(name))
  if (unknown.length > 0) throw new DatabaseOpenError('newer-version', file, `unknown migrations: ${unknown.join(', ')}`)
  const pending = MIGRATION_NAMES.filter((name) => !state.appliedMigrations.includes(name))

  const backupFile =
    state.exists && pending.length > 0
      ? await backupBeforeMigration(file, options.backupsDir ?? path.join(path.dirname(file), 'backups'), nativeBinding, now())
      : null

  const dataSource = new DataSource({
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
    },
  })
  await dataSource.initialize()
  try {
    const applied = await dataSource.runMigrations({ transaction: 'all' })
    return { dataSource, file, applied: applied.map((m) => m.name), backupFile }
  } catch (error) {
    await dataSource.destroy()
    throw new DatabaseOpenError('migration-failed', file, error instanceof Error ? error.message : String(error))
  }
}
