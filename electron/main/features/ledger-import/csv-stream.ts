/**
 * Streams a CSV file through Papa Parse: records arrive in chunks as the file is read, each with the
 * line a spreadsheet would show for it (the header is line 1) and the parser's complaint, if any.
 * Blank lines are skipped but still counted. The read stops early when asked to (a limit, or a
 * cancel checked between chunks), and the event loop runs between chunks.
 *
 * The bytes are decoded from the file's encoding (csv-encoding.ts) by iconv-lite, then pass a guard
 * before the parser sees them: a record longer than MAX_RECORD_CHARS stops the read at once with a
 * plain reason (so a 100 MB line without a line break, or a million columns, costs a few hundred
 * kilobytes of reading, not the parser's time and memory), and a lone UTF-16 surrogate (half a
 * character, from a broken UTF-16 file) becomes U+FFFD. A header of more than MAX_COLUMNS columns
 * (a record the guard has already bounded) is refused as soon as it is parsed.
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
/** A separator the parser may guess (comma, semicolon, tab, bar) or a line break ends a value: a quote right after one opens a quoted value. */
function endsValue(c: number): boolean {
  return c === 0x2c || c === 0x3b || c === 0x09 || c === 0x7c || c === LF || c === CR
}
const PLAIN = 0
const QUOTED = 1
const QUOTE_SEEN = 2
const SURROGATE = /[\uD800-\uDFFF]/
const LONE_SURROGATE = /\p{Cs}/u
const LONE_SURROGATES = /\p{Cs}/gu

/**
 * Measures each record (line breaks inside quotes do not end one) and refuses one longer than the
 * bound, naming its line. Lone surrogates become U+FFFD (a high one at the end of a chunk waits for
 * the next).
 */
export class RecordGuard extends Transform {
  /** Outside quotes, inside them, or just after a quote that ended a chunk inside them (closing, or the first of ""). */
  private state = PLAIN
  /** The last character of the chunk before ended a value (a separator or a line break), or there was none. */
  private atBoundary = true
  /** Characters of the current record in earlier chunks. */
  private carried = 0
  /** The line the current record started on, as a spreadsheet numbers it. */
  private recordLine = 1
  private line = 1
  private lastWasCr = false
  private pendingHigh = ''

  /** `maxChars`: the bound (tests use a small one to reach it with short texts). */
  constructor(private readonly maxChars = MAX_RECORD_CHARS) {
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
    if (SURROGATE.test(text) && LONE_SURROGATE.test(text)) text = text.replace(LONE_SURROGATES, '\uFFFD')
    const problem = this.scan(text)
    if (problem) return done(new CsvRefusal(problem))
    // Handed on after the file stream has asked for its next chunk: the disk reads it while the parser
    // and the rows' checks work through this one, instead of the two taking turns.
    setImmediate(done, null, text)
  }

  override _flush(done: TransformCallback): void {
    done(null, this.pendingHigh ? '\uFFFD' : '')
  }

