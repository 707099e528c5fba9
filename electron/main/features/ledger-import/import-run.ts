/**
 * One import's run once its file and mapping are checked (import-service.ts): the file read on a
 * thread of its own (reading-thread.ts) and its rows written in ONE transaction, on SQLite while the
 * rest is still read (writeWhileReading), on PostgreSQL once the whole file is read (readThenWrite),
 * and how the run ends (ImportEnd).
 */
import type Database from 'better-sqlite3'
import type { EntityManager } from 'typeorm'
import { DomainError } from '../../domain-error'
import { ledgerFullMessage, ledgerTotalMinor } from '../../db/ledger-total'
import type { ImportResult } from '../../../shared/ledger-import/models'
import type { ImportProgress } from '../../../shared/ledger-import/progress'
import { MAX_LEDGER_TOTAL_MINOR } from '../../../shared/money'
import { CsvRefusal } from './csv-encoding'
import {
  SqliteImportWrite,
  nothingWritten,
  rawDatabase,
  whenIdle,
  type WriteOptions,
  type WriteOutcome,
} from './import-writer'
import { writeRowsPostgres } from './import-writer-postgres'
import type { ReadCounts, ReadJob, ReadSummary } from './read-rows'
import { readOnThread } from './reading-thread'
import { ImportRows } from './row-store'
import { withImportCache } from './import-cache'

/** Rows written per turn of the event loop (about 20 to 40 ms of writing). */
const ROWS_PER_TURN = 4096

/** An import under way: whether it was asked to stop, and how to stop its reading. */
export interface Run {
  cancelled: boolean
  stop: () => void
}

/** What a run is given by the service. */
export interface ImportRun {
  manager: EntityManager
  job: ReadJob
  run: Run
  /** The created and updated time of every entry and client the import writes. */
  stamp: string
  /** The reading thread's script (read-worker.ts as built). */
  readerFile: string
  sendProgress: (phase: ImportProgress['phase'], counts: ReadCounts) => void
  /** How the run ends once its file is read. */
  end: (summary: ReadSummary, rows: ImportRows) => ImportEnd
  /** Runs a wait outside the request queue (PostgreSQL's read). */
  released?: <T>(wait: () => Promise<T>) => Promise<T>
  indexesAside?: WriteOptions['indexesAside']
  /** Copies the WAL into the database file on a thread of its own, after a commit that left it large (SQLite). */
  checkpointAside?: () => void
  /** Told of what went wrong without failing the import (the log file). */
  logError?: (what: string, error: unknown) => void
}

/** The reading thread ended without its last word after a stop (reading-thread.ts): said in the log. */
function stopIgnored(given: ImportRun): () => void {
  return () =>
    given.logError?.(
      'ledger import',
      new Error('The reading thread did not end after the stop; it was ended and the import stopped without it.'),
    )
}

/** A refusal of the file itself as the owner reads it. */
export function refusal(error: unknown, after = ''): never {
  if (error instanceof CsvRefusal) throw new DomainError('VALIDATION', `${error.message}${after}`)
  throw error
}

/** The ledger's whole must stay within its total (ledger-total.ts), counted with every readable row (repeats included). */
function checkLedgerRoom(totalBefore: number, rows: ImportRows, currency: string): void {
  if (totalBefore + rows.amountMinor > MAX_LEDGER_TOTAL_MINOR)
    throw new DomainError('VALIDATION', ledgerFullMessage(currency))
}

/**
 * PostgreSQL: the file is read whole first (outside the request queue: reading takes no lock, so
 * the app keeps answering), then written in one transaction (import-writer-postgres.ts).
 */
export async function readThenWrite(given: ImportRun): Promise<ImportResult> {
  const { job, run, sendProgress } = given
  const rows = new ImportRows()
  const released = given.released ?? ((wait) => wait())
  const summary = await released(() => {
    const reading = readOnThread(given.readerFile, job, {
      block: (block) => rows.add(block),
      progress: (counts) => sendProgress('reading', counts),
      stopIgnored: stopIgnored(given),
    })
    run.stop = reading.stop
    if (run.cancelled) reading.stop()
    return reading.done
  }).catch((error: unknown) => refusal(error, ' Nothing was imported.'))
  const end = given.end(summary, rows)
  const early = end.before()
  if (early) return early
  checkLedgerRoom(await ledgerTotalMinor(given.manager), rows, job.lookups.currency)
  if (run.cancelled) return end.result('cancelled')
  return end.result('imported', await writeRowsPostgres(given.manager, rows, job.lookups.currency, given.stamp))
}

/**
 * SQLite: the file is read on a thread of its own (reading-thread.ts) while this thread writes the
 * blocks already read, in ONE transaction opened before the first and committed after the last
 * (import-writer.ts): reading and writing share the machine's two cores. The import keeps the
 * request queue throughout, so no other request's statements run inside that transaction (the
 * window still draws, shows progress and can cancel: ipc.ts lets a cancel past the queue). A
 * cancel, a bad row under "stop", a refusal or any failure rolls everything back.
 */
