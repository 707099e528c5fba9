/**
 * "Export everything": every table of the database in one JSON file that needs no app to read.
 * Rows are read a page at a time (keyset paging on rowid) and written as they come, so a ledger of
 * a million entries never sits in memory at once. The file is written whole or not at all
 * (durable-file.ts).
 */
import { writeAtomically } from '../../durable-file'
import type { DataSource } from 'typeorm'

export const EXPORT_FORMAT = 'turnaround-desk-export'
export const EXPORT_FORMAT_VERSION = 1
const PAGE = 2000
/** Tables that are bookkeeping, not data. */
const SKIPPED = new Set(['migrations', 'sqlite_sequence', 'typeorm_metadata'])

export interface ExportMeta {
  exportedAt: Date
  appVersion: string
}

async function tablesOf(dataSource: DataSource): Promise<Array<{ name: string; withoutRowid: boolean }>> {
  const rows = (await dataSource.query("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name")) as {
    name: string
    sql: string
  }[]
  return rows
    .filter((r) => !SKIPPED.has(r.name) && !r.name.startsWith('sqlite_'))
    .map((r) => ({ name: r.name, withoutRowid: /WITHOUT\s+ROWID/i.test(r.sql) }))
}

function quoted(name: string): string {
  return `"${name.replace(/"/g, '""')}"`
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
    const tables = await tablesOf(dataSource)
    for (const [t, table] of tables.entries()) {
      await out.write(`${t === 0 ? '' : ','}\n  ${JSON.stringify(table.name)}: [`)
      let count = 0
      let after = -Infinity
      for (;;) {
        const rows = table.withoutRowid
          ? ((await dataSource.query(`SELECT * FROM ${quoted(table.name)} LIMIT ? OFFSET ?`, [PAGE, count])) as Record<
              string,
              unknown
            >[])
          : ((await dataSource.query(
              `SELECT rowid AS "__rowid", * FROM ${quoted(table.name)} WHERE rowid > ? ORDER BY rowid LIMIT ?`,
              [after === -Infinity ? -9e15 : after, PAGE],
            )) as Record<string, unknown>[])
        if (rows.length === 0) break
        const chunk = rows.map((row) => {
          if (!table.withoutRowid) {
            after = row.__rowid as number
            delete row.__rowid
          }
          return `${count++ === 0 ? '' : ','}\n   ${JSON.stringify(row)}`
        })
        await out.write(chunk.join(''))
        if (rows.length < PAGE) break
      }
      counts[table.name] = count
      await out.write(count === 0 ? ']' : '\n  ]')
    }
    await out.write('\n }\n}\n')
  })
  return counts
}
