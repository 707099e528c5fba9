/**
 * Streams a CSV file through Papa Parse: records arrive in chunks as the file is read, each with the
 * line a spreadsheet would show for it (the header is line 1) and the parser's complaint, if any.
 * Blank lines are skipped but still counted. The read stops early when asked to (a limit, or a
 * cancel checked between chunks), and the event loop runs between chunks.
 *
 * The bytes are decoded from the file's encoding (csv-encoding.ts) by iconv-lite, then pass a guard
 * before the parser sees them: a record longer than MAX_RECORD_CHARS or with more than MAX_COLUMNS
 * separators stops the read at once with a plain reason (so a 100 MB line without a line break, or a
 * million columns, costs a few hundred kilobytes of reading, not the parser's time and memory), and
 * a lone UTF-16 surrogate (half a character, from a broken UTF-16 file) becomes U+FFFD.
 */
import fs from 'node:fs'
import { Transform, type TransformCallback, pipeline } from 'node:stream'
import iconv from 'iconv-lite'
import Papa from 'papaparse'
import { CsvRefusal } from './csv-encoding'

/** The largest file to import (1,000,000 rows of a ledger export come to about 100 MB). */
export const MAX_IMPORT_BYTES = 256 * 1024 * 1024
/** The most columns a file to import may have. */
export const MAX_COLUMNS = 1000
/** The most characters one record (one row, its quoted line breaks included) may have. */
export const MAX_RECORD_CHARS = 200_000

export interface CsvRecord {
  line: number
  cells: string[]
  /** What the parser found wrong in this record (an unclosed quote, for example). */
  problem: string | null
}

export interface CsvReadOptions {
  /** The file's encoding (iconv-lite's name): detectEncoding() says which. */
  encoding: string
  /** Called once with the first record. */
  onHeader(cells: string[]): void
  onRecords(records: CsvRecord[]): void
  onProgress?(bytesRead: number): void
  /** Stop after this many data records. */
  limit?: number
  /** Checked between chunks; true stops the read. */
  shouldStop?(): boolean
}

export interface CsvReadOutcome {
  stopped: boolean
  bytesRead: number
}

const PARSER_WORDS: Record<string, string> = {
  MissingQuotes: 'A quoted value is never closed (a " without its closing ").',
  InvalidQuotes: 'A quoted value has stray characters after its closing ".',
  UndetectableDelimiter: '',
  TooFewFields: '',
  TooManyFields: '',
}

function problemText(error: Papa.ParseError): string {
  return PARSER_WORDS[error.code] || `The CSV cannot be read here: ${error.message}.`
}

const QUOTE = 0x22
const LF = 0x0a
const CR = 0x0d
/** The separators the parser may guess: each is counted outside quotes. */
const SEPARATORS = [0x2c, 0x3b, 0x09, 0x7c]

/**
 * Counts, per record (line breaks inside quotes do not end one), its characters and each candidate
 * separator outside quotes; refuses a record past either bound, naming its line. Lone surrogates
 * become U+FFFD (a high one at the end of a chunk waits for the next).
 */
export class RecordGuard extends Transform {
  /** Outside quotes, inside them, or just after a quote inside them (closing, or the first of ""). */
  private state: 'plain' | 'quoted' | 'quote' = 'plain'
  /** A quote opens a quoted value only at the start of a value, as the parser reads it. */
  private valueStart = true
  private chars = 0
  private readonly separators = [0, 0, 0, 0]
  /** The line the current record started on, as a spreadsheet numbers it. */
  private recordLine = 1
  private line = 1
  private pendingHigh = ''
  private lastWasCr = false

  constructor() {
    super({ decodeStrings: false, encoding: 'utf8' })
  }

  override _transform(chunk: string | Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    let text = this.pendingHigh + (typeof chunk === 'string' ? chunk : chunk.toString('utf8'))
    this.pendingHigh = ''
    const lastCode = text.charCodeAt(text.length - 1)
    if (lastCode >= 0xd800 && lastCode <= 0xdbff) {
      this.pendingHigh = text.slice(-1)
      text = text.slice(0, -1)
    }
    if (/\p{Cs}/u.test(text)) text = text.replace(/\p{Cs}/gu, '\uFFFD')
    const problem = this.scan(text)
    if (problem) return done(new CsvRefusal(problem))
    done(null, text)
  }

