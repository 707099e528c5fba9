/**
 * The check of the database at start, on a thread of its own.
 *
 * Before opening its file for writing, the app reads all of it once (SQLite's quick check, see
 * open-database.ts): on a ledger of 1,000,000 entries about a third of a second. On main's thread that
 * third of a second is one that nothing else gets: not the window, whose page main serves
 * (app-protocol.ts), nor its first requests. On a thread of its own, main serves the window its page
 * while the file is read, and the app shows once both are done instead of one after the other. Both
 * want the same cores, so the gain is less than the check: on a 2-core machine the window's start onto
 * a 132 MB database went from 1,061 to 911 ms (`npm run bench`, renderer.cold-start.ledger).
 *
 * A thread is not free: its own V8 and better-sqlite3 loaded again take about 32 ms (35 of CPU) before
 * it reads anything, while main checks a file at about 3 ms a megabyte (a client register of 5,000
 * clients: 4.5 ms). So a small file is checked on main's thread, which is over sooner
 * (`checkBeforeOpening`).
 *
 * The check is never skipped: when the thread cannot run it (it cannot start, or ends without a
 * word), main runs the same check itself. What SQLite said is read by the same `integrityOf` either
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

/** What the thread answers: what SQLite said, or why the file could not be read to check it. */
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
  parentPort.postMessage({ failed: error instanceof Error ? error.message : String(error) })
} finally {
  if (db) db.close()
}
`

/**
 * Checks a file read-only as `checkIntegrity` does, on a thread of its own; main's thread stays free
 * meanwhile. `module` is better-sqlite3's (tests give another to see the fallback).
 */
export function checkIntegrityAside(
  file: string,
  options: { full?: boolean; nativeBinding?: string } = {},
  module: string = sqliteModule(),
): Promise<IntegrityResult> {
  return new Promise((resolve) => {
    const onMain = () => resolve(checkIntegrity(file, options))
    const job: CheckJob = {
      module,
      file,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      pragma: integrityPragma(options.full),
      tablesSql: OUR_TABLES_SQL,
    }
    let worker: Worker
    try {
      worker = new Worker(SCRIPT, { eval: true, workerData: job })
    } catch {
      return onMain()
    }
    let answer: CheckAnswer | null = null
    worker.on('message', (message: CheckAnswer) => (answer = message))
    // A thread that fails ends too: its end decides.
    worker.on('error', () => {})
    worker.on('exit', () => {
      const said: CheckAnswer | null = answer
      if (said === null) return onMain()
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

/** The check before opening a file for writing: on a thread of its own for a large file, on main's for a small one. */
export function checkBeforeOpening(
  file: string,
  options: { nativeBinding?: string } = {},
  asideFromBytes = ASIDE_FROM_BYTES,
): Promise<IntegrityResult> {
  return sizeOf(file) + sizeOf(`${file}-wal`) >= asideFromBytes
    ? checkIntegrityAside(file, options)
    : Promise.resolve(checkIntegrity(file, options))
}
