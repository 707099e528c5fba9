/**
 * The ledger import: the user chooses a file in the native dialog (main keeps its path behind a
 * token), maps its columns (or takes a preset), previews the first rows, then runs the import.
 *
 * A run reads the whole file on a thread of its own (read-worker.ts): Papa Parse streams it, every
 * row is checked, progress is sent and a cancel is honoured between chunks. The readable rows go
 * into ledger_entries in ONE transaction (import-run.ts): on SQLite block by block while the rest is
 * still read, on PostgreSQL once the whole file is read. When some rows
 * cannot be read, the default ("stop") writes nothing and lists them; "skip" writes the readable
 * rows. Anything that stops the import before its commit (a cancel, a bad row under "stop", a
 * refused file, a full ledger, a failure) leaves the database as it was.
 */
import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { EntityManager } from 'typeorm'
import { timestamp } from '../../db/dialect'
import { DomainError } from '../../domain-error'
import { PREVIEW_ROWS, TARGET_FIELD_LABELS, type BadRowPolicy } from '../../../shared/ledger-import/fields'
import type { ChosenImportFile, ImportPreview, ImportResult } from '../../../shared/ledger-import/models'
import { suggestPreset } from '../../../shared/ledger-import/presets'
import type { ImportProgress } from '../../../shared/ledger-import/progress'
import type { ImportMappingData } from '../../../shared/ledger-import/schemas'
import { CsvRefusal, SAVE_AS_CSV, confirmUtf8, sniffEncoding, type DetectedEncoding } from './csv-encoding'
import { MAX_IMPORT_BYTES, readCsv } from './csv-stream'
import { ImportEnd, readThenWrite, refusal, writeWhileReading, type ImportRun, type Run } from './import-run'
import type { WriteOptions } from './import-writer'
import { engineOf, isConstraintViolation } from '../../db/engine'
import { checkpointAside, checkpointJobOf } from '../../db/checkpoint-thread'
import { loadLookups } from './lookups'
import type { ReadCounts, ReadJob } from './read-rows'
import { RowReader } from './row-reader'
import type { OpenDialogOptions } from '../../ports'

export interface LedgerImportDeps {
  manager: EntityManager
  now: () => Date
  /** The native open dialog: the chosen path, or null when cancelled. */
  chooseOpenFile: (options: OpenDialogOptions) => Promise<string | null>
  /** Sends progress to the renderer. */
  sendProgress: (progress: ImportProgress) => void
  /**
   * Runs a long wait outside the request queue (request-queue.ts): on PostgreSQL reading the file
   * takes no lock, so the app keeps answering; the write takes the queue back. (On SQLite the
   * import writes while it reads and keeps the queue throughout; Cancel gets past it, ipc.ts.)
   */
  released?: <T>(wait: () => Promise<T>) => Promise<T>
  /** The most rows one file may hold (MAX_IMPORT_ROWS unless a test says otherwise). */
  maxRows?: number
  /** The reading thread's script (read-worker.ts as built: ledger-import-reader.js beside main's index.js). */
  readerFile: string
  /** When an import on SQLite sets the indexes aside (bulk-indexes.ts, unless a test says otherwise). */
  indexesAside?: WriteOptions['indexesAside']
  /** Told why a checkpoint on its own thread failed (nothing is lost: main checkpoints at its next commit). */
  logError?: (context: string, error: unknown) => void
}

interface ChosenFile {
  path: string
  headers: string[]
  encoding: string
}

const SAMPLE_ROWS = 5
const KEEP_FILES = 8
/** Rows are kept in memory between reading and writing: a bigger file is refused, to be split. */
export const MAX_IMPORT_ROWS = 1_000_000

/**
 * Headers as the mapping names them: blank ones become "Column 3", repeated ones "Amount (2)".
 * Each name remembers the next number to try, so a thousand columns all named "a" take a thousand
 * steps, not half a million.
 */
export function nameHeaders(cells: readonly string[]): string[] {
  const seen = new Set<string>()
  const next = new Map<string, number>()
  return cells.map((cell, i) => {
    const base = cell.trim().slice(0, 120) || `Column ${i + 1}`
    let name = base
    let n = next.get(base) ?? 2
    while (seen.has(name)) name = `${base} (${n++})`
    next.set(base, n)
    seen.add(name)
    return name
  })
}

/** The first rows go to the window as hints: each cell cut short, so the reply stays small. */
const SAMPLE_CELL_CHARS = 200

export class LedgerImportService {
  private readonly files = new Map<string, ChosenFile>()
  private readonly running = new Map<string, Run>()

