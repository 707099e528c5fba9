/**
 * Writes checked rows on SQLite in ONE transaction with prepared statements, block by block while the
 * rest of the file is still being read (import-run.ts): the import holds the request queue from
 * the BEGIN to the COMMIT, so no other statement runs on the connection in between, and any failure
 * or a cancel rolls everything back. New clients are created first (or found, if one of that name
 * appeared meanwhile); rows already imported (same import_key) are skipped and counted.
 *
 * The month totals: the insert trigger (migration 0004) adds each entry to ledger_month_totals, an
 * upsert per row that is most of the cost of a large import. When the trigger is exactly the one
 * 0004 made, the bulk path sets it aside INSIDE the same transaction, inserts the rows, adds their
 * totals with one grouped upsert (the same arithmetic, once per client, month and kind), and puts the
 * trigger back, word for word, before committing: no other statement can ever see it missing, and a
 * failure anywhere rolls the trigger back with everything else. A trigger changed since 0004 keeps
 * the plain path, row by row through the trigger.
 *
 * A large import also sets the entries' secondary indexes aside, into a ledger holding no imported
 * entry the import key's too, and builds them again before the commit (bulk-indexes.ts); the month
 * totals of the rows it wrote are added by month-totals.ts.
 *
 * Payments: a payment naming an invoice number is linked (invoice_id) to the invoice entry of the
 * same client with that reference, whether the invoice came earlier in this file, in an earlier
 * import or by hand. One the ledger does not hold is written without a link and counted. Setting
 * invoice_id touches no month total (the update trigger watches other columns).
 */
import type Database from 'better-sqlite3'
import type { EntityManager } from 'typeorm'
import { searchKey } from '../../../shared/text'
import { commitWithoutCheckpoint } from '../../db/checkpoint-thread'
import { importKeyAside, setIndexesAside, setsIndexesAside } from './bulk-indexes'
import { addImportedMonthTotalsSqlite } from './month-totals'
import { withSortRuns } from './sort-runs'
import { blockOf, type ImportRows, type StoredRow } from './row-store'

export interface WriteOutcome {
  imported: number
  duplicates: number
  clientsCreated: string[]
  amountImportedMinor: number
  /** Payments newly linked to the invoice they name (including ones imported earlier, linked now). */
  paymentsLinked: number
  /** Payments imported that name an invoice not in the ledger: written without a link. */
  paymentsUnlinked: number
}

