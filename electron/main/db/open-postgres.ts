/**
 * Opens a shared office database on a PostgreSQL server: connects, refuses a database that a newer
 * version of the app has migrated, and runs pending migrations in one transaction while holding an
 * advisory lock, so two desktops starting at once never migrate together.
 */
import 'reflect-metadata'
import type { DataSource } from 'typeorm'
import { ENTITIES } from './entities'
import { RecordAuthorSubscriber } from './record-version'
import { createPostgresDataSource, type PostgresSettings } from './engine/postgres-engine'
import { DatabaseOpenError } from './errors'
import { MIGRATION_NAMES, MIGRATIONS } from './migrations'
import type { OpenedDatabase } from './open-database'

/** The advisory lock key migrations hold (any fixed number; "TDmg"). */
const MIGRATION_LOCK = 0x54446d67

/** Where a shared database is, in words (no password): host:port/database as user. */
export function describePostgres(settings: PostgresSettings): string {
  return `postgresql://${settings.user}@${settings.host}:${settings.port}/${settings.database}`
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error))

async function appliedMigrations(dataSource: DataSource): Promise<string[]> {
  const [exists] = (await dataSource.query("SELECT to_regclass('migrations') IS NOT NULL AS present")) as Array<{
    present: boolean
  }>
  if (!exists?.present) return []
  return ((await dataSource.query('SELECT name FROM migrations ORDER BY id')) as { name: string }[]).map((r) => r.name)
}

export async function openPostgresDatabase(settings: PostgresSettings): Promise<OpenedDatabase> {
  const where = describePostgres(settings)
  const dataSource = createPostgresDataSource(settings, ENTITIES, MIGRATIONS, [RecordAuthorSubscriber])
  try {
    await dataSource.initialize()
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy()
    throw new DatabaseOpenError('unreadable', where, messageOf(error), error)
  }
  const lock = dataSource.createQueryRunner()
  try {
    await lock.connect()
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK])
    const unknown = (await appliedMigrations(dataSource)).filter((name) => !MIGRATION_NAMES.includes(name))
    if (unknown.length > 0)
      throw new DatabaseOpenError('newer-version', where, `unknown migrations: ${unknown.join(', ')}`)
    let applied: string[]
    try {
      applied = (await dataSource.runMigrations({ transaction: 'all' })).map((m) => m.name)
    } catch (error) {
      throw new DatabaseOpenError('migration-failed', where, messageOf(error))
    }
    return { dataSource, file: where, applied, backupFile: null, dailyBackupFile: null, dailyBackupProblem: null }
  } catch (error) {
    await lock.release().catch(() => {})
    await dataSource.destroy()
    throw error
  } finally {
    if (!lock.isReleased) {
      await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {})
      await lock.release()
    }
  }
}
