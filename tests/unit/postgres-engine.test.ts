/**
 * The PostgreSQL engine itself (run by the unit-pg project only): the same migrations give the same
 * schema as on SQLite, the month totals stay exact under concurrent writers, and the import's bulk
 * path turns the insert trigger off for its own transaction only.
 */
import path from 'node:path'
import pg from 'pg'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase, DATABASE_FILE_NAME } from '../../electron/main/db/open-database'
import { CLIENT_MONTHS_SUMS_INDEX, widenIntegers } from '../../electron/main/db/engine/postgres-engine'
import { MIGRATION_NAMES } from '../../electron/main/db/migrations'
import { fixture, importFile, openImportApp, type ImportApp } from '../support/import-fixture'
import { clientMonthsAndEntries } from '../support/client-months'
import { schemaOf, testPostgresSettings } from '../support/postgres/test-database'
import { openTestApp, tempDir, type TestApp } from '../support/temp-db'

let apps: TestApp[] = []
afterEach(async () => {
  for (const a of apps) await a.close()
  apps = []
})

type Column = { table: string; column: string; nullable: boolean }

async function sqliteSchema(): Promise<{ columns: Column[]; indexes: string[]; triggers: string[] }> {
  const dir = tempDir()
  const db = await openDatabase({ file: path.join(dir, DATABASE_FILE_NAME) })
  try {
    const tables = (await db.dataSource.query(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )) as { name: string }[]
    const columns: Column[] = []
    for (const { name } of tables)
      for (const c of (await db.dataSource.query(`PRAGMA table_info("${name}")`)) as Array<{
        name: string
        notnull: number
        pk: number
      }>)
        columns.push({ table: name, column: c.name, nullable: c.notnull === 0 && c.pk === 0 })
    const indexes = (
      (await db.dataSource.query(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_autoindex%' ORDER BY name",
      )) as { name: string }[]
    ).map((r) => r.name)
    const triggers = (
      (await db.dataSource.query("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name")) as {
        name: string
      }[]
    ).map((r) => r.name)
    return { columns, indexes, triggers }
  } finally {
    await db.dataSource.destroy()
  }
}

describe('the same migrations on PostgreSQL', () => {
  it('make the same tables, columns, nullability, indexes and triggers as on SQLite, every integer a bigint', async () => {
    const app = await openTestApp()
    apps.push(app)
    const ds = app.db.dataSource
    expect(
      ((await ds.query('SELECT name FROM migrations ORDER BY id')) as { name: string }[]).map((r) => r.name),
    ).toEqual(MIGRATION_NAMES)
    const columns = (await ds.query(
      `SELECT table_name AS "table", column_name AS "column", is_nullable = 'YES' AS nullable, data_type AS type
         FROM information_schema.columns WHERE table_schema = current_schema() ORDER BY table_name COLLATE "C", ordinal_position`,
    )) as Array<Column & { type: string }>
    // Primary keys and column-level unique constraints are named by TypeORM on PostgreSQL and are
    // automatic indexes on SQLite (sqlite_autoindex_*): left out here, where names are compared.
    const indexes = (
      (await ds.query(
        `SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema() AND indexname NOT LIKE 'PK_%' AND indexname NOT LIKE 'UQ_%' ORDER BY indexname COLLATE "C"`,
      )) as { name: string }[]
    ).map((r) => r.name)
    const triggers = (
      (await ds.query(
        `SELECT DISTINCT trigger_name AS name FROM information_schema.triggers WHERE trigger_schema = current_schema() ORDER BY 1`,
      )) as { name: string }[]
    ).map((r) => r.name)
    const sqlite = await sqliteSchema()
    expect(columns.map(({ table, column, nullable }) => ({ table, column, nullable }))).toEqual(sqlite.columns)
    // One index is PostgreSQL's own: what SQLite's table is already (migration 0019).
    expect(indexes).toEqual(
      [...sqlite.indexes.filter((n) => !n.startsWith('sqlite_')), CLIENT_MONTHS_SUMS_INDEX].sort(),
    )
    expect(triggers).toEqual(sqlite.triggers)
    expect(columns.filter((c) => c.type === 'integer')).toEqual([])
  })

  it('widens integers in table definitions only', () => {
    expect(widenIntegers('CREATE TABLE "t" ("id" SERIAL NOT NULL, "n" integer NOT NULL)')).toBe(
      'CREATE TABLE "t" ("id" BIGSERIAL NOT NULL, "n" bigint NOT NULL)',
    )
    expect(widenIntegers('ALTER TABLE touchpoints ADD COLUMN rate_minor integer NOT NULL DEFAULT (0)')).toBe(
      'ALTER TABLE touchpoints ADD COLUMN rate_minor bigint NOT NULL DEFAULT (0)',
    )
    expect(widenIntegers("SELECT 'integer' AS word")).toBe("SELECT 'integer' AS word")
  })
})

