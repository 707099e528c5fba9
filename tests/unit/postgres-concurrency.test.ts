/**
 * Ten desktops at once (PostgreSQL only, the unit-pg project): ten processes, each with its own
 * connection pool, run the app's own code (tests/support/postgres/desktop.ts) and edit the same
 * client, turnaround and ledger entries for a fixed number of rounds. Every attempt is either
 * written or refused as a conflict; no accepted edit is lost (each appends its token to what it
 * read, so a lost one would be missing); and the month totals and each client's months equal the
 * same sums over the entries.
 */
import { spawn } from 'node:child_process'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Envelope } from '../../electron/shared/envelope'
import { buildChild, ROOT } from '../support/build-child'
import { schemaOf, testPostgresSettings } from '../support/postgres/test-database'
import { VALID_INPUTS } from '../support/valid-inputs'
import { clientMonthsAndEntries } from '../support/client-months'
import { openTestApp, tempDir, type TestApp } from '../support/temp-db'

const DESKTOPS = 10
const ROUNDS = 8

let app: TestApp
let script: string
let job: { settings: unknown; clientId: number; turnaroundId: number; entryIds: number[] }

const ok = async <T>(channel: string, input: unknown): Promise<T> => {
  const e = (await app.call(channel, input)) as Envelope<T>
  if (!e.ok) throw new Error(e.error.message)
  return e.data
}

beforeAll(async () => {
  script = await buildChild(path.join(ROOT, 'tests/support/postgres/desktop.ts'), tempDir('desktop-'), 'desktop')
  const dir = tempDir()
  app = await openTestApp(dir)
  await ok('profile:save', VALID_INPUTS['profile:save'])
  const client = await ok<{ id: number }>('clients:create', { name: 'Shared Client Ltd' })
  const t = await ok<{ id: number }>('turnarounds:open', {
    ...VALID_INPUTS['turnarounds:open'],
    clientId: client.id,
    clientWords: '',
  })
  const entryIds: number[] = []
  for (let i = 0; i < 3; i++)
    entryIds.push(
      (
        await ok<{ id: number }>('ledger:save', {
          clientId: client.id,
          entry: {
            kind: 'invoice',
            entryDate: `2026-0${i + 1}-05`,
            description: `shared ${i}`,
            amountMinor: 1000,
            currency: 'GBP',
          },
        })
      ).id,
    )
  job = { settings: await testPostgresSettings(schemaOf(dir)), clientId: client.id, turnaroundId: t.id, entryIds }
}, 120_000)
afterAll(async () => {
  await app?.close()
})

function desktop(name: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, JSON.stringify({ ...job, name, rounds: ROUNDS })], {
      env: { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules') },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    let err = ''
    child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')))
    child.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')))
    child.on('error', reject)
    child.on('exit', (code) => {
      const lines = out.split('\n').filter((l) => l !== '')
      if (code !== 0 || !lines.includes('done')) reject(new Error(`desktop ${name} failed (${code}): ${out}${err}`))
      else resolve(lines)
    })
  })
}

describe('ten desktops editing the same records', () => {
  it('lose no accepted edit, report every conflict, and keep the month totals exact', async () => {
    const started = Date.now()
    const outputs = await Promise.all(Array.from({ length: DESKTOPS }, (_, i) => desktop(`d${i}`)))
    const seconds = (Date.now() - started) / 1000
    const lines = outputs.flat()
    const accepted = (what: string) => lines.filter((l) => l.startsWith(`OK ${what} `)).map((l) => l.split(' ')[2]!)
    const refused = (what: string) => lines.filter((l) => l.startsWith(`CONFLICT ${what}`)).length
    // Every attempt was answered: written or refused as a conflict, nothing else.
    for (const what of ['client', 'turnaround', 'entry'])
      expect(accepted(what).length + refused(what), what).toBe(DESKTOPS * ROUNDS)
    expect(accepted('added')).toHaveLength(DESKTOPS * ROUNDS)
    expect(lines.filter((l) => l.startsWith('E '))).toEqual([])

    const client = await ok<{ notes: string; version: number }>('clients:get', { id: job.clientId })
    const notes = client.notes.split(' ').filter((t) => t !== '')
    expect(notes.sort()).toEqual(accepted('client').sort())
    expect(client.version).toBe(1 + accepted('client').length)

    const t = await ok<{ clientWords: string; version: number }>('turnarounds:get', { id: job.turnaroundId })
    expect(
      t.clientWords
        .split(' ')
        .filter((w) => w !== '')
        .sort(),
    ).toEqual(accepted('turnaround').sort())
    expect(t.version).toBe(1 + accepted('turnaround').length)

    const entries = await ok<Array<{ id: number; amountMinor: number; version: number }>>('ledger:list', {
      clientId: job.clientId,
    })
    for (const id of job.entryIds) {
      const raised = accepted('entry').filter((e) => Number(e) === id).length
      expect(entries.find((e) => e.id === id)).toMatchObject({ amountMinor: 1000 + raised, version: 1 + raised })
    }
    expect(entries).toHaveLength(job.entryIds.length + DESKTOPS * ROUNDS)

    const [same] = (await app.db.dataSource.query(`SELECT
      (SELECT json_agg(t ORDER BY client_id, month, kind) FROM (SELECT client_id, month, kind, amount_minor, minutes, entries FROM ledger_month_totals WHERE entries <> 0) t)::text =
      (SELECT json_agg(g ORDER BY client_id, month, kind) FROM (SELECT client_id, substr(entry_date, 1, 7) AS month, kind, SUM(amount_minor) AS amount_minor, SUM(COALESCE(minutes, 0)) AS minutes, COUNT(*) AS entries FROM ledger_entries GROUP BY 1, 2, 3) g)::text AS equal`)) as Array<{
      equal: boolean
    }>
    expect(same).toEqual({ equal: true })
    const { kept, summed } = await clientMonthsAndEntries(app.db.dataSource)
    expect(kept).toEqual(summed)
    console.log(
      `ten desktops, ${ROUNDS} rounds each, in ${seconds.toFixed(1)} s: client ${accepted('client').length} saved / ${refused('client')} refused, turnaround ${accepted('turnaround').length} / ${refused('turnaround')}, shared entries ${accepted('entry').length} / ${refused('entry')}, ${accepted('added').length} entries added`,
    )
    expect(refused('client') + refused('turnaround') + refused('entry')).toBeGreaterThan(0)
  }, 300_000)
})
