/**
 * Crash survival. A child process runs the app's own write code (crash-writer.ts, compiled with
 * the project's toolchain) and writes without pause: ledger entries in pairs and turnaround edits,
 * each in a transaction, printing every commit. It is killed with SIGKILL at a random moment, again
 * and again. After every kill the database passes PRAGMA integrity_check, every commit the writer
 * reported is there, no transaction is half there (pairs whole, the monthly totals equal to a
 * GROUP BY over the entries), and the next start opens it normally.
 */
import { spawn } from 'node:child_process'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Envelope } from '../../electron/shared/envelope'
import { buildCrashWriter } from '../support/crash/build-writer'
import { openTestApp, tempDir } from '../support/temp-db'

const KILLS = 50
const ROOT = path.resolve(__dirname, '../..')

let writer: string
let file: string
let turnaroundId: number
let clientId: number

beforeAll(async () => {
  writer = await buildCrashWriter(tempDir('crash-writer-'))
  const app = await openTestApp()
  file = app.ctx.databaseFile
  const client = (await app.call('clients:create', { name: 'Crash Test Ltd', email: '' })) as Envelope<{ id: number }>
  if (!client.ok) throw new Error(client.error.message)
  clientId = client.data.id
  const opened = (await app.call('turnarounds:open', {
    clientId,
    openedOn: '2026-11-01',
    firstHeardBy: 'Ada',
  })) as Envelope<{ id: number }>
  if (!opened.ok) throw new Error(opened.error.message)
  turnaroundId = opened.data.id
  await app.close()
}, 60_000)

interface Run {
  ledger: number[]
  edits: number[]
  errors: string[]
}

/** Starts the writer, lets it commit for a random while, then kills it with SIGKILL. */
function runAndKill(first: number, killAfterMs: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, file, String(first), String(turnaroundId), String(clientId)], {
      env: { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules') },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const run: Run = { ledger: [], edits: [], errors: [] }
    let buffer = ''
    let timer: NodeJS.Timeout | undefined
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8')
      const lines = buffer.split('\n')
      buffer = lines.pop() ?? ''
      for (const line of lines) {
        const [tag, n] = line.split(' ')
        if (tag === 'ready' && !timer) timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs)
        else if (tag === 'L') run.ledger.push(Number(n))
        else if (tag === 'T') run.edits.push(Number(n))
        else if (tag === 'E') run.errors.push(line)
      }
    })
    child.stderr.on('data', (chunk: Buffer) => run.errors.push(chunk.toString('utf8')))
    child.on('error', reject)
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') run.errors.push(`the writer stopped by itself (${String(_code)})`)
      resolve(run)
    })
    // A writer that never gets ready is killed too, so the test cannot hang.
    setTimeout(() => child.kill('SIGKILL'), 30_000).unref()
  })
}

function check(db: Database.Database, reported: Run): { ledgerRows: number } {
  expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }])
  expect(db.pragma('foreign_key_check')).toEqual([])
  // Pairs: every "crash n" description appears exactly twice, never once.
  const halves = db
    .prepare('SELECT description, COUNT(*) AS n FROM ledger_entries GROUP BY description HAVING n <> 2')
    .all()
  expect(halves).toEqual([])
  const present = new Set(
    (db.prepare('SELECT DISTINCT description AS d FROM ledger_entries').all() as { d: string }[]).map((r) => r.d),
  )
  for (const n of reported.ledger) expect(present.has(`crash ${n}`), `ledger commit ${n}`).toBe(true)
  // Monthly totals, written only by triggers, equal a GROUP BY over the entries.
  const totals = db
    .prepare(
      'SELECT client_id, month, kind, amount_minor, minutes, entries FROM ledger_month_totals WHERE entries <> 0 ORDER BY client_id, month, kind',
    )
    .all()
  const grouped = db
    .prepare(
      'SELECT client_id, substr(entry_date, 1, 7) AS month, kind, SUM(amount_minor) AS amount_minor, SUM(COALESCE(minutes, 0)) AS minutes, COUNT(*) AS entries FROM ledger_entries GROUP BY client_id, month, kind ORDER BY client_id, month, kind',
    )
    .all()
  expect(totals).toEqual(grouped)
  // Edits: the turnaround holds the last edit or a later one, and each reported edit's touchpoint exists.
  const words = (
    db.prepare('SELECT client_words AS w FROM turnarounds WHERE id = ?').get(turnaroundId) as { w: string }
  ).w
  const lastEdit = reported.edits.at(-1)
  if (lastEdit !== undefined) expect(Number(words.replace('edit ', ''))).toBeGreaterThanOrEqual(lastEdit)
  const touches = new Set(
    (db.prepare("SELECT summary FROM touchpoints WHERE summary LIKE 'touch %'").all() as { summary: string }[]).map(
      (r) => r.summary,
    ),
  )
  for (const n of reported.edits) expect(touches.has(`touch ${n}`), `edit ${n}`).toBe(true)
  return { ledgerRows: (db.prepare('SELECT COUNT(*) AS n FROM ledger_entries').get() as { n: number }).n }
}

describe('crash survival', () => {
  const all: Run = { ledger: [], edits: [], errors: [] }
  let kills = 0

  afterAll(() => {
    console.log(
      `crash survival: ${kills} kills with SIGKILL, ${all.ledger.length} ledger transactions and ${all.edits.length} turnaround edits reported committed, all found whole`,
    )
  })

  it(`keeps every reported commit whole across ${KILLS} kills at random moments`, async () => {
    // A fixed sequence of "random" delays, so a failure can be run again the same way.
    let seed = 20261122
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    let committedBefore = 0
    for (let kill = 0; kill < KILLS; kill++) {
      const run = await runAndKill(kill * 1_000_000 + 1, Math.floor(random() * 250))
      kills += 1
      expect(run.errors).toEqual([])
      all.ledger.push(...run.ledger)
      all.edits.push(...run.edits)
      const db = new Database(file, { readonly: true, fileMustExist: true })
      try {
        const { ledgerRows } = check(db, all)
        expect(ledgerRows).toBeGreaterThanOrEqual(committedBefore)
        committedBefore = ledgerRows
      } finally {
        db.close()
      }
    }
    expect(all.ledger.length + all.edits.length).toBeGreaterThan(KILLS)
  }, 600_000)

  it('opens normally through openDatabase after the last kill', async () => {
    const app = await openTestApp(path.dirname(file))
    expect(await app.db.dataSource.query('PRAGMA quick_check')).toEqual([{ quick_check: 'ok' }])
    await app.close()
  })
})