const TOTALS_EQUAL_GROUP_BY = `SELECT
  (SELECT json_agg(t ORDER BY client_id, month, kind) FROM (SELECT client_id, month, kind, amount_minor, minutes, entries FROM ledger_month_totals WHERE entries <> 0) t)::text =
  (SELECT json_agg(g ORDER BY client_id, month, kind) FROM (SELECT client_id, substr(entry_date, 1, 7) AS month, kind, SUM(amount_minor) AS amount_minor, SUM(COALESCE(minutes, 0)) AS minutes, COUNT(*) AS entries FROM ledger_entries GROUP BY 1, 2, 3) g)::text AS equal`

describe('the month totals on PostgreSQL', () => {
  it('stay exact while ten connections insert, move and delete entries of the same months at once', async () => {
    const dir = tempDir()
    const app = await openTestApp(dir)
    apps.push(app)
    const client = ((await app.call('clients:create', { name: 'Ada Quill' })) as { data: { id: number } }).data.id
    const settings = await testPostgresSettings(schemaOf(dir))
    const writers = Array.from(
      { length: 10 },
      () => new pg.Client({ ...settings, options: `-c search_path=${settings.schema}` }),
    )
    await Promise.all(writers.map((w) => w.connect()))
    try {
      await Promise.all(
        writers.map(async (w, n) => {
          for (let i = 0; i < 30; i++) {
            const month = `2026-0${(i % 3) + 1}`
            const [{ id }] = (
              await w.query(
                "INSERT INTO ledger_entries (client_id, kind, entry_date, amount_minor, currency, minutes, created_at, updated_at) VALUES ($1, $2, $3, $4, 'EUR', $5, '', '') RETURNING id",
                [client, i % 2 ? 'time' : 'invoice', `${month}-1${n % 9}`, 100 + n * 7 + i, i % 2 ? 15 : null],
              )
            ).rows
            if (i % 5 === 0) await w.query("UPDATE ledger_entries SET entry_date = '2026-04-01' WHERE id = $1", [id])
            if (i % 7 === 0) await w.query('DELETE FROM ledger_entries WHERE id = $1', [id])
          }
        }),
      )
    } finally {
      await Promise.all(writers.map((w) => w.end()))
    }
    expect(await app.db.dataSource.query(TOTALS_EQUAL_GROUP_BY)).toEqual([{ equal: true }])
    // And each client's months (kept by the month totals' own triggers) with them.
    const { kept, summed } = await clientMonthsAndEntries(app.db.dataSource)
    expect(kept).toEqual(summed)
  })

  it('are added in bulk by an import, and the trigger still counts every other write after it', async () => {
    const app: ImportApp = await openImportApp()
    apps.push(app)
    await app.db.dataSource.query(
      "INSERT INTO ledger_entries (client_id, kind, entry_date, amount_minor, currency, created_at, updated_at) VALUES (?, 'invoice', '2026-01-15', 700, 'USD', '', '')",
      [app.acme],
    )
    const result = await importFile(app, fixture('generic.csv'), 'generic')
    expect(result.imported).toBeGreaterThan(0)
    expect(await app.db.dataSource.query(TOTALS_EQUAL_GROUP_BY)).toEqual([{ equal: true }])
    // The setting that turned the trigger off was the import's transaction's own.
    await app.db.dataSource.query(
      "INSERT INTO ledger_entries (client_id, kind, entry_date, amount_minor, currency, created_at, updated_at) VALUES (?, 'invoice', '2026-01-20', 300, 'USD', '', '')",
      [app.acme],
    )
    expect(await app.db.dataSource.query(TOTALS_EQUAL_GROUP_BY)).toEqual([{ equal: true }])
    // Importing the same file again adds nothing, and counts nothing twice.
    expect((await importFile(app, fixture('generic.csv'), 'generic')).imported).toBe(0)
    expect(await app.db.dataSource.query(TOTALS_EQUAL_GROUP_BY)).toEqual([{ equal: true }])
  })
})
