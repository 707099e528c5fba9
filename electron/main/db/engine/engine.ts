/**
 * The engine seam: everything that knows which SQL dialect the database speaks lives behind this
 * one interface, one module per engine (sqlite-engine.ts, postgres-engine.ts). Services, queries and
 * figures use TypeORM's QueryBuilder and standard SQL and never ask which engine they run on; the
 * few places that must (the month totals' triggers, the import's bulk path, export's table listing
 * and paging, parameter chunking) ask `engineOf()`.
 */
import type { DataSource, EntityManager, QueryRunner } from 'typeorm'

export type EngineKind = 'sqlite' | 'postgres'

/** Something that can run SQL: a data source, a manager or a query runner. */
export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>
}

export interface Engine {
  readonly kind: EngineKind
  /** The most bound parameters one statement may hold (SQLite 999 in old builds; PostgreSQL 65535). */
  readonly maxParameters: number
  /** The placeholder for the n-th (1-based) bound parameter of a raw statement: `?` or `$n`. */
  param(n: number): string
  /** The month totals' triggers on ledger_entries (migration 0004). */
  createMonthTotalsTriggers(q: QueryRunner): Promise<void>
  dropMonthTotalsTriggers(q: QueryRunner): Promise<void>
  /** The client months' triggers on ledger_month_totals (migration 0013, see client-months.ts). */
  createClientMonthsTriggers(q: QueryRunner): Promise<void>
  dropClientMonthsTriggers(q: QueryRunner): Promise<void>
  /**
   * The client months' sums of a run of months read from an index alone (migration 0019). SQLite's
   * table is its own index (WITHOUT ROWID, keyed by client and month), which its portfolio walks
   * client by client (figures-query.ts): nothing to make there.
   */
  createClientMonthsSumsIndex(q: QueryRunner): Promise<void>
  dropClientMonthsSumsIndex(q: QueryRunner): Promise<void>
  /**
   * Runs a read and hands back each row as an array of its columns, in the SELECT's order: for a read
   * of thousands of rows summed at once, no object per row (SQLite reads them so straight from the
   * statement). Runs on `m`'s connection, so inside its transaction when it has one.
   */
  rows(m: EntityManager, sql: string, parameters: readonly unknown[]): Promise<unknown[][]>
  /** The tables holding data, by name (the migrations' bookkeeping left out). */
  dataTables(db: Queryable): Promise<string[]>
  /**
   * Reads every row of `tables`, table after table, a page at a time in a stable order, handing
   * each page to `onPage` (first with no rows as each table starts, so empty tables are seen too):
   * a table of a million rows never sits in memory at once.
   */
  readPages(
    dataSource: DataSource,
    tables: readonly string[],
    pageSize: number,
    onPage: (table: string, rows: Record<string, unknown>[]) => Promise<void>,
  ): Promise<void>
}

export type HasConnection = DataSource | EntityManager | QueryRunner

export function engineKindOf(x: HasConnection): EngineKind {
  const options = 'driver' in x && 'options' in x ? (x as DataSource).options : (x as EntityManager).connection.options
  if (options.type === 'postgres') return 'postgres'
  if (options.type === 'better-sqlite3') return 'sqlite'
  throw new Error(`No engine for a ${String(options.type)} database.`)
}

/** Cuts `ids` into lists small enough to bind in one statement beside `reserved` other parameters. */
export function chunksOf<T>(engine: Engine, ids: readonly T[], reserved = 0): T[][] {
  const size = Math.max(1, engine.maxParameters - reserved)
  const out: T[][] = []
  for (let i = 0; i < ids.length; i += size) out.push(ids.slice(i, i + size))
  return out
}

export function quoted(name: string): string {
  return `"${name.replace(/"/g, '""')}"`
}

/** Tables that are bookkeeping, not data, on every engine. */
export const BOOKKEEPING_TABLES: ReadonlySet<string> = new Set(['migrations', 'typeorm_metadata'])
