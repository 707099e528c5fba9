/**
 * A large import on SQLite sets the ledger entries' secondary indexes aside: each index kept up
 * row by row costs a search and an insert into a B-tree per row, where building it again once the
 * rows are in sorts every entry once (for 200,000 rows into an empty ledger the write took about a
 * third of the time). Done INSIDE the import's transaction, like the month-totals trigger: no other
 * statement ever sees an index missing, the indexes are made again from their own SQL word for word
 * before the commit, and a failure anywhere rolls their removal back with everything else.
 *
 * The unique index on import_key stays: the insert's ON CONFLICT needs it to skip rows already
 * imported, and linking an earlier payment finds it by that key. Partial indexes stay too: they hold
 * only the few entries their WHERE picks (a turnaround, an invoice), so keeping them up costs an
 * import next to nothing, where building one again reads every entry.
 *
 * Worth it only when the import is large beside the ledger: rebuilding reads every entry, old and
 * new, so a small import into a large ledger keeps the indexes up row by row.
 *
 * The same holds for the month totals the import adds (month-totals.ts): such an import adds about
 * as many rows of totals as it holds clients times months, and their index by month, kept up row by
 * row, puts each one in a place of its own; built again once they are in, it sorts them once.
 */
import type Database from 'better-sqlite3'

/** Fewer rows than this keep the indexes (building them again costs more than it saves). */
export const BULK_INDEX_ROWS = 10_000
/** The ledger may hold at most this many entries per row imported for the indexes to be set aside. */
const ENTRIES_PER_ROW = 4
/** The index each table keeps (the import's ON CONFLICT needs it). */
const KEPT: Record<IndexedTable, string> = {
  ledger_entries: 'uq_ledger_import_key',
  ledger_month_totals: '',
}

export type IndexedTable = 'ledger_entries' | 'ledger_month_totals'

interface SetAside {
  name: string
  sql: string
}

/** Whether an import of `rows` rows into a ledger whose highest id is `lastId` sets the indexes aside. */
export function setsIndexesAside(rows: number, lastId: number): boolean {
  return rows >= BULK_INDEX_ROWS && lastId <= rows * ENTRIES_PER_ROW
}

/** Whether an index's SQL has a WHERE clause (a partial index): none of its names or columns is "where". */
const isPartial = (sql: string) => /\bWHERE\b/i.test(sql)

/**
 * Drops a table's full secondary indexes (not the entries' import key, nor a partial one, nor the
 * primary key, which has no SQL of its own); the function returned makes them again.
 */
export function setIndexesAside(db: Database.Database, table: IndexedTable = 'ledger_entries'): () => void {
  const indexes = db
    .prepare(
      "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL AND name <> ? ORDER BY name",
    )
    .all(table, KEPT[table])
    .filter((index) => !isPartial((index as SetAside).sql)) as SetAside[]
  for (const index of indexes) db.exec(`DROP INDEX "${index.name.replace(/"/g, '""')}"`)
  return () => {
    for (const index of indexes) db.exec(index.sql)
  }
}
