/**
 * The import's writer on PostgreSQL: the same outcome as import-writer.ts (SQLite), in ONE
 * transaction on one pooled connection: rows go in BATCH at a time, each batch one INSERT … SELECT
 * FROM unnest() of one array per column (fifteen parameters and one short text whatever the batch's
 * size, where a VALUES list bound sixteen parameters a row, 32,000 a batch, each sent, parsed and
 * planned on its own), ON CONFLICT (import_key) DO NOTHING RETURNING what was written, so
 * duplicates are known without a round trip per row.
 *
 * The month totals: the insert trigger is told, by a setting local to this transaction, that the
 * import adds its rows' totals itself; at the end one grouped upsert (month-totals.ts) adds exactly the rows this
 * import wrote (by id, so entries other desktops insert meanwhile, counted by their own trigger,
 * are never counted twice). Other connections' inserts fire the trigger as always. The client months
 * (migration 0013), whose triggers the same setting turns off, are added from the same rows.
 *
 * Payments naming an invoice: rows are written in file order as on SQLite; the pending batch is
 * written before an invoice number is looked up whenever it holds an invoice, so an invoice
 * earlier in the file is always found.
 */
import type { EntityManager, QueryRunner } from 'typeorm'
import { BULK_IMPORT_SETTING } from '../../db/engine/postgres-engine'
import { searchKey } from '../../../shared/text'
import { nothingWritten, type WriteOutcome } from './import-writer'
import { addImportedMonthTotalsPostgres } from './month-totals'
import type { ImportRows, StoredRow } from './row-store'

const BATCH = 5000
/** The rows of a batch, a column per array: the stamp is the same for every row. */
const INSERT = `INSERT INTO ledger_entries (client_id, turnaround_id, kind, entry_date, description, amount_minor, currency, staff_id, worker, minutes, rate_minor, reference, invoice_id, import_key, created_at, updated_at)
  SELECT r.client_id, r.turnaround_id, r.kind, r.entry_date, r.description, r.amount_minor, $14, r.staff_id, r.worker, r.minutes, r.rate_minor, r.reference, r.invoice_id, r.import_key, $15, $15
  FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::bigint[], $7::bigint[], $8::text[], $9::bigint[], $10::bigint[], $11::text[], $12::bigint[], $13::text[])
    WITH ORDINALITY AS r(client_id, turnaround_id, kind, entry_date, description, amount_minor, staff_id, worker, minutes, rate_minor, reference, invoice_id, import_key, n)
  ORDER BY r.n
  ON CONFLICT (import_key) DO NOTHING RETURNING id, import_key`

interface Pending {
  row: StoredRow
  clientId: number
  invoiceId: number | null
}

export async function writeRowsPostgres(
  manager: EntityManager,
  rows: ImportRows,
  currency: string,
  stamp: string,
): Promise<WriteOutcome> {
  const q = manager.connection.createQueryRunner()
  await q.connect()
  try {
    await q.startTransaction('READ COMMITTED')
    try {
      await q.query(`SELECT set_config('${BULK_IMPORT_SETTING}', 'on', true)`)
      const outcome = await write(q, rows, currency, stamp)
      await q.query(`SELECT set_config('${BULK_IMPORT_SETTING}', 'off', true)`)
      await q.commitTransaction()
      return outcome
    } catch (error) {
      await q.rollbackTransaction()
      throw error
    }
  } finally {
    await q.release()
  }
}

