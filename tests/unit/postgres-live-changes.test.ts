/**
 * Several desktops on one shared database (unit-pg only, a real PostgreSQL server): a write through
 * one desktop's dispatcher reaches the other's change listener, a desktop never hears its own
 * writes, and a listener whose connection the server ends says so, reconnects and hears again.
 */
import pg from 'pg'
import { afterEach, describe, expect, it } from 'vitest'
import { listenForChanges, type ChangeListener } from '../../electron/main/db/change-feed'
import type { PostgresSettings } from '../../electron/main/db/engine/postgres-engine'
import type { ChangeArea } from '../../electron/shared/live/events'
import { schemaOf, testPostgresSettings } from '../support/postgres/test-database'
import { openTestApp, tempDir, type TestApp } from '../support/temp-db'
import { VALID_INPUTS } from '../support/valid-inputs'

let apps: TestApp[] = []
let listeners: ChangeListener[] = []
afterEach(async () => {
  for (const l of listeners) await l.stop()
  for (const a of apps) await a.close()
  apps = []
  listeners = []
})

/** Everything a listener told, and a way to wait for the next thing matching. */
function recorder() {
  const events: Array<{ kind: 'changed'; areas: ChangeArea[] } | { kind: 'connection'; connected: boolean }> = []
  const waiters: Array<{ test: (e: (typeof events)[number]) => boolean; resolve: () => void }> = []
  const push = (e: (typeof events)[number]) => {
    events.push(e)
    for (const w of [...waiters])
      if (w.test(e)) {
        waiters.splice(waiters.indexOf(w), 1)
        w.resolve()
      }
  }
  return {
    events,
    sink: {
      changed: (areas: ChangeArea[]) => push({ kind: 'changed', areas }),
      connection: (connected: boolean) => push({ kind: 'connection', connected }),
    },
    /** Waits for an event from now on; the guard only stops a broken run from hanging. */
    next(test: (e: (typeof events)[number]) => boolean, guardMs = 20_000): Promise<void> {
      return new Promise((resolve, reject) => {
        const guard = setTimeout(() => reject(new Error('no such event arrived')), guardMs)
        waiters.push({
          test,
          resolve: () => {
            clearTimeout(guard)
            resolve()
          },
        })
      })
    },
  }
}

async function twoDesktops() {
  const dir = tempDir()
  const one = await openTestApp(dir, undefined, {}, 'postgres')
  const two = await openTestApp(dir, undefined, {}, 'postgres')
  apps.push(one, two)
  return { one, two, settings: await testPostgresSettings(schemaOf(dir)) }
}

async function listening(settings: PostgresSettings, app: TestApp, heard: ReturnType<typeof recorder>) {
  const listener = listenForChanges(settings, app.ctx.deskId!, heard.sink, { debounceMs: 50, retryMs: [100, 200, 400] })
  listeners.push(listener)
  while (!listener.connected()) await new Promise((r) => setTimeout(r, 20))
  return listener
}

const changedWith = (area: ChangeArea) => (e: { kind: string; areas?: ChangeArea[] }) =>
  e.kind === 'changed' && (e.areas ?? []).includes(area)