  /**
   * Hops from quote to line break with the string's own indexOf (no loop over every character):
   * a quote opens a quoted value only at a value's start, as the parser reads it, and a line break
   * inside quotes does not end the record. A record's length is checked at its end, and at the
   * chunk's end for one that goes on, so a record too long is found within one chunk.
   */
  private scan(text: string): string | null {
    const n = text.length
    let state = this.state
    let line = this.line
    let recordLine = this.recordLine
    let recordStart = -this.carried
    let i = 0
    let nextLf = -2
    let nextCr = -2
    let nextQuote = -2
    const prevIsCr = (k: number) => (k > 0 ? text.charCodeAt(k - 1) === CR : this.lastWasCr)
    /** Line breaks in [from, to) (each CR, and each LF not right after a CR), moving the next-break positions past them. */
    const breaksIn = (from: number, to: number) => {
      let count = 0
      if (nextCr !== -1 && nextCr < from) nextCr = text.indexOf('\r', from)
      while (nextCr !== -1 && nextCr < to) {
        count++
        nextCr = text.indexOf('\r', nextCr + 1)
      }
      if (nextLf !== -1 && nextLf < from) nextLf = text.indexOf('\n', from)
      while (nextLf !== -1 && nextLf < to) {
        if (!prevIsCr(nextLf)) count++
        nextLf = text.indexOf('\n', nextLf + 1)
      }
      return count
    }
    while (i < n) {
      if (state === QUOTE_SEEN) {
        // The chunk before ended on a quote inside a quoted value: closing, or the first of "".
        if (text.charCodeAt(i) === QUOTE) {
          state = QUOTED
          i++
          continue
        }
        state = PLAIN
      }
      if (nextQuote !== -1 && nextQuote < i) nextQuote = text.indexOf('"', i)
      if (state === QUOTED) {
        const j = nextQuote
        line += breaksIn(i, j < 0 ? n : j)
        if (j < 0) break
        if (j + 1 === n) {
          state = QUOTE_SEEN
          break
        }
        if (text.charCodeAt(j + 1) === QUOTE) i = j + 2
        else {
          state = PLAIN
          i = j + 1
        }
        continue
      }
      if (nextLf !== -1 && nextLf < i) nextLf = text.indexOf('\n', i)
      if (nextCr !== -1 && nextCr < i) nextCr = text.indexOf('\r', i)
      const b = nextLf < 0 ? nextCr : nextCr < 0 ? nextLf : Math.min(nextLf, nextCr)
      const q = nextQuote
      if (b < 0 && q < 0) break
      if (q >= 0 && (b < 0 || q < b)) {
        if (q > 0 ? endsValue(text.charCodeAt(q - 1)) : this.atBoundary) state = QUOTED
        i = q + 1
        continue
      }
      if (text.charCodeAt(b) === CR || !prevIsCr(b)) line++
      if (b - recordStart > this.maxChars) return this.tooLong(recordLine)
      recordStart = b + 1
      recordLine = line
      i = b + 1
    }
    if (n - recordStart > this.maxChars) return this.tooLong(recordLine)
    this.carried = n - recordStart
    if (n > 0) {
      this.atBoundary = endsValue(text.charCodeAt(n - 1))
      this.lastWasCr = text.charCodeAt(n - 1) === CR
    }
    this.state = state
    this.line = line
    this.recordLine = recordLine
    return null
  }

  private tooLong(recordLine: number): string {
    return `Line ${recordLine.toLocaleString('en')} is longer than ${this.maxChars.toLocaleString('en')} characters (a row of a ledger export is far shorter), so this does not look like a CSV to import.`
  }
}

export function readCsv(file: string, options: CsvReadOptions): Promise<CsvReadOutcome> {
  return new Promise((resolve, reject) => {
    // 64 KB at a time: the parser's records of a chunk are garbage once handed on, and smaller chunks leave
    // less of it alive when the collector runs (a 256 KB chunk raised the peak memory of a large import by about 12 MB).
    const raw = fs.createReadStream(file, { highWaterMark: 64 * 1024 })
    const guard = new RecordGuard()
    let recordIndex = 0
    let dataRecords = 0
    let headerSeen = false
    let stopped = false
    let settled = false
    let tooWide: string | null = null
    const fail = (error: unknown) => {
      if (settled) return
      settled = true
      raw.destroy()
      guard.destroy()
      reject(error)
    }
    pipeline(raw, iconv.decodeStream(options.encoding), guard, (error) => {
      if (error && !stopped && !settled && (error as { code?: string }).code !== 'ERR_STREAM_PREMATURE_CLOSE')
        fail(error)
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
            if (cells.length > MAX_COLUMNS) {
              tooWide = `Line ${recordIndex.toLocaleString('en')} has more than ${MAX_COLUMNS.toLocaleString('en')} columns; a file to import may have at most ${MAX_COLUMNS.toLocaleString('en')}.`
              return
            }
            if (recordIndex === 1 && cells[0]?.startsWith('\uFEFF')) cells[0] = cells[0].slice(1)
            options.onHeader(cells)
            return
          }
          if (options.limit !== undefined && dataRecords >= options.limit) return
          dataRecords++
          records.push({ line: recordIndex, cells, problem })
        })
        if (tooWide) {
          // Refused before the abort, which would otherwise complete the read as if whole.
          fail(new CsvRefusal(tooWide))
          parser.abort()
          return
        }
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
