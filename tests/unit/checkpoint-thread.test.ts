/**
 * A large write's checkpoint on a thread of its own (checkpoint-thread.ts), on real SQLite files in
 * WAL mode: the commit leaves the pages in the WAL, the thread copies them into the database file
 * while main goes on reading and writing, a failed thread loses nothing (main's next commit
 * checkpoints), and closing the app's data source waits for a checkpoint under way.
 */
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import {
  checkpointAside,
  checkpointJobOf,
  commitWithoutCheckpoint,
  sqliteModule,
  untilCheckpointed,
} from '../../electron/main/db/checkpoint-thread'
import { openDatabase } from '../../electron/main/db/open-database'
import { tempDir } from '../support/temp-db'

const dirs: string[] = []
const open: Database.Database[] = []
afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close()
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})

function walDatabase(): { db: Database.Database; file: string } {
  const dir = tempDir('turnaround-checkpoint-')
  dirs.push(dir)
  const file = path.join(dir, 'wal.sqlite')
  const db = new Database(file)
  open.push(db)
  db.pragma('journal_mode = WAL')
  db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)')
  return { db, file }
}

/** Opens a transaction and writes `rows` rows of about 200 bytes each (40,000 rows: about 2,000 pages). */
function writeRows(db: Database.Database, rows: number): void {
  db.exec('BEGIN')
  const insert = db.prepare('INSERT INTO notes (text) VALUES (?)')
  for (let i = 0; i < rows; i++) insert.run(`${'a note of some length '.repeat(9)}${i}`)
}

const size = (file: string) => fs.statSync(file).size

describe('a checkpoint on a thread of its own', () => {
  it('leaves a large commit in the WAL, and the thread copies it into the file', async () => {
    const { db, file } = walDatabase()
    writeRows(db, 40_000)
    const before = size(file)
    expect(commitWithoutCheckpoint(db)).toBe(true)
    // Committed, nothing copied on this thread, and the setting back as it was.
    expect(size(file)).toBe(before)
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000)
    expect(size(`${file}-wal`)).toBeGreaterThan(1000 * 4096)

    const failures: unknown[] = []
    const outcome = await checkpointAside(db, { module: sqliteModule(), file }, (error) => failures.push(error))
    expect(failures).toEqual([])
    expect(outcome).not.toBeNull()
    expect(outcome!.busy).toBe(0)
    expect(outcome!.log).toBeGreaterThan(1000)
    expect(outcome!.checkpointed).toBe(outcome!.log)
    expect(size(file)).toBeGreaterThan(40_000 * 200)
    // Main reads and writes on as before.
    expect(db.prepare('SELECT COUNT(*) FROM notes').pluck().get()).toBe(40_000)
    db.prepare('INSERT INTO notes (text) VALUES (?)').run('one more')
    expect(db.prepare('SELECT COUNT(*) FROM notes').pluck().get()).toBe(40_001)
  })

  it('says a small commit needs no checkpoint', () => {
    const { db } = walDatabase()
    writeRows(db, 10)
    expect(commitWithoutCheckpoint(db)).toBe(false)
    expect(db.prepare('SELECT COUNT(*) FROM notes').pluck().get()).toBe(10)
  })

  it('loses nothing when the thread fails: the failure is told and main checkpoints at its next commit', async () => {
    const { db, file } = walDatabase()
    writeRows(db, 40_000)
    expect(commitWithoutCheckpoint(db)).toBe(true)
    const before = size(file)
    const failures: unknown[] = []
    const outcome = await checkpointAside(
      db,
      { module: path.join(path.dirname(file), 'no-such-module.js'), file },
      (error) => failures.push(error),
    )
    expect(outcome).toBeNull()
    expect(failures).toHaveLength(1)
    expect(String(failures[0])).toMatch(/Cannot find module/)
    expect(size(file)).toBe(before)
    // The rows are read from the WAL; the next commit on main copies them into the file.
    expect(db.prepare('SELECT COUNT(*) FROM notes').pluck().get()).toBe(40_000)
    db.prepare('INSERT INTO notes (text) VALUES (?)').run('one more')
    expect(size(file)).toBeGreaterThan(40_000 * 200)
  })

  it("makes the app's data source wait for it before closing", async () => {
    const dir = tempDir('turnaround-checkpoint-')
    dirs.push(dir)
    const file = path.join(dir, 'desk.sqlite')
    const opened = await openDatabase({ file })
    const raw = (opened.dataSource.driver as unknown as { databaseConnection: Database.Database }).databaseConnection
    raw.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)')
    writeRows(raw, 40_000)
    expect(commitWithoutCheckpoint(raw)).toBe(true)
    // The job as the import builds it, from the data source's own options.
    const job = checkpointJobOf(opened.dataSource)
    expect(job).toEqual({ module: sqliteModule(), file })
    const settled: string[] = []
    const first = checkpointAside(opened.dataSource, job!).then((o) => {
      settled.push('first')
      return o
    })
    // A second one asked for meanwhile runs after the first, not beside it.
    const second = checkpointAside(opened.dataSource, job!).then((o) => {
      settled.push('second')
      return o
    })
    await opened.dataSource.destroy()
    expect(settled).toEqual(['first', 'second'])
    expect((await first)?.checkpointed).toBeGreaterThan(1000)
    // The second found every frame copied already.
    expect((await second)?.checkpointed).toBe((await second)?.log)
    await untilCheckpointed(opened.dataSource)
    // Closed by the data source, the last connection: the WAL is gone and the file holds every row.
    expect(fs.existsSync(`${file}-wal`)).toBe(false)
    const check = new Database(file, { readonly: true })
    try {
      expect(check.prepare('SELECT COUNT(*) FROM notes').pluck().get()).toBe(40_000)
    } finally {
      check.close()
    }
  })

  it('has no job for a database without a file of its own or on another engine', () => {
    expect(checkpointJobOf({ options: { type: 'better-sqlite3', database: ':memory:' } })).toBeNull()
    expect(checkpointJobOf({ options: { type: 'postgres', database: 'desk' } })).toBeNull()
    expect(
      checkpointJobOf({ options: { type: 'better-sqlite3', database: '/data/desk.sqlite', nativeBinding: '/b.node' } }),
    ).toEqual({ module: sqliteModule(), file: '/data/desk.sqlite', nativeBinding: '/b.node' })
  })
})