/** The outcome of a write before its first row: nothing imported, counted or linked. */
export function nothingWritten(): WriteOutcome {
  return {
    imported: 0,
    duplicates: 0,
    clientsCreated: [],
    amountImportedMinor: 0,
    paymentsLinked: 0,
    paymentsUnlinked: 0,
  }
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

const INSERT_TRIGGER = 'trg_ledger_entries_insert'
/** The insert trigger as migration 0004 creates it, spaces folded. */
const EXPECTED_INSERT_TRIGGER =
  'CREATE TRIGGER trg_ledger_entries_insert AFTER INSERT ON ledger_entries BEGIN INSERT INTO ledger_month_totals (client_id, month, kind, amount_minor, minutes, entries) ' +
  'VALUES (NEW.client_id, substr(NEW.entry_date, 1, 7), NEW.kind, 1 * NEW.amount_minor, 1 * COALESCE(NEW.minutes, 0), 1) ON CONFLICT (client_id, month, kind) DO UPDATE SET ' +
  'amount_minor = amount_minor + excluded.amount_minor, minutes = minutes + excluded.minutes, entries = entries + excluded.entries; END'
const folded = (sql: string) => sql.replace(/\s+/g, ' ').trim()

/** The trigger's SQL when it is exactly 0004's (so its work can be done in bulk), else null. */
export function bulkTrigger(db: Database.Database): string | null {
  const sql = db
    .prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?")
    .pluck()
    .get(INSERT_TRIGGER) as string | undefined
  return sql !== undefined && folded(sql) === EXPECTED_INSERT_TRIGGER ? sql : null
}

export interface WriteOptions {
  /** Whether an import of `rows` rows into a ledger whose highest id is `lastId` sets the indexes aside (bulk-indexes.ts). */
  indexesAside?: (rows: number, lastId: number) => boolean
}

/** A text as an SQL string literal: quoted, every quote inside doubled. */
const sqlString = (text: string) => `'${text.replace(/'/g, "''")}'`

/**
 * The entry insert for one kind: the values every row of the import shares (its kind, currency and
 * stamp) are written into the statement as quoted literals, not bound per row. Binding a text costs
 * the conversion of a JavaScript string for every row (about a tenth of a microsecond each); a
 * statement per kind keeps that to the texts each row has of its own. A row already imported (the
 * same key) is skipped; with the key's index set aside there can be none (bulk-indexes.ts), and no
 * index for ON CONFLICT to name.
 */
function insertEntrySql(kind: string, currency: string, stamp: string, skipImported: boolean): string {
  return `INSERT INTO ledger_entries (client_id, turnaround_id, kind, entry_date, description, amount_minor, currency, staff_id, worker, minutes, rate_minor, reference, invoice_id, import_key, is_sample, created_at, updated_at)
   VALUES (?, ?, ${sqlString(kind)}, ?, ?, ?, ${sqlString(currency)}, ?, ?, ?, ?, ?, ?, ?, 0, ${sqlString(stamp)}, ${sqlString(stamp)})
   ${skipImported ? 'ON CONFLICT (import_key) DO NOTHING' : ''}`
}

/**
 * One import's write on SQLite, in ONE transaction opened by `begin` and ended by `commit` or
 * `rollback`, with the rows written block by block as they are read (`write`) and the rest done by
 * `finish`. The transaction stays open across the awaits between blocks: the caller holds the
 * request queue from `begin` to the end, so no other statement runs on the connection meanwhile.
 */
export class SqliteImportWrite {
  private readonly outcome = nothingWritten()
  private readonly findClient: Database.Statement
  private readonly insertClient: Database.Statement
  /** The entry insert of each kind (insertEntrySql), made when first needed once the bulk path is set up. */
  private readonly inserts = new Map<string, Database.Statement>()
  private setUpDone = false
  private readonly invoices: InvoiceFinder
  private readonly created = new Map<string, number>()
  /** Payments whose invoice is not in the ledger yet (row, client): written last, in case the file holds the invoice further down. */
  private readonly waiting: Array<[number, number]> = []
  /** The blocks (row-store.ts) holding a waiting payment: kept until the end, where the others may go once written. */
  readonly pinnedBlocks = new Set<number>()
  private trigger: string | null = null
  private lastId = 0
  private restoreIndexes: (() => void) | null = null
  /** Whether the import key's index is kept, and with it the skipping of rows already imported. */
  private keyKept = true
  private written = 0

  private constructor(
    private readonly db: Database.Database,
    private readonly currency: string,
    private readonly stamp: string,
  ) {
    this.findClient = db.prepare('SELECT id FROM clients WHERE name_key = ? ORDER BY id LIMIT 1').pluck()
    this.insertClient = db.prepare(
      "INSERT INTO clients (name, status, name_key, search_text, is_sample, created_at, updated_at) VALUES (?, 'active', ?, ?, 0, ?, ?)",
    )
    this.invoices = new InvoiceFinder(db)
  }

  /** Opens the import's transaction, taking the database's write lock at once (BEGIN IMMEDIATE). */
  static begin(db: Database.Database, currency: string, stamp: string): SqliteImportWrite {
    db.exec('BEGIN IMMEDIATE')
    try {
      return new SqliteImportWrite(db, currency, stamp)
    } catch (error) {
      db.exec('ROLLBACK')
      throw error
    }
  }

  /**
   * Writes rows `from` to `to` - 1 of `rows`. The first call sets the bulk path up: `expectedRows` is
   * how many rows the whole file is expected to hold (the indexes are set aside for a large import).
   */
  write(rows: ImportRows, from: number, to: number, expectedRows: number, options: WriteOptions = {}): void {
    // Never a row outside the import's transaction (it would be kept whatever happens next).
    if (!this.db.inTransaction) throw new Error("The import's transaction is over: no row may be written.")
    if (!this.setUpDone) this.setUp(expectedRows, options)
    for (let i = from; i < to; i++) {
      const r = rows.row(i)
      const clientId = this.clientOf(r)
      if (r.invoice === '') this.insert(r, clientId, null)
      else {
        const invoiceId = this.invoices.find(clientId, r.invoice)
        if (invoiceId === null) {
          this.waiting.push([i, clientId])
          this.pinnedBlocks.add(blockOf(i))
        } else this.insert(r, clientId, invoiceId)
      }
    }
    this.written = to
  }

  /** Writes the payments kept waiting, builds the indexes again and adds the month totals: the outcome, not yet committed. */
  finish(rows: ImportRows): WriteOutcome {
    if (this.written !== rows.length) throw new Error('Every row must be written before the import finishes.')
    if (!this.setUpDone) return this.outcome
    for (const [i, clientId] of this.waiting) {
      const r = rows.row(i)
      this.insert(r, clientId, this.invoices.find(clientId, r.invoice))
    }
    // A large import's end is sorting every row it wrote: in small runs, on helper threads (sort-runs.ts).
    if (this.restoreIndexes) withSortRuns(this.db, () => this.buildIndexesAndTotals())
    else this.buildIndexesAndTotals()
    return this.outcome
  }

  /** Builds the indexes set aside again and adds the month totals of the rows written. */
  private buildIndexesAndTotals(): void {
    this.restoreIndexes?.()
    if (this.trigger) {
      // A large import's month totals go in with their index by month set aside too (bulk-indexes.ts).
      const restoreTotalsIndexes = this.restoreIndexes ? setIndexesAside(this.db, 'ledger_month_totals') : null
      addImportedMonthTotalsSqlite(this.db, this.lastId)
      restoreTotalsIndexes?.()
      this.db.exec(this.trigger)
    }
  }

  /**
   * Commits, leaving the checkpoint SQLite would run straight after to a thread of its own
   * (checkpoint-thread.ts): true when the WAL is large enough that one should run.
   */
  commit(): boolean {
    return commitWithoutCheckpoint(this.db)
  }

  /** Undoes everything the import wrote (a failed statement may have ended the transaction already). */
  rollback(): void {
    if (this.db.inTransaction) this.db.exec('ROLLBACK')
  }

  private setUp(expectedRows: number, options: WriteOptions): void {
    const db = this.db
    this.trigger = bulkTrigger(db)
    this.lastId = db.prepare('SELECT COALESCE(MAX(id), 0) FROM ledger_entries').pluck().get() as number
    if ((options.indexesAside ?? setsIndexesAside)(expectedRows, this.lastId)) {
      // Without the client index, the ledger's invoices are read now, while it is there.
      this.invoices.readAll()
      this.keyKept = !importKeyAside(db)
      this.restoreIndexes = setIndexesAside(db, 'ledger_entries', !this.keyKept)
    }
    if (this.trigger) db.exec(`DROP TRIGGER ${INSERT_TRIGGER}`)
    this.setUpDone = true
  }

  /** The insert for rows of `kind`, prepared after the trigger and indexes are set aside, so it runs without them. */
  private insertOf(kind: string): Database.Statement {
    let insert = this.inserts.get(kind)
    if (insert === undefined) {
      insert = this.db.prepare(insertEntrySql(kind, this.currency, this.stamp, this.keyKept))
      this.inserts.set(kind, insert)
    }
    return insert
  }

  private clientOf(r: StoredRow): number {
    let clientId = r.clientId ?? this.created.get(r.clientKey)
    if (clientId === undefined) {
      const existing = this.findClient.get(r.clientKey) as number | undefined
      if (existing !== undefined) clientId = existing
      else {
        clientId = Number(
          this.insertClient.run(r.clientName, r.clientKey, searchKey(r.clientName), this.stamp, this.stamp)
            .lastInsertRowid,
        )
        this.outcome.clientsCreated.push(r.clientName)
      }
      this.created.set(r.clientKey, clientId)
    }
    return clientId
  }

  private insert(r: StoredRow, clientId: number, invoiceId: number | null): void {
    const outcome = this.outcome
    const importKey = r.importKey
    const { changes, lastInsertRowid } = this.insertOf(r.kind).run(
      clientId,
      r.turnaroundId,
      r.date,
      r.description,
      r.amountMinor,
      r.staffId,
      r.worker,
      r.minutes,
      r.rateMinor,
      r.reference,
      invoiceId,
      importKey,
    )
    if (changes === 1) {
      outcome.imported++
      outcome.amountImportedMinor += r.amountMinor
      if (r.kind === 'invoice') this.invoices.added(clientId, r.reference, Number(lastInsertRowid))
      else if (r.invoice) {
        if (invoiceId === null) outcome.paymentsUnlinked++
        else outcome.paymentsLinked++
      }
    } else {
      outcome.duplicates++
      // A payment imported before its invoice was in the ledger is linked now that it is.
      if (invoiceId !== null && this.invoices.linkEarlier(invoiceId, importKey, clientId)) outcome.paymentsLinked++
    }
  }
}

/**
 * The invoice a payment pays: the oldest invoice entry of the SAME client whose reference is the
 * number the payment names. Each client's invoice numbers are read once (through the client index)
 * and kept in a Map, which the invoices written by this import join as they are written.
 */
class InvoiceFinder {
  private readonly byClient = new Map<number, Map<string, number>>()
  /** Every client's invoices already read (readAll): a client not read has none before this import. */
  private allRead = false
  private readonly invoicesOf: Database.Statement<[number], [number, string]>
  private readonly linkPayment: Database.Statement<[number, string, number]>
  private readonly allInvoices: Database.Statement<[], [number, number, string]>

  constructor(db: Database.Database) {
    this.invoicesOf = db
      .prepare<[number], [number, string]>(
        "SELECT id, reference FROM ledger_entries WHERE client_id = ? AND kind = 'invoice' AND reference <> '' ORDER BY id",
      )
      .raw()
    this.allInvoices = db
      .prepare<[], [number, number, string]>(
        "SELECT id, client_id, reference FROM ledger_entries WHERE kind = 'invoice' AND reference <> '' ORDER BY id",
      )
      .raw()
    this.linkPayment = db.prepare<[number, string, number]>(
      "UPDATE ledger_entries SET invoice_id = ? WHERE import_key = ? AND kind = 'payment' AND invoice_id IS NULL AND client_id = ?",
    )
  }

  private numbers(clientId: number): Map<string, number> {
    let numbers = this.byClient.get(clientId)
    if (numbers === undefined) {
      numbers = new Map()
      if (!this.allRead)
        for (const [id, reference] of this.invoicesOf.iterate(clientId))
          if (!numbers.has(reference)) numbers.set(reference, id)
      this.byClient.set(clientId, numbers)
    }
    return numbers
  }

  /**
   * Reads now every invoice of the ledger (in one pass, needing no index); from then on the invoices
   * this import writes join them as they are written, and a client with none read starts with none.
   */
  readAll(): void {
    this.allRead = true
    for (const [id, clientId, reference] of this.allInvoices.iterate()) {
      const numbers = this.numbers(clientId)
      if (!numbers.has(reference)) numbers.set(reference, id)
    }
  }

  find(clientId: number, invoiceNumber: string): number | null {
    return this.numbers(clientId).get(invoiceNumber) ?? null
  }

  /** An invoice just written (one not yet read is found by the query when first asked for). */
  added(clientId: number, reference: string, id: number): void {
    if (reference === '') return
    const numbers = this.allRead ? this.numbers(clientId) : this.byClient.get(clientId)
    if (numbers !== undefined && !numbers.has(reference)) numbers.set(reference, id)
  }

  /** Links an already imported payment (same import key) that has no invoice yet; true when it did. */
  linkEarlier(invoiceId: number, importKey: string, clientId: number): boolean {
    return this.linkPayment.run(invoiceId, importKey, clientId).changes === 1
  }
}
