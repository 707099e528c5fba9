/**
 * Runs an import's reading on a thread of its own (read-worker.ts) and hands what it sends to
 * `events` as it arrives, in order: so the main thread writes the blocks already read while the rest
 * of the file is read, on the machine's other core.
 *
 * `done` settles once the thread has said its last: with the summary, with a CsvRefusal (the file
 * itself refused, as the owner reads it), or with an Error (the thread failed or died). `stop()` asks
 * it to stop between chunks of the file, which takes milliseconds; a thread that has not said its
 * last within STOP_GRACE_MS of the stop is ended without it (`events.stopIgnored` is told), and
 * `done` settles as stopped with the counts it last sent: the owner's Cancel never waits on it. The
 * thread is ended in every case.
 */
import { Worker } from 'node:worker_threads'
import { CsvRefusal } from './csv-encoding'
import type { BlockCounts, ReadCounts, ReadJob, ReadSummary } from './read-rows'
import type { RowBlock } from './row-store'

export type FromReader =
  | { type: 'block'; block: RowBlock; counts: BlockCounts }
  | { type: 'progress'; counts: ReadCounts }
  | { type: 'done'; summary: ReadSummary }
  | { type: 'refused'; message: string }
  | { type: 'failed'; message: string }

export type ToReader = 'stop'

export interface ReadEvents {
  /** A block of rows; an exception here stops the read and fails `done` with it. */
  block(block: RowBlock, counts: BlockCounts): void
  progress(counts: ReadCounts): void
  /** The thread was asked to stop and had not said its last STOP_GRACE_MS later: it was ended without it. */
  stopIgnored?(): void
}

/** How long a thread asked to stop may take to say its last (it stops between chunks of 64 KB: milliseconds). */
export const STOP_GRACE_MS = 5_000

export interface ReadingThread {
  done: Promise<ReadSummary>
  stop(): void
}

export function readOnThread(
  workerFile: string,
  job: ReadJob,
  events: ReadEvents,
  stopGraceMs = STOP_GRACE_MS,
): ReadingThread {
  const worker = new Worker(workerFile, { workerData: job })
  let settled = false
  let grace: NodeJS.Timeout | null = null
  /** The counts the thread last sent: a stop it ignores ends the read with these. */
  let last: ReadCounts = { bytesRead: 0, rowsRead: 0, badRows: 0 }
  let cutShort = () => {}
  const done = new Promise<ReadSummary>((resolve, reject) => {
    const settle = (outcome: () => void) => {
      if (settled) return
      settled = true
      if (grace) clearTimeout(grace)
      outcome()
      void worker.terminate()
    }
    cutShort = () =>
      settle(() => {
        resolve({ rowsRead: last.rowsRead, badRowCount: last.badRows, badRows: [], stopped: true, tooMany: false })
        events.stopIgnored?.()
      })
    worker.on('message', (message: FromReader) => {
      if (settled) return
      try {
        switch (message.type) {
          case 'block':
            last = message.counts
            return events.block(message.block, message.counts)
          case 'progress':
            last = message.counts
            return events.progress(message.counts)
          case 'done':
            return settle(() => resolve(message.summary))
          case 'refused':
            return settle(() => reject(new CsvRefusal(message.message)))
          case 'failed':
            return settle(() => reject(new Error(`The import's reading failed: ${message.message}`)))
        }
      } catch (error) {
        settle(() => reject(error))
      }
    })
    worker.on('error', (error) => settle(() => reject(error)))
    worker.on('exit', (code) => settle(() => reject(new Error(`The import's reading stopped (exit code ${code}).`))))
  })
  return {
    done,
    stop: () => {
      if (settled) return
      worker.postMessage('stop' satisfies ToReader)
      grace ??= setTimeout(cutShort, stopGraceMs)
    },
  }
}
