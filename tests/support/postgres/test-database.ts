/**
 * The service tests' PostgreSQL side: DESK_TEST_ENGINE=postgres (set by the unit-pg project) makes
 * openTestApp open a schema of the run's throwaway database (global-setup.ts) instead of a file.
 * Each test folder gets its own schema, named from the folder, so tests never see each other's data.
 */
import crypto from 'node:crypto'
import pg from 'pg'
import { inject } from 'vitest'
import { openPostgresDatabase } from '../../../electron/main/db/open-postgres'
import type { OpenedDatabase } from '../../../electron/main/db/open-database'
import type { PostgresSettings } from '../../../electron/main/db/engine/postgres-engine'

export const TEST_ENGINE: 'sqlite' | 'postgres' = process.env.DESK_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite'

/** The connection settings of the run's database, in `schema` (made when missing). */
export async function testPostgresSettings(schema?: string): Promise<PostgresSettings> {
  const server = inject('testPostgres')
  if (!server) throw new Error('The unit-pg global setup provided no PostgreSQL database.')
  const settings: PostgresSettings = { ...server, tls: null, poolSize: 4 }
  if (schema === undefined) return settings
  const client = new pg.Client({ ...server })
  await client.connect()
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`)
  } finally {
    await client.end()
  }
  return { ...settings, schema }
}

export function schemaOf(dir: string): string {
  return `t_${crypto.createHash('sha1').update(dir).digest('hex').slice(0, 20)}`
}

export async function openTestPostgres(dir: string): Promise<OpenedDatabase> {
  return acceptQuestionMarks(await openPostgresDatabase(await testPostgresSettings(schemaOf(dir))))
}

/**
 * The tests' own raw SQL is written with SQLite's `?` placeholders; on PostgreSQL they become `$1`,
 * `$2`... (outside quoted text), so one test reads the same on both engines. The app itself never
 * relies on this: its raw SQL goes through the engine seam.
 */
export function numberedPlaceholders(sql: string): string {
  let n = 0
  return sql.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"|\?/g, (token) => (token === '?' ? `$${++n}` : token))
}

/** Lets the test's raw SQL (dataSource.query) use `?` placeholders on PostgreSQL too. */
export function acceptQuestionMarks(db: OpenedDatabase): OpenedDatabase {
  const query = db.dataSource.query.bind(db.dataSource) as (sql: string, ...rest: unknown[]) => Promise<unknown>
  ;(db.dataSource as unknown as { query: typeof query }).query = (sql, ...rest) =>
    query(numberedPlaceholders(sql), ...rest)
  return db
}
