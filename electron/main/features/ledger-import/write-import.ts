/** The import's writer for the engine the data is on: SQLite's (import-writer.ts) or PostgreSQL's. */
import type { EntityManager } from 'typeorm'
import { engineOf } from '../../db/engine'
import { rawDatabase, whenIdle, writeRows, type WriteOptions, type WriteOutcome } from './import-writer'
import { writeRowsPostgres } from './import-writer-postgres'
import type { ImportRows } from './row-store'

export async function writeImport(
  manager: EntityManager,
  rows: ImportRows,
  currency: string,
  stamp: string,
  options: WriteOptions = {},
): Promise<WriteOutcome> {
  if (engineOf(manager).kind === 'postgres') return writeRowsPostgres(manager, rows, currency, stamp)
  const db = rawDatabase(manager)
  await whenIdle(db)
  return writeRows(db, rows, currency, stamp, options)
}