describe('changes between desktops on a shared database', () => {
  it('tells the other desktop which areas a committed write changed', async () => {
    const { one, two, settings } = await twoDesktops()
    const heardByTwo = recorder()
    await listening(settings, two, heardByTwo)
    const arrived = heardByTwo.next(changedWith('clients'))
    const created = (await one.call('clients:create', { name: 'Seen Elsewhere Ltd' })) as { ok: boolean }
    expect(created.ok).toBe(true)
    await arrived
    expect(heardByTwo.events.filter((e) => e.kind === 'connection')).toEqual([])
  }, 60_000)

  it('never tells a desktop of its own writes, nor of refused ones', async () => {
    const { one, two, settings } = await twoDesktops()
    const heardByOne = recorder()
    const heardByTwo = recorder()
    await listening(settings, one, heardByOne)
    await listening(settings, two, heardByTwo)
    const profileSaved = heardByOne.next(changedWith('profile'))
    expect(await two.call('profile:save', VALID_INPUTS['profile:save'])).toMatchObject({ ok: true })
    await profileSaved
    // A refused write (no name) tells nobody; then one's real writes reach two only.
    expect(((await one.call('clients:create', { name: '' })) as { ok: boolean }).ok).toBe(false)
    const arrived = heardByTwo.next(changedWith('ledger'))
    const client = (await one.call('clients:create', { name: 'Quiet Ltd' })) as { data: { id: number } }
    const saved = await one.call('ledger:save', {
      clientId: client.data.id,
      entry: { kind: 'invoice', entryDate: '2026-11-01', description: 'Fee', amountMinor: 1000, currency: 'GBP' },
    })
    expect(saved).toMatchObject({ ok: true })
    await arrived
    // Two writes again: notices arrive in commit order, so one's own would have come before this.
    const again = heardByOne.next(changedWith('profile'))
    expect(await two.call('profile:save', VALID_INPUTS['profile:save'])).toMatchObject({ ok: true })
    await again
    const areasHeardByOne = heardByOne.events.flatMap((e) => (e.kind === 'changed' ? e.areas : []))
    expect(new Set(areasHeardByOne)).toEqual(new Set(['profile']))
    const areasHeardByTwo = heardByTwo.events.flatMap((e) => (e.kind === 'changed' ? e.areas : []))
    expect(areasHeardByTwo).not.toContain('profile')
  }, 60_000)

  it('says when the connection is lost, reconnects, and hears changes again', async () => {
    const { one, two, settings } = await twoDesktops()
    const heardByTwo = recorder()
    const listener = await listening(settings, two, heardByTwo)
    const pid = listener.backendPid()
    expect(pid).not.toBeNull()
    const down = heardByTwo.next((e) => e.kind === 'connection' && !e.connected)
    const back = heardByTwo.next((e) => e.kind === 'connection' && e.connected)
    const admin = new pg.Client({ ...(await testPostgresSettings()), ssl: false })
    await admin.connect()
    try {
      await admin.query('SELECT pg_terminate_backend($1)', [pid])
    } finally {
      await admin.end()
    }
    await down
    await back
    expect(listener.backendPid()).not.toBe(pid)
    // Back, it shows everything again (what others wrote meanwhile), then hears new writes.
    await heardByTwo.next(changedWith('everything'))
    const arrived = heardByTwo.next(changedWith('turnarounds'))
    const client = (await one.call('clients:create', { name: 'After The Drop Ltd' })) as { data: { id: number } }
    await one.call('clients:archive', { id: client.data.id })
    await arrived
  }, 60_000)

  it('refuses a write whose connection is lost midway, in plain words, writing none of it; the same write succeeds again', async () => {
    const { one, settings } = await twoDesktops()
    const client = (await one.call('clients:create', { name: 'Cut Off Ltd' })) as { data: { id: number } }
    const clientId = client.data.id
    const admin = new pg.Client({ ...settings, ssl: false })
    await admin.connect()
    try {
      // Another session holds the client's row: opening a turnaround inserts it, then waits to mark the client.
      await admin.query('BEGIN')
      await admin.query(`SELECT id FROM ${settings.schema}.clients WHERE id = $1 FOR NO KEY UPDATE`, [clientId])
      const input = { ...VALID_INPUTS['turnarounds:open'], clientId }
      const answer = one.call('turnarounds:open', input)
      let pid: number | undefined
      while (pid === undefined) {
        const rows = (
          await admin.query<{ pid: number }>(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE 'UPDATE%clients%'",
          )
        ).rows
        pid = rows[0]?.pid
        if (pid === undefined) {
          // Within a transaction the activity view is a snapshot: it is taken again.
          await admin.query('SELECT pg_stat_clear_snapshot()')
          await new Promise((r) => setTimeout(r, 50))
        }
      }
      await admin.query('SELECT pg_terminate_backend($1)', [pid])
      expect(await answer).toEqual({
        ok: false,
        error: {
          code: 'UNREACHABLE',
          message:
            'The shared database cannot be reached, so nothing was changed. What you typed is still here: try again once it is back.',
        },
      })
      await admin.query('ROLLBACK')
      // Nothing of it was written: no turnaround, the client as it was.
      expect((await admin.query(`SELECT count(*)::int AS n FROM ${settings.schema}.turnarounds`)).rows).toEqual([
        { n: 0 },
      ])
      expect(
        (await admin.query(`SELECT status FROM ${settings.schema}.clients WHERE id = $1`, [clientId])).rows[0],
      ).not.toEqual({ status: 'in_turnaround' })
      // Tried again (the form kept what was typed), it is saved.
      expect(await one.call('turnarounds:open', input)).toMatchObject({ ok: true })
    } finally {
      await admin.end()
    }
  }, 60_000)
})
