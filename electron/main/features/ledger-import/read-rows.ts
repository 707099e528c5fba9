/**
 * An import's reading: the whole file streamed through the CSV reader, every record checked into a
 * row (row-reader.ts) and packed into blocks (row-store.ts) handed to `out.block` as each fills.
 * Nothing here touches the database: it runs on the reading thread (read-worker.ts), beside the
 * thread that writes the blocks.
 *
 * Under the "stop" policy the first unreadable row means nothing will be written: from then on rows
 * are still checked (every unreadable one is counted and listed) but no longer handed over.
 */
import fs from 'node:fs'
import type { BadRowPolicy } from '../../../shared/ledger-import/fields'
import { MAX_LISTED_BAD_ROWS } from '../../../shared/ledger-import/fields'
import type { BadRow } from '../../../shared/ledger-import/models'
import type { ImportMappingData } from '../../../shared/ledger-import/schemas'
import { readCsv } from './csv-stream'
import type { ImportLookups } from './lookup-data'
import { RowReader } from './row-reader'
import { RowBlockWriter, type RowBlock } from './row-store'

/** What the reading thread is given: the file, how to read it, and what the database held when it started. */
export interface ReadJob {
  file: string
  encoding: string
  headers: string[]
  mapping: ImportMappingData
  lookups: ImportLookups
  policy: BadRowPolicy
  /** The most rows the file may hold: reading stops past it. */
  maxRows: number
}

export interface ReadCounts {
  bytesRead: number
  rowsRead: number
  badRows: number
}

/** With each block: how many rows the whole file is expected to hold (see readImportRows). */
export interface BlockCounts extends ReadCounts {
  expectedRows: number
}

export interface ReadSummary {
  rowsRead: number
  badRowCount: number
  /** The first MAX_LISTED_BAD_ROWS unreadable rows. */
  badRows: BadRow[]
  /** Stopped on request (a cancel) before the end of the file. */
  stopped: boolean
  /** The file holds more than maxRows rows (reading stopped there). */
  tooMany: boolean
}

export interface ReadOutput {
  block(block: RowBlock, counts: BlockCounts): void
  progress(counts: ReadCounts): void
  /** Checked between chunks of the file: true stops the read. */
  stopRequested(): boolean
}

const PROGRESS_EVERY_MS = 100

/** A text's length in bytes in the file's encoding (csv-encoding.ts names it): UTF-8, UTF-16, or one byte a character. */
function bytesOfText(encoding: string): (text: string) => number {
  if (encoding === 'utf-8') return (text) => Buffer.byteLength(text, 'utf8')
  if (encoding.startsWith('utf-16')) return (text) => text.length * 2
  return (text) => text.length
}
const NOWHERE = { push: () => {} }

export async function readImportRows(job: ReadJob, out: ReadOutput): Promise<ReadSummary> {
  const reader = new RowReader(job.headers, job.mapping, job.lookups)
  const counts: ReadCounts = { bytesRead: 0, rowsRead: 0, badRows: 0 }
  const badRows: BadRow[] = []
  // How many rows the file holds, from the bytes of the rows read until the first block is sent
  // (their cells in the file's encoding, a separator each), against the file's size: it decides
  // whether a large import sets the indexes aside (bulk-indexes.ts). Counted from the rows
  // themselves, since the reader's bytes run ahead of them; quotes are not counted (a file quoting
  // every cell comes out at most about a third high).
  const fileSize = fs.statSync(job.file).size
  const bytesOfCell = bytesOfText(job.encoding)
  let bytes = 0
  let expectedRows = 0
  const bytesOf = (cells: readonly string[]) => cells.reduce((sum, cell) => sum + bytesOfCell(cell) + 1, 0)
  const blocks = new RowBlockWriter((block) => {
    if (expectedRows === 0) {
      expectedRows = Math.max(counts.rowsRead, Math.round((counts.rowsRead * fileSize) / Math.max(bytes, 1)))
      reader.expect(Math.min(expectedRows, job.maxRows))
    }
    out.block(block, { ...counts, expectedRows })
  })
  let lastSent = 0
  let stopped = false
  const outcome = await readCsv(job.file, {
    encoding: job.encoding,
    onHeader: (cells) => void (bytes += bytesOf(cells)),
    onRecords: (records) => {
      for (const record of records) {
        counts.rowsRead++
        if (expectedRows === 0) bytes += bytesOf(record.cells)
        const problem = reader.addTo(job.policy === 'stop' && counts.badRows > 0 ? NOWHERE : blocks, record)
        if (problem !== null) {
          counts.badRows++
          if (badRows.length < MAX_LISTED_BAD_ROWS) badRows.push({ line: record.line, reason: problem })
        }
      }
    },
    onProgress: (bytesRead) => {
      counts.bytesRead = bytesRead
      const now = Date.now()
      if (now - lastSent >= PROGRESS_EVERY_MS) {
        lastSent = now
        out.progress({ ...counts })
      }
    },
    shouldStop: () => (stopped ||= out.stopRequested()) || counts.rowsRead > job.maxRows,
  })
  counts.bytesRead = outcome.bytesRead
  const tooMany = counts.rowsRead > job.maxRows
  if (!stopped && !tooMany && !(job.policy === 'stop' && counts.badRows > 0)) blocks.end()
  return { rowsRead: counts.rowsRead, badRowCount: counts.badRows, badRows, stopped, tooMany }
}
