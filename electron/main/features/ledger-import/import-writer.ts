/**
 * Writes checked rows in ONE synchronous better-sqlite3 transaction with prepared statements: nothing
 * else can run on the connection in between, and any failure rolls everything back. New clients are
 * created first (or found, if one of that name appeared meanwhile); rows already imported (same
 * import_key) are skipped and counted. The SQLite triggers keep ledger_month_totals exact.
 */
import type Database from 'better-sqlite3'
import type { EntityManager } from 'typeorm'
import { searchKey } from '../../../shared/text'
import type { ImportRow } from './row-reader'

export interface WriteOutcome {
  imported: number
  duplicates: number
  clientsCreated: string[]
  amountImportedMinor: number
}

/** The raw better-sqlite3 handle behind TypeORM's data source. */
export function rawDatabase(manager: EntityManager): Database.Database {
  return (manager.connection.driver as unknown as { databaseConnection: Database.Database }).databaseConnection
}

/** Waits until no transaction is open on the connection (a TypeORM transaction awaiting between statements). */
export async function whenIdle(db: Database.Database): Promise<void> {
  for (let waited = 0; db.inTransaction; waited += 5) {
    if (waited > 30_000) throw new Error('The database stayed busy for 30 s.')
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

export function writeRows(db: Database.Database, rows: readonly ImportRow[], currency: string, stamp: string): WriteOutcome {
  const findClient = db.prepare('SELECT id FROM clients WHERE name_key = ? ORDER BY id LIMIT 1').pluck()
  const insertClient = db.prepare(
    "INSERT INTO clients (name, status, name_key, search_text, is_sample, created_at, updated_at) VALUES (?, 'active', ?, ?, 0, ?, ?)",
  )
  const insertEntry = db.prepare(
    `INSERT INTO ledger_entries (client_id, turnaround_id, kind, entry_date, description, amount_minor, currency, staff_id, worker, minutes, rate_minor, reference, import_key, is_sample, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)
     ON CONFLICT (import_key) DO NOTHING`,
  )
  const run = db.transaction((): WriteOutcome => {
    const created = new Map<string, number>()
    const clientsCreated: string[] = []
    let imported = 0
    let duplicates = 0
    let amountImportedMinor = 0
    for (const r of rows) {
      let clientId = r.clientId ?? created.get(r.clientKey)
      if (clientId === undefined) {
        const existing = findClient.get(r.clientKey) as number | undefined
        if (existing !== undefined) clientId = existing
        else {
          clientId = Number(insertClient.run(r.clientName, r.clientKey, searchKey(r.clientName), stamp, stamp).lastInsertRowid)
          clientsCreated.push(r.clientName)
        }
        created.set(r.clientKey, clientId)
      }
      const { changes } = insertEntry.run(
        clientId,
        r.turnaroundId,
        r.kind,
        r.date,
        r.description,
        r.amountMinor,
        currency,
        r.staffId,
        r.worker,
        r.minutes,
        r.rateMinor,
        r.reference,
        r.importKey,
        stamp,
        stamp,
      )
      if (changes === 1) {
        imported++
        amountImportedMinor += r.amountMinor
      } else duplicates++
    }
    return { imported, duplicates, clientsCreated, amountImportedMinor }
  })
  return run.immediate()
}
