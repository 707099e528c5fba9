/**
 * The benchmarks' PostgreSQL: the same server and throwaway database the unit-pg tests use
 * (tests/support/postgres/global-setup.ts), started here by the benchmark itself. Benchmarks are
 * not tests: without PostgreSQL the PostgreSQL figures are skipped with the reason printed.
 */
import pg from 'pg'
import setupTestPostgres, { type TestPostgres } from '../support/postgres/global-setup'
import type { PostgresSettings } from '../../electron/main/db/engine/postgres-engine'

export interface BenchPostgres {
  server: TestPostgres
  /** Settings for the app in `schema` of the run's database (made when missing). */
  settings(schema: string, poolSize?: number): Promise<PostgresSettings>
  /** A plain `pg` client for hand-written SQL, bigints and sums read as numbers as the app reads them. */
  client(schema: string): Promise<pg.Client>
  drop(): Promise<void>
}

/** bigint (20) and numeric (1700) as numbers, as the app's data source reads them. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === 20 || oid === 1700
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
}

/** A PostgreSQL database for this benchmark, or the reason there is none (printed). */
export async function benchPostgres(): Promise<BenchPostgres | null> {
  if (process.env.BENCH_NO_POSTGRES) return skipped('BENCH_NO_POSTGRES is set')
  let server: TestPostgres | undefined
  let drop: () => Promise<void>
  try {
    drop = await setupTestPostgres({
      provide: (_key: string, value: TestPostgres) => void (server = value),
    } as never)
  } catch (error) {
    return skipped((error as Error).message)
  }
  if (!server) return skipped('the setup provided no database')
  const s = server
  return {
    server: s,
    async settings(schema, poolSize = 4) {
      const c = new pg.Client({ ...s })
      await c.connect()
      try {
        await c.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`)
      } finally {
        await c.end()
      }
      return { ...s, tls: null, poolSize, schema }
    },
    async client(schema) {
      const c = new pg.Client({ ...s, types, options: `-c search_path=${schema}` })
      await c.connect()
      return c
    },
    drop,
  }
}

function skipped(reason: string): null {
  console.log(`(PostgreSQL figures skipped: ${reason})`)
  return null
}
