/** SQLite (better-sqlite3): one file on this computer. */
import type { DataSource, QueryRunner } from 'typeorm'
import { BOOKKEEPING_TABLES, quoted, type Engine, type Queryable } from './engine'

/** The SQL that adds (sign = 1) or removes (sign = -1) one entry's row `r` from its month's totals. */
function bump(r: 'NEW' | 'OLD', sign: 1 | -1): string {
  return `INSERT INTO ledger_month_totals (client_id, month, kind, amount_minor, minutes, entries)
    VALUES (${r}.client_id, substr(${r}.entry_date, 1, 7), ${r}.kind, ${sign} * ${r}.amount_minor, ${sign} * COALESCE(${r}.minutes, 0), ${sign})
    ON CONFLICT (client_id, month, kind) DO UPDATE SET
      amount_minor = amount_minor + excluded.amount_minor,
      minutes = minutes + excluded.minutes,
      entries = entries + excluded.entries;`
}

async function tablesWithSql(db: Queryable): Promise<Array<{ name: string; sql: string }>> {
  const rows = (await db.query("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name")) as {
    name: string
    sql: string
  }[]
  return rows.filter((r) => !BOOKKEEPING_TABLES.has(r.name) && !r.name.startsWith('sqlite_'))
}

export const sqliteEngine: Engine = {
  kind: 'sqlite',
  // SQLite builds before 3.32 allow 999 bound parameters; 900 leaves room for a few more.
  maxParameters: 900,
  param: () => '?',

  async createMonthTotalsTriggers(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TRIGGER trg_ledger_entries_insert AFTER INSERT ON ledger_entries BEGIN ${bump('NEW', 1)} END`)
    // An entry removed with its client (the foreign key's cascade) has no totals to keep: the
    // client's totals go by their own cascade, and an upsert there would name a client now gone.
    await q.query(
      `CREATE TRIGGER trg_ledger_entries_delete AFTER DELETE ON ledger_entries WHEN EXISTS (SELECT 1 FROM clients WHERE id = OLD.client_id) BEGIN ${bump('OLD', -1)} END`,
    )
    await q.query(
      `CREATE TRIGGER trg_ledger_entries_update AFTER UPDATE OF client_id, entry_date, kind, amount_minor, minutes ON ledger_entries BEGIN ${bump('OLD', -1)} ${bump('NEW', 1)} END`,
    )
  },

  async dropMonthTotalsTriggers(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER IF EXISTS trg_ledger_entries_update')
    await q.query('DROP TRIGGER IF EXISTS trg_ledger_entries_delete')
    await q.query('DROP TRIGGER IF EXISTS trg_ledger_entries_insert')
  },

  async dataTables(db: Queryable): Promise<string[]> {
    return (await tablesWithSql(db)).map((t) => t.name)
  },

  /** Keyset paging on rowid (OFFSET paging for a WITHOUT ROWID table). */
  async readPages(dataSource: DataSource, tables, pageSize, onPage): Promise<void> {
    const withoutRowid = new Set(
      (await tablesWithSql(dataSource)).filter((t) => /WITHOUT\s+ROWID/i.test(t.sql)).map((t) => t.name),
    )
    for (const table of tables) {
      let count = 0
      let after = -9e15
      await onPage(table, [])
      for (;;) {
        const rows = withoutRowid.has(table)
          ? ((await dataSource.query(`SELECT * FROM ${quoted(table)} LIMIT ? OFFSET ?`, [pageSize, count])) as Record<
              string,
              unknown
            >[])
          : ((await dataSource.query(
              `SELECT rowid AS "__rowid", * FROM ${quoted(table)} WHERE rowid > ? ORDER BY rowid LIMIT ?`,
              [after, pageSize],
            )) as Record<string, unknown>[])
        if (rows.length === 0) break
        if (!withoutRowid.has(table))
          for (const row of rows) {
            after = row.__rowid as number
            delete row.__rowid
          }
        count += rows.length
        await onPage(table, rows)
        if (rows.length < pageSize) break
      }
    }
  },
}
