/**
 * A large import on SQLite sets the ledger entries' secondary indexes aside: each index kept up
 * row by row costs a search and an insert into a B-tree per row, where building it again once the
 * rows are in sorts every entry once (for 200,000 rows into an empty ledger the write took about a
 * third of the time). Done INSIDE the import's transaction, like the month-totals trigger: no other
 * statement ever sees an index missing, the indexes are made again from their own SQL word for word
 * before the commit, and a failure anywhere rolls their removal back with everything else.
 *
 * The unique index on import_key stays while the ledger holds any imported entry: the insert's ON
 * CONFLICT needs it to skip rows already imported, and linking an earlier payment finds it by that
 * key. Into a ledger with none (a first import, or only entries made by hand), no row can be one
 * already imported, and one file's keys are all different (row-reader.ts: each key is the hash of
 * the entry and its occurrence among identical rows), so that index is set aside too: a key is a
 * hash, so each insert into it lands at a random place, about a third of the rows' insert time,
 * where building it again sorts the keys once. Building it is also the last check: two rows of the
 * same key would fail it, and the whole import with it, before anything is committed.
 * Partial indexes stay: they hold only the few entries their WHERE picks (a turnaround, an invoice),
 * so keeping them up costs an import next to nothing, where building one again reads every entry.
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
/** The entries' unique import key: kept unless the ledger holds no imported entry (importKeyAside). */
export const IMPORT_KEY_INDEX = 'uq_ledger_import_key'

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
 * Whether the import key's unique index may be set aside too: only when no entry of the ledger has
 * an import key (read from that index itself, which holds every key in order).
 */
export function importKeyAside(db: Database.Database): boolean {
  return db.prepare('SELECT NOT EXISTS (SELECT 1 FROM ledger_entries WHERE import_key IS NOT NULL)').pluck().get() === 1
}

/**
 * Drops a table's full secondary indexes (not a partial one, nor the primary key, which has no SQL of
 * its own, nor the entries' import key unless `withImportKey`); the function returned makes them again.
 */
export function setIndexesAside(
  db: Database.Database,
  table: IndexedTable = 'ledger_entries',
  withImportKey = false,
): () => void {
  const indexes = db
    .prepare(
      "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL AND name <> ? ORDER BY name",
    )
    .all(table, withImportKey ? '' : IMPORT_KEY_INDEX)
    .filter((index) => !isPartial((index as SetAside).sql)) as SetAside[]
  for (const index of indexes) db.exec(`DROP INDEX "${index.name.replace(/"/g, '""')}"`)
  return () => {
    for (const index of indexes) db.exec(index.sql)
  }
}
