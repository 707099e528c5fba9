/**
 * The check of the database at start, on a thread of its own.
 *
 * Before opening its file for writing, the app reads all of it once (SQLite's quick check, see
 * open-database.ts): on a ledger of 1,000,000 entries about a third of a second. On main's thread that
 * third of a second is one that nothing else gets: not the window, whose page main serves
 * (app-protocol.ts), nor its first requests. On a thread of its own, main serves the window its page
 * while the file is read, and the app shows once both are done instead of one after the other. Both
 * want the same cores, so the gain is less than the check: on a 2-core machine the window's start onto
 * a 132 MB database went from 1,061–1,171 to 911–1,008 ms (0.84–0.94x in three measures of five each,
 * `npm run bench`, renderer.cold-start.ledger). The window is made first for such a file only
 * (index.ts): a small file's opening is over before the window could have loaded anything.
 *
 * A thread is not free: its own V8 and better-sqlite3 loaded again take about 32 ms (35 of CPU) before
 * it reads anything, CPU taken from the same cores the window's page loads on, while main checks a
 * file at about 3 ms a megabyte (a client register of 5,000 clients: 4.5 ms). So a file under 16 MB
 * (under about 50 ms of checking) is checked on main's thread (`checkBeforeOpening`).
 *
 * The check is never skipped: when the thread cannot run it (it cannot start, cannot load SQLite,
 * or ends without a word), main runs the same check itself and the failure is reported. Only
 * SQLite's own answer about the file (an error with a SQLITE_ code, or what the check said) is a
 * verdict from the thread. What SQLite said is read by the same `integrityOf` either
 * way. The thread's script is the constant below, run by Worker's `eval`: it holds no text from
 * anyone, and needs no build of its own (the better-sqlite3 it loads is the one main resolved).
 */
import fs from 'node:fs'
import { Worker } from 'node:worker_threads'
import {
  OUR_TABLES_SQL,
  checkIntegrity,
  integrityOf,
  integrityPragma,
  unreadable,
  type IntegrityResult,
} from './backups'
import { sqliteModule } from './checkpoint-thread'

/** What the thread is given. */
interface CheckJob {
  /** better-sqlite3's module, as main resolved it. */
  module: string
  file: string
  nativeBinding?: string
  pragma: string
  tablesSql: string
}

/** What the thread answers: what SQLite said, or why SQLite could not read the file to check it. */
type CheckAnswer = { said: string[]; tables: string[] } | { failed: string }

const SCRIPT = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.module)
let db
try {
  db = new Database(workerData.file, {
    readonly: true,
    fileMustExist: true,
    ...(workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {}),
  })
  const said = db.pragma(workerData.pragma).map((row) => String(Object.values(row)[0]))
  const tables = said.every((line) => line === 'ok') ? db.prepare(workerData.tablesSql).pluck().all() : []
  parentPort.postMessage({ said, tables })
} catch (error) {
  // SQLite's word on the file is an answer; anything else (the addon not loading here) is the thread's failure.
  if (!(typeof error?.code === 'string' && error.code.startsWith('SQLITE_'))) throw error
  parentPort.postMessage({ failed: error.message })
} finally {
  if (db) db.close()
}
`

export interface CheckOptions {
  full?: boolean
  nativeBinding?: string
  /** Told why the thread could not check (main then checked itself): for the log. */
  onThreadFailure?: (error: unknown) => void
  /** better-sqlite3's module for the thread; main's by default (tests give another to see the fallback). */
  module?: string
}

/** Checks a file read-only as `checkIntegrity` does, on a thread of its own; main's thread stays free meanwhile. */
export function checkIntegrityAside(file: string, options: CheckOptions = {}): Promise<IntegrityResult> {
  const { full, nativeBinding, onThreadFailure } = options
  return new Promise((resolve) => {
    const onMain = (why: unknown) => {
      onThreadFailure?.(why)
      resolve(checkIntegrity(file, { full, nativeBinding }))
    }
    let worker: Worker
    try {
      const job: CheckJob = {
        module: options.module ?? sqliteModule(),
        file,
        ...(nativeBinding ? { nativeBinding } : {}),
        pragma: integrityPragma(full),
        tablesSql: OUR_TABLES_SQL,
      }
      worker = new Worker(SCRIPT, { eval: true, workerData: job })
    } catch (error) {
      return onMain(error)
    }
    let answer: CheckAnswer | null = null
    let failure: unknown = null
    worker.on('message', (message: CheckAnswer) => (answer = message))
    // A thread that fails ends too: its end decides.
    worker.on('error', (error) => (failure = error))
    worker.on('exit', (code) => {
      const said: CheckAnswer | null = answer
      if (said === null) return onMain(failure ?? new Error(`The check's thread ended (code ${code}) without a word.`))
      resolve('failed' in said ? unreadable(said.failed) : integrityOf(said.said, said.tables))
    })
  })
}

/** From this size (the file and its write-ahead log) the check runs on a thread: on main it would take about 50 ms. */
export const ASIDE_FROM_BYTES = 16 * 1024 * 1024

const sizeOf = (file: string): number => {
  try {
    return fs.statSync(file).size
  } catch {
    return 0
  }
}

/** Whether the check before opening `file` runs on a thread of its own (a large file). */
export const checkedAside = (file: string, asideFromBytes = ASIDE_FROM_BYTES): boolean =>
  sizeOf(file) + sizeOf(`${file}-wal`) >= asideFromBytes

/** The check before opening a file for writing: on a thread of its own for a large file, on main's for a small one. */
export function checkBeforeOpening(
  file: string,
  options: Omit<CheckOptions, 'full'> = {},
  asideFromBytes = ASIDE_FROM_BYTES,
): Promise<IntegrityResult> {
  return checkedAside(file, asideFromBytes)
    ? checkIntegrityAside(file, options)
    : Promise.resolve(checkIntegrity(file, { nativeBinding: options.nativeBinding }))
}