async function write(q: QueryRunner, rows: ImportRows, currency: string, stamp: string) {
  const outcome = nothingWritten()
  const invoices = new InvoiceFinder(q)
  const insertedIds: number[] = []
  let pending: Pending[] = []

  const flush = async (): Promise<void> => {
    if (pending.length === 0) return
    const batch = pending
    pending = []
    const seen = new Set<string>()
    // A key twice in one statement is written once; the second is a duplicate, as on SQLite.
    const unique = batch.filter((p) => !seen.has(p.row.importKey) && seen.add(p.row.importKey))
    const columns: unknown[][] = Array.from({ length: 13 }, () => new Array<unknown>(unique.length))
    unique.forEach((p, i) => {
      const r = p.row
      columns[0]![i] = p.clientId
      columns[1]![i] = r.turnaroundId
      columns[2]![i] = r.kind
      columns[3]![i] = r.date
      columns[4]![i] = r.description
      columns[5]![i] = r.amountMinor
      columns[6]![i] = r.staffId
      columns[7]![i] = r.worker
      columns[8]![i] = r.minutes
      columns[9]![i] = r.rateMinor
      columns[10]![i] = r.reference
      columns[11]![i] = p.invoiceId
      columns[12]![i] = r.importKey
    })
    const written = (await q.query(INSERT, [...columns, currency, stamp])) as Array<{ id: number; import_key: string }>
    const ids = new Map(written.map((w) => [w.import_key, Number(w.id)]))
    // Rows are handled in file order, as the SQLite writer does row by row.
    for (const p of batch) {
      const id = ids.get(p.row.importKey)
      if (id !== undefined) {
        ids.delete(p.row.importKey)
        insertedIds.push(id)
        outcome.imported++
        outcome.amountImportedMinor += p.row.amountMinor
        if (p.row.kind === 'invoice') invoices.added(p.clientId, p.row.reference, id)
        else if (p.row.invoice) {
          if (p.invoiceId === null) outcome.paymentsUnlinked++
          else outcome.paymentsLinked++
        }
      } else {
        outcome.duplicates++
        if (p.invoiceId !== null && (await invoices.linkEarlier(p.invoiceId, p.row.importKey, p.clientId)))
          outcome.paymentsLinked++
      }
    }
  }

  const queue = async (row: StoredRow, clientId: number, invoiceId: number | null): Promise<void> => {
    pending.push({ row, clientId, invoiceId })
    if (pending.length >= BATCH) await flush()
  }

  /** The invoice a payment names, once every invoice before it in the file is written. */
  const findInvoice = async (clientId: number, number: string): Promise<number | null> => {
    if (pending.some((p) => p.row.kind === 'invoice')) await flush()
    return invoices.find(clientId, number)
  }

  const created = new Map<string, number>()
  const waiting: Array<[number, number]> = []
  for (let i = 0; i < rows.length; i++) {
    const r = rows.row(i)
    let clientId = r.clientId ?? created.get(r.clientKey)
    if (clientId === undefined) {
      const [existing] = (await q.query('SELECT id FROM clients WHERE name_key = $1 ORDER BY id LIMIT 1', [
        r.clientKey,
      ])) as Array<{ id: number }>
      if (existing !== undefined) clientId = Number(existing.id)
      else {
        const [made] = (await q.query(
          "INSERT INTO clients (name, status, name_key, search_text, is_sample, created_at, updated_at) VALUES ($1, 'active', $2, $3, false, $4, $5) RETURNING id",
          [r.clientName, r.clientKey, searchKey(r.clientName), stamp, stamp],
        )) as Array<{ id: number }>
        clientId = Number(made!.id)
        outcome.clientsCreated.push(r.clientName)
      }
      created.set(r.clientKey, clientId)
    }
    if (r.invoice === '') await queue(r, clientId, null)
    else {
      const invoiceId = await findInvoice(clientId, r.invoice)
      if (invoiceId === null) waiting.push([i, clientId])
      else await queue(r, clientId, invoiceId)
    }
  }
  for (const [i, clientId] of waiting) {
    const r = rows.row(i)
    await queue(r, clientId, await findInvoice(clientId, r.invoice))
  }
  await flush()
  await addImportedMonthTotalsPostgres(q, insertedIds)
  return outcome
}

/** As the SQLite writer's: each client's invoice numbers read once, joined by the ones written. */
class InvoiceFinder {
  private readonly byClient = new Map<number, Map<string, number>>()

  constructor(private readonly q: QueryRunner) {}

  private async numbers(clientId: number): Promise<Map<string, number>> {
    let numbers = this.byClient.get(clientId)
    if (numbers === undefined) {
      numbers = new Map()
      const rows = (await this.q.query(
        "SELECT id, reference FROM ledger_entries WHERE client_id = $1 AND kind = 'invoice' AND reference <> '' ORDER BY id",
        [clientId],
      )) as Array<{ id: number; reference: string }>
      for (const { id, reference } of rows) if (!numbers.has(reference)) numbers.set(reference, Number(id))
      this.byClient.set(clientId, numbers)
    }
    return numbers
  }

  async find(clientId: number, invoiceNumber: string): Promise<number | null> {
    return (await this.numbers(clientId)).get(invoiceNumber) ?? null
  }

  added(clientId: number, reference: string, id: number): void {
    const numbers = this.byClient.get(clientId)
    if (reference !== '' && numbers !== undefined && !numbers.has(reference)) numbers.set(reference, id)
  }

  async linkEarlier(invoiceId: number, importKey: string, clientId: number): Promise<boolean> {
    const [, count] = (await this.q.query(
      "UPDATE ledger_entries SET invoice_id = $1 WHERE import_key = $2 AND kind = 'payment' AND invoice_id IS NULL AND client_id = $3",
      [invoiceId, importKey, clientId],
    )) as [unknown, number]
    return count === 1
  }
}
