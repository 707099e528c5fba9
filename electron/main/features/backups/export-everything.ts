/**
 * "Export everything": every table of the database in one JSON file that needs no app to read.
 * Rows are read a page at a time (the engine's paging: rowid on SQLite, a cursor on PostgreSQL)
 * and written as they come, so a ledger of a million entries never sits in memory at once. The file is written whole or not at all
 * (durable-file.ts).
 */
import { writeAtomically } from '../../durable-file'
import type { DataSource } from 'typeorm'
import { engineOf } from '../../db/engine'

export const EXPORT_FORMAT = 'turnaround-desk-export'
export const EXPORT_FORMAT_VERSION = 1
const PAGE = 2000

export interface ExportMeta {
  exportedAt: Date
  appVersion: string
}

/** Writes the export to `file`; returns the number of rows of each table. */
export async function exportEverything(
  dataSource: DataSource,
  file: string,
  meta: ExportMeta,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {}
  await writeAtomically(file, async (out) => {
    const migrations = (await dataSource.query('SELECT name FROM migrations ORDER BY id')) as { name: string }[]
    const head = {
      format: EXPORT_FORMAT,
      formatVersion: EXPORT_FORMAT_VERSION,
      schemaVersion: migrations.at(-1)?.name ?? null,
      exportedAt: meta.exportedAt.toISOString(),
      appVersion: meta.appVersion,
      notes:
        'Amounts are integers in minor units (pence, cents) of the profile currency; durations are minutes; dates are YYYY-MM-DD; times are ISO 8601 UTC.',
    }
    await out.write(`${JSON.stringify(head, null, 1).slice(0, -2)},\n "tables": {`)
    const engine = engineOf(dataSource)
    const tables = await engine.dataTables(dataSource)
    let current: string | null = null
    const close = async () => {
      if (current !== null) await out.write(counts[current] === 0 ? ']' : '\n  ]')
    }
    await engine.readPages(dataSource, tables, PAGE, async (table, rows) => {
      if (table !== current) {
        await close()
        await out.write(`${current === null ? '' : ','}\n  ${JSON.stringify(table)}: [`)
        current = table
        counts[table] = 0
      }
      const chunk = rows.map((row) => `${counts[table]!++ === 0 ? '' : ','}\n   ${JSON.stringify(row)}`)
      await out.write(chunk.join(''))
    })
    await close()
    await out.write('\n }\n}\n')
  })
  return counts
}