  constructor(private readonly deps: LedgerImportDeps) {}

  async chooseFile(): Promise<ChosenImportFile | null> {
    const file = await this.deps.chooseOpenFile({
      title: 'Import ledger CSV',
      filters: [{ name: 'CSV files', extensions: ['csv', 'txt'] }],
    })
    if (file === null) return null
    return this.open(file)
  }

  /** Reads a chosen file's header and first rows, and keeps its path behind a new token. */
  async open(file: string): Promise<ChosenImportFile> {
    let size: number
    try {
      const stat = fs.statSync(file)
      if (!stat.isFile()) throw new Error('not a file')
      size = stat.size
    } catch {
      throw new DomainError('VALIDATION', 'That file cannot be opened. Choose another one.')
    }
    if (size === 0)
      throw new DomainError('VALIDATION', 'That file is empty: a CSV to import starts with a row of column names.')
    this.checkSize(size)
    let detected: DetectedEncoding
    let provisional: boolean
    try {
      ;({ detected, provisional } = sniffEncoding(file))
    } catch (error) {
      if (error instanceof CsvRefusal) refusal(error)
      throw new DomainError('VALIDATION', 'That file cannot be opened. Choose another one.')
    }
    let header: string[] | null = null
    let sample: string[][] = []
    const readStart = async (encoding: string) => {
      header = null
      sample = []
      try {
        await readCsv(file, {
          encoding,
          limit: SAMPLE_ROWS,
          onHeader: (cells) => void (header = cells),
          onRecords: (records) =>
            sample.push(
              ...records.map((r) =>
                r.cells.map((c) => (c.length > SAMPLE_CELL_CHARS ? `${c.slice(0, SAMPLE_CELL_CHARS)}…` : c)),
              ),
            ),
        })
      } catch (error) {
        if (error instanceof CsvRefusal) refusal(error)
        throw new DomainError('VALIDATION', 'That file cannot be read as CSV text. Choose another one.')
      }
    }
    // The start first, under the first 64 KB's verdict: a file its bounds refuse is refused before
    // the rest is read. Then the whole file confirms UTF-8 (a Windows-1252 accent may come late).
    await readStart(detected.encoding)
    if (provisional && header !== null) {
      const confirmed = await confirmUtf8(file)
      if (confirmed.encoding !== detected.encoding) await readStart(confirmed.encoding)
      detected = confirmed
    }
    if (header === null)
      throw new DomainError('VALIDATION', 'That file is empty: a CSV to import starts with a row of column names.')
    if ((header as string[]).length < 2) {
      throw new DomainError(
        'VALIDATION',
        `This does not look like a CSV file: its first line has no separator (a comma, semicolon, tab or bar) between column names. ${SAVE_AS_CSV}`,
      )
    }
    const headers = nameHeaders(header)
    const token = randomUUID()
    this.files.set(token, { path: file, headers, encoding: detected.encoding })
    while (this.files.size > KEEP_FILES) this.files.delete(this.files.keys().next().value!)
    return {
      token,
      fileName: path.basename(file),
      sizeBytes: size,
      encoding: detected.label,
      headers,
      sample,
      suggestedPreset: suggestPreset(headers),
    }
  }

  async preview(token: string, mapping: ImportMappingData): Promise<ImportPreview> {
    const file = this.file(token)
    this.checkMapping(mapping, file.headers)
    const lookups = await loadLookups(this.deps.manager)
    const reader = new RowReader(file.headers, mapping, lookups)
    const rows: ImportPreview['rows'] = []
    await readCsv(file.path, {
      encoding: file.encoding,
      limit: PREVIEW_ROWS,
      onHeader: () => {},
      onRecords: (records) => {
        for (const record of records) {
          const { row, problem } = reader.read(record)
          rows.push({
            line: record.line,
            problem,
            entry: row && {
              date: row.date,
              clientName: row.clientName,
              newClient: row.clientId === null,
              kind: row.kind,
              description: row.description,
              amountMinor: row.amountMinor,
              currency: lookups.currency,
              minutes: row.minutes,
              rateMinor: row.rateMinor,
              rateFrom: row.rateFrom,
              worker: row.worker,
              reference: row.reference,
              turnaroundId: row.turnaroundId,
              invoice: row.invoice,
            },
          })
        }
      },
    }).catch((error: unknown) => refusal(error))
    return { rows, currency: lookups.currency }
  }

