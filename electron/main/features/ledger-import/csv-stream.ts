/**
 * Streams a CSV file through Papa Parse: records arrive in chunks as the file is read, each with the
 * line a spreadsheet would show for it (the header is line 1) and the parser's complaint, if any.
 * Blank lines are skipped but still counted. The read stops early when asked to (a limit, or a
 * cancel checked between chunks), and the event loop runs between chunks.
 */
import fs from 'node:fs'
import Papa from 'papaparse'

export interface CsvRecord {
  line: number
  cells: string[]
  /** What the parser found wrong in this record (an unclosed quote, for example). */
  problem: string | null
}

export interface CsvReadOptions {
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

export function readCsv(file: string, options: CsvReadOptions): Promise<CsvReadOutcome> {
  return new Promise((resolve, reject) => {
    const stream = fs.createReadStream(file, { encoding: 'utf8', highWaterMark: 256 * 1024 })
    let recordIndex = 0
    let dataRecords = 0
    let headerSeen = false
    let stopped = false
    let failed = false
    stream.on('error', (error) => {
      failed = true
      reject(error)
    })
    Papa.parse<string[]>(stream, {
      header: false,
      skipEmptyLines: false,
      delimitersToGuess: [',', ';', '\t', '|'],
      chunk(results, parser) {
        if (stopped || failed) return
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
        options.onProgress?.(stream.bytesRead)
        const reachedLimit = options.limit !== undefined && dataRecords >= options.limit
        if (reachedLimit || options.shouldStop?.()) {
          stopped = true
          parser.abort()
        }
      },
      complete() {
        stream.destroy()
        if (!failed) resolve({ stopped, bytesRead: stream.bytesRead })
      },
      error(error) {
        stream.destroy()
        if (!failed) reject(error)
      },
    })
  })
}
