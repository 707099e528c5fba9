/**
 * An import's reading: the whole file streamed through the CSV reader, every record checked into a
 * row (row-reader.ts) and packed into blocks (row-store.ts) handed to `out.block` as each fills.
 * Nothing here touches the database: it runs on the reading thread (read-worker.ts), beside the
 * thread that writes the blocks.
 *
 * Under the "stop" policy the first unreadable row means nothing will be written: from then on rows
 * are still checked (every unreadable one is counted and listed) but no longer handed over.
 */
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
  block(block: RowBlock, counts: ReadCounts): void
  progress(counts: ReadCounts): void
  /** Checked between chunks of the file: true stops the read. */
  stopRequested(): boolean
}

const PROGRESS_EVERY_MS = 100
const NOWHERE = { push: () => {} }

export async function readImportRows(job: ReadJob, out: ReadOutput): Promise<ReadSummary> {
  const reader = new RowReader(job.headers, job.mapping, job.lookups)
  const counts: ReadCounts = { bytesRead: 0, rowsRead: 0, badRows: 0 }
  const badRows: BadRow[] = []
  const blocks = new RowBlockWriter((block) => out.block(block, { ...counts }))
  let lastSent = 0
  let stopped = false
  const outcome = await readCsv(job.file, {
    encoding: job.encoding,
    onHeader: () => {},
    onRecords: (records) => {
      for (const record of records) {
        counts.rowsRead++
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
