/**
 * Runs an import's reading on a thread of its own (read-worker.ts) and hands what it sends to
 * `events` as it arrives, in order: so the main thread writes the blocks already read while the rest
 * of the file is read, on the machine's other core.
 *
 * `done` settles once the thread has said its last: with the summary, with a CsvRefusal (the file
 * itself refused, as the owner reads it), or with an Error (the thread failed or died). `stop()` asks
 * it to stop between chunks of the file. The thread is ended in every case.
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
}

export interface ReadingThread {
  done: Promise<ReadSummary>
  stop(): void
}

export function readOnThread(workerFile: string, job: ReadJob, events: ReadEvents): ReadingThread {
  const worker = new Worker(workerFile, { workerData: job })
  let settled = false
  const done = new Promise<ReadSummary>((resolve, reject) => {
    const settle = (outcome: () => void) => {
      if (settled) return
      settled = true
      outcome()
      void worker.terminate()
    }
    worker.on('message', (message: FromReader) => {
      if (settled) return
      try {
        switch (message.type) {
          case 'block':
            return events.block(message.block, message.counts)
          case 'progress':
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
      if (!settled) worker.postMessage('stop' satisfies ToReader)
    },
  }
}
