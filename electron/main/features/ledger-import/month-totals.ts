/**
 * The month totals of the entries an import wrote, added once in bulk: one function per engine, each
 * the only place the import adds totals, so a table of totals kept beside ledger_month_totals is added
 * here too. Both add exactly the rows this import wrote (on SQLite every id after the last one before
 * the import, the connection being the import's alone; on PostgreSQL by id, so rows other desktops
 * insert meanwhile, counted by their own trigger, are never counted twice): the same arithmetic as
 * the insert trigger, once per client, month and kind instead of once per row.
 */
import type Database from 'better-sqlite3'
import type { QueryRunner } from 'typeorm'
import { addMonthTotalsSql } from '../../db/client-months'

const SQLITE_ADD = `INSERT INTO ledger_month_totals (client_id, month, kind, amount_minor, minutes, entries)
  SELECT client_id, substr(entry_date, 1, 7), kind, SUM(amount_minor), SUM(COALESCE(minutes, 0)), COUNT(*)
  FROM ledger_entries WHERE id > ? GROUP BY client_id, substr(entry_date, 1, 7), kind
  ON CONFLICT (client_id, month, kind) DO UPDATE SET
    amount_minor = amount_minor + excluded.amount_minor,
    minutes = minutes + excluded.minutes,
    entries = entries + excluded.entries`

const POSTGRES_ADD = `INSERT INTO ledger_month_totals AS t (client_id, month, kind, amount_minor, minutes, entries)
  SELECT client_id, substr(entry_date, 1, 7), kind, SUM(amount_minor), SUM(COALESCE(minutes, 0)), COUNT(*)
  FROM ledger_entries WHERE id = ANY($1::bigint[]) GROUP BY client_id, substr(entry_date, 1, 7), kind
  ON CONFLICT (client_id, month, kind) DO UPDATE SET
    amount_minor = t.amount_minor + excluded.amount_minor,
    minutes = t.minutes + excluded.minutes,
    entries = t.entries + excluded.entries`

/** SQLite: adds the totals of every entry whose id is above `afterId` (inside the import's transaction). */
export function addImportedMonthTotalsSqlite(db: Database.Database, afterId: number): void {
  db.prepare(SQLITE_ADD).run(afterId)
}

/**
 * The client months (db/client-months.ts) of the same rows: on SQLite the month totals' own triggers
 * add them as the grouped upsert runs; on PostgreSQL the import's setting turns those triggers off too.
 */
const POSTGRES_ADD_CLIENT_MONTHS = addMonthTotalsSql(
  'SELECT client_id, substr(entry_date, 1, 7) AS month, kind, amount_minor, COALESCE(minutes, 0) AS minutes, 1 AS entries FROM ledger_entries WHERE id = ANY($1::bigint[])',
)

/** PostgreSQL: adds the totals and client months of the entries with these ids (inside the import's transaction). */
export async function addImportedMonthTotalsPostgres(q: QueryRunner, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return
  await q.query(POSTGRES_ADD, [ids])
  await q.query(POSTGRES_ADD_CLIENT_MONTHS, [ids])
}
