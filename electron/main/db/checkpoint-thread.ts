/**
 * A large write's checkpoint, on a thread of its own.
 *
 * In WAL mode a commit appends the pages it changed to the -wal file; copying them back into the
 * database file (the checkpoint) is what SQLite does next, on the committing connection, once the
 * WAL holds more than 1,000 pages. After a large import that copy is tens of megabytes written and
 * flushed to the disk (about 0.13 s for 200,000 rows) on main's thread, before the import can
 * answer. So the import commits without it (commitWithoutCheckpoint) and, when the WAL is past that
 * size, hands it to a worker thread with a connection of its own (checkpointAside), which copies the
 * pages on the other core while main answers the window. A PASSIVE checkpoint takes no lock that
 * main's reads or writes wait for.
 *
 * Nothing is at stake if the thread fails: the pages stay in the WAL, which SQLite reads as part of
 * the database, and the next commit on main checkpoints as it always did. A data source closing
 * waits for a checkpoint under way (untilCheckpointed, DeskDataSource), so no file is ever replaced
 * or moved under the thread's connection.
 *
 * The thread's script is the constant below, run by Worker's `eval`: it holds no text from anyone,
 * and needs no build of its own (the better-sqlite3 it loads is the one main resolved).
 */
import fs from 'node:fs'
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import type Database from 'better-sqlite3'

/** What SQLite's wal_checkpoint says: whether it was kept from finishing, the WAL's frames, those copied. */
export interface CheckpointOutcome {
  busy: number
  log: number
  checkpointed: number
}

/** What the thread is given. */
export interface CheckpointJob {
  /** better-sqlite3's module, as main resolved it. */
  module: string
  file: string
  nativeBinding?: string
}

const SCRIPT = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.module)
const db = new Database(workerData.file, {
  fileMustExist: true,
  ...(workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {}),
})
try {
  db.pragma('busy_timeout = 5000')
  db.pragma('synchronous = FULL')
  parentPort.postMessage(db.pragma('wal_checkpoint(PASSIVE)')[0])
} finally {
  db.close()
}
`

/** The better-sqlite3 main loads, for the thread to load the same (an external of main's bundle: in node_modules). */
export function sqliteModule(): string {
  return createRequire(import.meta.url).resolve('better-sqlite3')
}

/**
 * The job for a SQLite data source's database file: its path and the native binding it was opened
 * with; null for a database with no file of its own (in memory) or another engine.
 */
export function checkpointJobOf(dataSource: { options: object }): CheckpointJob | null {
  const options = dataSource.options as { type?: unknown; database?: unknown; nativeBinding?: unknown }
  if (options.type !== 'better-sqlite3' || typeof options.database !== 'string' || options.database === ':memory:')
    return null
  return {
    module: sqliteModule(),
    file: options.database,
    ...(typeof options.nativeBinding === 'string' ? { nativeBinding: options.nativeBinding } : {}),
  }
}

/** The checkpoints under way, by the data source (or any owner) whose database they copy. */
const underWay = new WeakMap<object, Promise<unknown>>()

/**
 * Commits the open transaction without the checkpoint SQLite would run straight after it. Returns
 * whether the WAL is now past the size at which that checkpoint would have run (pass it to
 * checkpointAside); the setting is put back however the commit ends. The WAL file's size is an upper
 * bound of what it holds (after a checkpoint SQLite writes it again from the start without
 * shortening it), so a small commit after a large one may be said large too: its checkpoint then
 * copies only the few pages there are.
 */
export function commitWithoutCheckpoint(db: Database.Database): boolean {
  const pages = db.pragma('wal_autocheckpoint', { simple: true }) as number
  db.pragma('wal_autocheckpoint = 0')
  try {
    db.exec('COMMIT')
  } finally {
    db.pragma(`wal_autocheckpoint = ${Math.trunc(pages)}`)
  }
  if (pages <= 0 || db.memory) return false
  const pageSize = db.pragma('page_size', { simple: true }) as number
  return walBytes(db.name) > pages * pageSize
}

function walBytes(file: string): number {
  try {
    return fs.statSync(`${file}-wal`).size
  } catch {
    return 0
  }
}

/**
 * Copies the database's WAL into its file on a thread of its own. The promise settles once the
 * thread has ended: with what SQLite said, or with null when the thread failed (`onFailure` is told
 * why; the next commit on main checkpoints instead).
 */
export function checkpointAside(
  owner: object,
  job: CheckpointJob,
  onFailure?: (error: unknown) => void,
): Promise<CheckpointOutcome | null> {
  const before = underWay.get(owner) ?? Promise.resolve()
  const done = before.then(
    () =>
      new Promise<CheckpointOutcome | null>((resolve) => {
        let outcome: CheckpointOutcome | null = null
        let failure: unknown = null
        let worker: Worker
        try {
          worker = new Worker(SCRIPT, { eval: true, workerData: job })
        } catch (error) {
          onFailure?.(error)
          return resolve(null)
        }
        worker.on('message', (message: CheckpointOutcome) => (outcome = message))
        worker.on('error', (error) => (failure = error))
        worker.on('exit', (code) => {
          if (failure === null && outcome === null)
            failure = new Error(`The checkpoint's thread ended (code ${code}) without a word.`)
          if (failure !== null) onFailure?.(failure)
          resolve(failure === null ? outcome : null)
        })
      }),
  )
  underWay.set(owner, done)
  void done.then(() => {
    if (underWay.get(owner) === done) underWay.delete(owner)
  })
  return done
}

/** Settles once no checkpoint of `owner`'s database is under way. */
export async function untilCheckpointed(owner: object): Promise<void> {
  for (let pending = underWay.get(owner); pending !== undefined; pending = underWay.get(owner)) await pending
}