  override _flush(done: TransformCallback): void {
    done(null, this.pendingHigh ? '\uFFFD' : '')
  }

  private scan(text: string): string | null {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i)
      const isBreak = c === LF || c === CR
      if (isBreak) {
        // \r\n is one line break.
        if (!(c === LF && this.lastWasCr)) this.line++
        this.lastWasCr = c === CR
      } else this.lastWasCr = false
      if (this.state === 'quote') {
        if (c === QUOTE) {
          this.state = 'quoted'
          if (++this.chars > MAX_RECORD_CHARS) return this.tooLong()
          continue
        }
        this.state = 'plain'
        this.valueStart = false
      }
      if (this.state === 'quoted') {
        if (c === QUOTE) this.state = 'quote'
        if (++this.chars > MAX_RECORD_CHARS) return this.tooLong()
        continue
      }
      if (isBreak) {
        this.chars = 0
        this.separators.fill(0)
        this.recordLine = this.line
        this.valueStart = true
        continue
      }
      if (++this.chars > MAX_RECORD_CHARS) return this.tooLong()
      if (c === QUOTE && this.valueStart) {
        this.state = 'quoted'
        this.valueStart = false
        continue
      }
      const s = SEPARATORS.indexOf(c)
      this.valueStart = s >= 0
      if (s >= 0 && ++this.separators[s]! >= MAX_COLUMNS) {
        return `Line ${this.recordLine.toLocaleString('en')} has more than ${MAX_COLUMNS.toLocaleString('en')} columns; a file to import may have at most ${MAX_COLUMNS.toLocaleString('en')}.`
      }
    }
    return null
  }

  private tooLong(): string {
    return `Line ${this.recordLine.toLocaleString('en')} is longer than ${MAX_RECORD_CHARS.toLocaleString('en')} characters (a row of a ledger export is far shorter), so this does not look like a CSV to import.`
  }
}

export function readCsv(file: string, options: CsvReadOptions): Promise<CsvReadOutcome> {
  return new Promise((resolve, reject) => {
    const raw = fs.createReadStream(file, { highWaterMark: 256 * 1024 })
    const guard = new RecordGuard()
    let recordIndex = 0
    let dataRecords = 0
    let headerSeen = false
    let stopped = false
    let settled = false
    const fail = (error: unknown) => {
      if (settled) return
      settled = true
      raw.destroy()
      guard.destroy()
      reject(error)
    }
    pipeline(raw, iconv.decodeStream(options.encoding), guard, (error) => {
      if (error && !stopped && !settled && (error as { code?: string }).code !== 'ERR_STREAM_PREMATURE_CLOSE') fail(error)
    })
    Papa.parse<string[]>(guard as unknown as NodeJS.ReadableStream, {
      header: false,
      skipEmptyLines: false,
      delimitersToGuess: [',', ';', '\t', '|'],
      chunk(results, parser) {
        if (stopped || settled) return
        const errorsByRow = new Map<number, string>()
        for (const error of results.errors) {
          const text = problemText(error)
          if (text && error.row !== undefined && !errorsByRow.has(error.row)) errorsByRow.set(error.row, text)
        }
        const records: CsvRecord[] = []
        results.data.forEach((cells, i) => {
          recordIndex++
          const problem = errorsByRow.get(i) ?? null
          if (cells.length === 1 && cells[0]!.trim() === '' && !problem) return
          if (!headerSeen) {
            headerSeen = true
            if (recordIndex === 1 && cells[0]?.startsWith('\uFEFF')) cells[0] = cells[0].slice(1)
            options.onHeader(cells)
            return
          }
          if (options.limit !== undefined && dataRecords >= options.limit) return
          dataRecords++
          records.push({ line: recordIndex, cells, problem })
        })
        if (records.length > 0) options.onRecords(records)
        options.onProgress?.(raw.bytesRead)
        const reachedLimit = options.limit !== undefined && dataRecords >= options.limit
        if (reachedLimit || options.shouldStop?.()) {
          stopped = true
          parser.abort()
        }
      },
      complete() {
        if (settled) return
        settled = true
        raw.destroy()
        guard.destroy()
        resolve({ stopped, bytesRead: raw.bytesRead })
      },
      error(error) {
        fail(error)
      },
    })
  })
}