  async run(token: string, mapping: ImportMappingData, policy: BadRowPolicy): Promise<ImportResult> {
    const started = Date.now()
    const file = this.file(token)
    this.checkMapping(mapping, file.headers)
    if (this.running.has(token)) throw new DomainError('VALIDATION', 'This file is already being imported.')
    const run: Run = { cancelled: false, stop: () => {} }
    this.running.set(token, run)
    try {
      const totalBytes = fs.statSync(file.path).size
      this.checkSize(totalBytes)
      const lookups = await loadLookups(this.deps.manager)
      const job: ReadJob = {
        file: file.path,
        encoding: file.encoding,
        headers: file.headers,
        mapping,
        lookups,
        policy,
        maxRows: this.deps.maxRows ?? MAX_IMPORT_ROWS,
      }
      const sendProgress = (phase: ImportProgress['phase'], counts: ReadCounts) =>
        this.deps.sendProgress({
          token,
          phase,
          bytesRead: Math.min(counts.bytesRead, totalBytes),
          totalBytes,
          rowsRead: counts.rowsRead,
          badRows: counts.badRows,
        })
      const importRun: ImportRun = {
        manager: this.deps.manager,
        job,
        run,
        stamp: timestamp(this.deps.now()),
        readerFile: this.deps.readerFile,
        sendProgress,
        end: (summary, rows) =>
          new ImportEnd(summary, rows, lookups.currency, started, run, job, () =>
            sendProgress('writing', {
              bytesRead: totalBytes,
              rowsRead: summary.rowsRead,
              badRows: summary.badRowCount,
            }),
          ),
        released: this.deps.released,
        indexesAside: this.deps.indexesAside,
        checkpointAside: () => this.checkpointAside(),
        logError: this.deps.logError,
      }
      return await (engineOf(this.deps.manager).kind === 'postgres'
        ? readThenWrite(importRun)
        : writeWhileReading(importRun))
    } catch (error) {
      if (isConstraintViolation(error)) {
        throw new DomainError(
          'VALIDATION',
          'Your data changed while the file was read (a client or turnaround was removed). Nothing was imported: run the import again.',
        )
      }
      throw error
    } finally {
      this.running.delete(token)
    }
  }

  /** Copies a large import's WAL into the database file on a thread of its own (checkpoint-thread.ts), after its commit. */
  private checkpointAside(): void {
    const dataSource = this.deps.manager.connection
    const job = checkpointJobOf(dataSource)
    if (!job) return
    void checkpointAside(dataSource, job, (error) =>
      this.deps.logError?.("ledger import: the checkpoint on its own thread (main's next commit makes it)", error),
    )
  }

  private checkSize(size: number): void {
    if (size > MAX_IMPORT_BYTES) {
      throw new DomainError(
        'VALIDATION',
        `This file is ${(size / 1024 / 1024).toLocaleString('en', { maximumFractionDigits: 0 })} MB; a file to import may be at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Split it and import the parts one after another.`,
      )
    }
  }

  /** Asks a running import to stop; it stops before writing anything. */
  cancel(token: string): { cancelling: boolean } {
    const run = this.running.get(token)
    if (run) {
      run.cancelled = true
      run.stop()
    }
    return { cancelling: run !== undefined }
  }

  private file(token: string): ChosenFile {
    const file = this.files.get(token)
    if (!file)
      throw new DomainError('VALIDATION', 'Choose the file again: Turnaround Desk no longer has it open.', 'token')
    return file
  }

  private checkMapping(mapping: ImportMappingData, headers: readonly string[]): void {
    for (const [field, columns] of Object.entries(mapping.fields)) {
      const missing = (columns ?? []).find((c) => !headers.includes(c))
      if (missing !== undefined)
        throw new DomainError('VALIDATION', `The file has no column “${missing}”.`, `mapping.fields.${field}`)
    }
    const has = (field: keyof typeof mapping.fields) => (mapping.fields[field]?.length ?? 0) > 0
    const need = (field: keyof typeof TARGET_FIELD_LABELS, why = '') => {
      throw new DomainError(
        'VALIDATION',
        `Choose the column that holds the ${TARGET_FIELD_LABELS[field].toLowerCase()}${why}.`,
        `mapping.fields.${field}`,
      )
    }
    if (!has('date')) need('date')
    if (!has('client')) need('client')
    if (!has('kind') && mapping.kind === null)
      throw new DomainError(
        'VALIDATION',
        'Choose the column that holds the kind, or one kind for every row.',
        'mapping.kind',
      )
    if (!has('kind') && mapping.kind === 'time') {
      if (!has('minutes') && !has('hours')) need('minutes', ' (or the hours)')
    } else if (!has('amount')) need('amount')
  }
}