export async function writeWhileReading(given: ImportRun): Promise<ImportResult> {
  const db = rawDatabase(given.manager)
  await whenIdle(db)
  return withImportCache(db, () => writeRows(given, db))
}

async function writeRows(given: ImportRun, db: Database.Database): Promise<ImportResult> {
  const { job, run, sendProgress } = given
  const before = await ledgerTotalMinor(given.manager)
  const rows = new ImportRows()
  const write = SqliteImportWrite.begin(db, job.lookups.currency, given.stamp)
  let writing: Promise<void> | null = null
  /** False once the import ends, however it ends: no slice is written after that. */
  let open = true
  try {
    const options = { indexesAside: given.indexesAside }
    let expectedRows = 0
    let written = 0
    let failure: { error: unknown } | null = null
    /** Under "stop", a bad row means nothing will be kept: the rows read are no longer written. */
    let doomed = false
    const noteBadRows = (counts: ReadCounts) => (doomed ||= job.policy === 'stop' && counts.badRows > 0)
    // The rows read and not yet written, a slice per turn of the event loop: between slices main
    // answers the window (a cancel, a repaint) however fast the file is read.
    const writeWhatIsRead = async (): Promise<void> => {
      while (open && written < rows.length && !run.cancelled && !doomed && failure === null) {
        await new Promise<void>((resolve) => setImmediate(resolve))
        if (!open) return
        const to = Math.min(rows.length, written + ROWS_PER_TURN)
        write.write(rows, written, to, expectedRows, options)
        written = to
        // Rows written are not asked for again (but the payments kept waiting for their invoice).
        rows.release(written, write.pinnedBlocks)
      }
    }
    const reading = readOnThread(given.readerFile, job, {
      block: (block, counts) => {
        rows.add(block)
        expectedRows ||= counts.expectedRows
        noteBadRows(counts)
        writing ??= writeWhatIsRead()
          .catch((error: unknown) => {
            failure = { error }
            reading.stop()
          })
          .finally(() => (writing = null))
      },
      progress: (counts) => {
        noteBadRows(counts)
        sendProgress('reading', counts)
      },
      stopIgnored: stopIgnored(given),
    })
    run.stop = reading.stop
    // A cancel that came while the import was getting ready stops the thread at once.
    if (run.cancelled) reading.stop()
    const summary = await reading.done.catch((error: unknown) => refusal(error, ' Nothing was imported.'))
    // A slice that failed stopped the read: its error is the import's, whatever the rows read say.
    if (failure !== null) throw (failure as { error: unknown }).error
    // The file is read: the window says "writing" while the rows not yet written go in.
    const end = given.end(summary, rows)
    const early = end.before()
    if (early) {
      open = false
      while (writing !== null) await writing
      write.rollback()
      return early
    }
    checkLedgerRoom(before, rows, job.lookups.currency)
    while (writing !== null) await writing
    if (failure !== null) throw (failure as { error: unknown }).error
    // A cancel that came in before the window showed "writing".
    if (run.cancelled) {
      open = false
      write.rollback()
      return end.result('cancelled')
    }
    // Every row read is written by now: finish() says so if not.
    const outcome = write.finish(rows)
    if (write.commit()) given.checkpointAside?.()
    return end.result('imported', outcome)
  } catch (error) {
    // A slice may be waiting for its turn: it must not run after the rollback, outside any transaction.
    open = false
    while (writing !== null) await writing
    write.rollback()
    throw error
  }
}

/** The end of an import once its file is read: whether it stops there, and its result. */
export class ImportEnd {
  constructor(
    private readonly summary: ReadSummary,
    private readonly rows: ImportRows,
    private readonly currency: string,
    private readonly started: number,
    private readonly run: Run,
    private readonly job: Pick<ReadJob, 'maxRows' | 'policy'>,
    private readonly writing: () => void,
  ) {}

  /** The result when nothing is to be written (a cancel, bad rows under "stop", no rows), else null; a file too long throws. */
  before(): ImportResult | null {
    if (this.summary.tooMany && !this.run.cancelled) {
      throw new DomainError(
        'VALIDATION',
        `This file has more than ${this.job.maxRows.toLocaleString('en')} rows: split it and import the parts one after another. Nothing was imported.`,
      )
    }
    if (this.run.cancelled) return this.result('cancelled')
    if (this.summary.badRowCount > 0 && this.job.policy === 'stop') return this.result('stopped')
    this.writing()
    if (this.rows.length === 0) return this.result('imported')
    return null
  }

  result(status: ImportResult['status'], written: WriteOutcome = nothingWritten()): ImportResult {
    return {
      status,
      rowsRead: this.summary.rowsRead,
      // Every readable row, including those not handed over once a bad row meant nothing would be written.
      goodRows: this.summary.rowsRead - this.summary.badRowCount,
      badRowCount: this.summary.badRowCount,
      badRows: this.summary.badRows,
      currency: this.currency,
      ...written,
      ms: Date.now() - this.started,
    }
  }
}
