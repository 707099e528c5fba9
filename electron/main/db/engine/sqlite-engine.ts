/** SQLite (better-sqlite3): one file on this computer. */
import type Database from 'better-sqlite3'
import type { DataSource, EntityManager, QueryRunner } from 'typeorm'
import { BOOKKEEPING_TABLES, quoted, type Engine, type Queryable } from './engine'
import { CLIENT_MONTH_VALUES, addToClientMonth, clientMonthValues, ADD_ON_CONFLICT } from '../client-months'

/** The SQL that adds (sign = 1) or removes (sign = -1) one entry's row `r` from its month's totals. */
function bump(r: 'NEW' | 'OLD', sign: 1 | -1): string {
  return `INSERT INTO ledger_month_totals (client_id, month, kind, amount_minor, minutes, entries)
    VALUES (${r}.client_id, substr(${r}.entry_date, 1, 7), ${r}.kind, ${sign} * ${r}.amount_minor, ${sign} * COALESCE(${r}.minutes, 0), ${sign})
    ON CONFLICT (client_id, month, kind) DO UPDATE SET
      amount_minor = amount_minor + excluded.amount_minor,
      minutes = minutes + excluded.minutes,
      entries = entries + excluded.entries;`
}

/** A month total row's change, as the difference of each column when its client and month stay. */
const difference = () => clientMonthValues('NEW', 1).map((v, i) => `${v} - (${clientMonthValues('OLD', 1)[i]})`)

const SAME_MONTH = 'NEW.client_id = OLD.client_id AND NEW.month = OLD.month'

/** Adds `values` to the client's month when `when` holds (SQLite's upsert from a SELECT needs its WHERE). */
const addWhen = (r: 'NEW' | 'OLD', values: string[], when: string) =>
  `INSERT INTO ledger_client_months (client_id, month, ${CLIENT_MONTH_VALUES.join(', ')})
    SELECT ${r}.client_id, ${r}.month, ${values.join(', ')} WHERE ${when} ${ADD_ON_CONFLICT};`

async function tablesWithSql(db: Queryable): Promise<Array<{ name: string; sql: string }>> {
  const rows = (await db.query("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name")) as {
    name: string
    sql: string
  }[]
  return rows.filter((r) => !BOOKKEEPING_TABLES.has(r.name) && !r.name.startsWith('sqlite_'))
}

/** Each connection's statements read as arrays, prepared once per SQL text. */
const arrayStatements = new WeakMap<Database.Database, Map<string, Database.Statement>>()

function arrayStatement(m: EntityManager, sql: string): Database.Statement {
  const db = (m.connection.driver as unknown as { databaseConnection: Database.Database }).databaseConnection
  let statements = arrayStatements.get(db)
  if (!statements) arrayStatements.set(db, (statements = new Map()))
  let statement = statements.get(sql)
  if (!statement) statements.set(sql, (statement = db.prepare(sql).raw(true)))
  return statement
}

export const sqliteEngine: Engine = {
  kind: 'sqlite',
  // SQLite builds before 3.32 allow 999 bound parameters; 900 leaves room for a few more.
  maxParameters: 900,
  param: () => '?',

  async rows(m: EntityManager, sql: string, parameters: readonly unknown[]): Promise<unknown[][]> {
    // One connection, used by one statement at a time: the same connection TypeORM's queries run on.
    return arrayStatement(m, sql).all(...parameters) as unknown[][]
  },

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

  async createClientMonthsTriggers(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TRIGGER trg_ledger_month_totals_insert AFTER INSERT ON ledger_month_totals BEGIN ${addToClientMonth('NEW.client_id', 'NEW.month', clientMonthValues('NEW', 1))}; END`,
    )
    // The month totals' upsert updates a row in place: one upsert of the difference. A row moved to
    // another client or month (nothing does that today) leaves the one and joins the other.
    await q.query(
      `CREATE TRIGGER trg_ledger_month_totals_update AFTER UPDATE ON ledger_month_totals BEGIN
        ${addWhen('NEW', difference(), SAME_MONTH)}
        ${addWhen('OLD', clientMonthValues('OLD', -1), `NOT (${SAME_MONTH})`)}
        ${addWhen('NEW', clientMonthValues('NEW', 1), `NOT (${SAME_MONTH})`)}
      END`,
    )
    // Removed with its client (the cascade): the client's months go by their own cascade.
    await q.query(
      `CREATE TRIGGER trg_ledger_month_totals_delete AFTER DELETE ON ledger_month_totals WHEN EXISTS (SELECT 1 FROM clients WHERE id = OLD.client_id) BEGIN ${addToClientMonth('OLD.client_id', 'OLD.month', clientMonthValues('OLD', -1))}; END`,
    )
  },

  async dropClientMonthsTriggers(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER IF EXISTS trg_ledger_month_totals_delete')
    await q.query('DROP TRIGGER IF EXISTS trg_ledger_month_totals_update')
    await q.query('DROP TRIGGER IF EXISTS trg_ledger_month_totals_insert')
  },

  // The table's rows live in its key (client, month): each client's run of months is read from it alone.
  async createClientMonthsSumsIndex(): Promise<void> {},
  async dropClientMonthsSumsIndex(): Promise<void> {},

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
