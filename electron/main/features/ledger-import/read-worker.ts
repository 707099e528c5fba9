/**
 * The reading thread of an import (a worker_threads entry, built beside main's index.js): it reads
 * and checks the file (read-rows.ts) while the main thread writes the blocks already read, and posts
 * each block with its memory moved, not copied. The main thread's side is reading-thread.ts.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { CsvRefusal } from './csv-encoding'
import { readImportRows, type ReadJob } from './read-rows'
import { blockBuffers } from './row-store'
import type { FromReader, ToReader } from './reading-thread'

const port = parentPort!
const post = (message: FromReader, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer)
let stop = false
port.on('message', (message: ToReader) => {
  if (message === 'stop') stop = true
})

readImportRows(workerData as ReadJob, {
  block: (block, counts) => post({ type: 'block', block, counts }, blockBuffers(block)),
  progress: (counts) => post({ type: 'progress', counts }),
  stopRequested: () => stop,
}).then(
  (summary) => post({ type: 'done', summary }),
  (error: unknown) =>
    post(
      error instanceof CsvRefusal
        ? { type: 'refused', message: error.message }
        : { type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) },
    ),
)
