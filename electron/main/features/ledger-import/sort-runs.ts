/**
 * The end of a large import on SQLite is sorting: building the entries' indexes again sorts every
 * entry once per index, and the month totals' grouped add sorts the rows written by client, month
 * and kind (bulk-indexes.ts, month-totals.ts). SQLite's sorter keeps a run in memory up to the
 * size of the page cache (the import's 16 MB, import-cache.ts), sorts it, and merges the runs; with
 * helper threads allowed (PRAGMA threads, none by default) it sorts and merges runs on them.
 *
 * For that end only, the page cache is made small and helper threads are allowed: runs of about
 * 1 MB, each sorted within the processor's own cache, on the core the reading thread has finished
 * with. For 200,000 rows the three indexes took about 320 ms instead of 500 and the grouped add
 * 475 instead of 610 (the same rows in turn with and without), and the import answered at 94,000
 * to 97,000 rows a second against 84,000 to 86,000. A small cache alone, with no helper thread,
 * gave a little over half of that.
 *
 * Both settings belong to the connection, not to the transaction: they are put back as they were
 * however the work ends, before the commit, so nothing else ever runs with them. Shrinking the
 * cache writes the pages it no longer holds to the WAL inside the transaction, which the commit
 * would have written anyway.
 *
 * The sorted runs wait in SQLite's temporary files (the system's temporary folder), as any sort
 * larger than the cache always did: tens of megabytes for 200,000 rows, gone when the sort ends. A
 * temporary folder that is full fails the import as a full disk does, with everything rolled back.
 * Keeping the runs in memory instead (temp_store = MEMORY) lost the whole gain: 490 ms for the
 * indexes and 560 for the grouped add.
 */
import os from 'node:os'
import type Database from 'better-sqlite3'
import { setPragmas } from '../../db/pragmas'

/** The page cache while sorting, in KiB (a negative cache_size): the size of one sorted run. */
export const SORT_RUN_KIB = 1024
/** At most this many helper threads (SQLite allows up to 8). */
const MOST_HELPERS = 4

/** Runs `work` (inside the caller's transaction) with small sort runs and helper threads, then puts both settings back. */
export function withSortRuns<T>(db: Database.Database, work: () => T): T {
  const restore = setPragmas(db, {
    cache_size: -SORT_RUN_KIB,
    threads: Math.min(MOST_HELPERS, os.availableParallelism()),
  })
  try {
    return work()
  } finally {
    restore()
  }
}
