/**
 * The page cache while an import writes: SQLite's own 16 MB, not the connection's 32
 * (open-database.ts), which serves reads. An import fills whatever cache it has with the pages it
 * writes, and at 32 MB its peak memory rose from 164 to 182 MB for no gain in speed.
 */
import type Database from 'better-sqlite3'
import { setPragmas } from '../../db/pragmas'

/** The import's page cache, in KiB. */
export const IMPORT_CACHE_KIB = 16 * 1024

/** Runs an import's `work` with the import's cache, then puts the connection's own back, however it ends. */
export async function withImportCache<T>(db: Database.Database, work: () => Promise<T>): Promise<T> {
  const restore = setPragmas(db, { cache_size: -IMPORT_CACHE_KIB })
  try {
    return await work()
  } finally {
    restore()
  }
}
