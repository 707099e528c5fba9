/**
 * Whether the client kept each part of their commitment: marked kept on a day, not kept, or open
 * again, kept across a restart and across an edit of the parts; the open dated parts come due on
 * Today (at risk, then overdue) and leave it once marked; the reminders and the calendar feed list
 * them as they list the client's commitments.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { TodayData, TurnaroundDetail } from '../../electron/shared/turnarounds/models'
import { allCalendarItems } from '../../electron/main/features/calendar/calendar-items'
import { buildMergeData } from '../../electron/main/features/letters/merge-data'
import { dueToday, reminderSchedule } from '../../electron/shared/reminders/schedule'
import { REMINDER_KINDS, type ReminderKind } from '../../electron/shared/reminders/words'
import { targetOf } from '../../electron/main/tray-menu'
import { call as callOn, refused as refusedOn } from '../support/dispatch'
import { PROFILE } from '../support/letters-fixture'
import { openTestApp, tempDir, type TestApp } from '../support/temp-db'

const NOW = new Date(2026, 11, 10, 9, 30)
let app: TestApp | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

const call = <T = TurnaroundDetail>(channel: string, input?: unknown) => callOn<T>(app as TestApp, channel, input)
const refused = (channel: string, input: unknown) => refusedOn(app as TestApp, channel, input)

const PAY = {
  kind: 'pay_invoice',
  description: 'Pay invoice 1042',
  amountMinor: 112000,
  dueOn: '2026-12-08',
  metWhen: '',
}
const REFER = {
  kind: 'referral',
  description: 'Introduce us to the farm shop',
  amountMinor: null,
  dueOn: '2026-12-12',
  metWhen: '',
}
const RENEW = { kind: 'renew', description: 'Renew the support plan', amountMinor: null, dueOn: null, metWhen: '' }

async function committed(name = 'Harbour Print'): Promise<TurnaroundDetail> {
  const client = await call<{ id: number }>('clients:create', { name })
  const t = await call('turnarounds:open', { clientId: client.id, openedOn: '2026-12-01', firstHeardBy: 'Mara' })
  return call('turnarounds:set-client-commitment', { id: t.id, parts: [PAY, REFER, RENEW] })
}

const states = (d: TurnaroundDetail) => d.clientCommitments.map((p) => [p.description, p.status, p.keptOn, p.state])

describe('marking the parts of the client’s commitment', () => {
  it('records kept on a day, not kept and open again, each read as it stands today, and keeps them across a restart', async () => {
    const dir = tempDir()
    app = await openTestApp(dir, () => NOW)
    const t = await committed()
    expect(states(t)).toEqual([
      ['Pay invoice 1042', 'open', null, 'overdue'],
      ['Introduce us to the farm shop', 'open', null, 'at_risk'],
      ['Renew the support plan', 'open', null, 'open'],
    ])
    const [pay, refer, renew] = t.clientCommitments.map((p) => p.id)
    await call('client-commitments:mark', { id: pay, status: 'kept', keptOn: '2026-12-09' })
    await call('client-commitments:mark', { id: refer, status: 'not_kept' })
    await call('client-commitments:mark', { id: renew, status: 'kept', keptOn: '2026-12-10' })
    const reopened = await call('client-commitments:mark', { id: renew, status: 'open' })
    expect(states(reopened)).toEqual([
      ['Pay invoice 1042', 'kept', '2026-12-09', 'done'],
      ['Introduce us to the farm shop', 'not_kept', null, 'missed'],
      ['Renew the support plan', 'open', null, 'open'],
    ])
    await app.close()

    app = await openTestApp(dir, () => NOW)
    expect(states(await call('turnarounds:get', { id: t.id }))).toEqual(states(reopened))
  })

  it('refuses a day still to come or before the turnaround opened, next to the field, and a part that is not there', async () => {
    app = await openTestApp(undefined, () => NOW)
    const t = await committed()
    const id = t.clientCommitments[0]!.id
    const future = await refused('client-commitments:mark', { id, status: 'kept', keptOn: '2026-12-11' })
    expect(future).toMatchObject({ field: 'keptOn', message: 'The day it was kept cannot be in the future.' })
    const early = await refused('client-commitments:mark', { id, status: 'kept', keptOn: '2026-11-30' })
    expect(early).toMatchObject({ field: 'keptOn' })
    expect(early.message).toMatch(/before the turnaround opened/)
    expect(await refused('client-commitments:mark', { id, status: 'kept' })).toMatchObject({ field: 'keptOn' })
    expect((await refused('client-commitments:mark', { id: 9999, status: 'open' })).code).toBe('NOT_FOUND')
    expect((await call('turnarounds:get', { id: t.id })).clientCommitments[0]?.status).toBe('open')
  })

  it('keeps each part’s state when the parts are edited: a part keeps its id, a new one is open, a removed one goes', async () => {
    app = await openTestApp(undefined, () => NOW)
    const t = await committed()
    const [pay, refer] = t.clientCommitments
    await call('client-commitments:mark', { id: pay!.id, status: 'kept', keptOn: '2026-12-09' })
    const edited = await call('turnarounds:set-client-commitment', {
      id: t.id,
      parts: [
        { ...RENEW, description: 'Renew for two years' },
        { ...PAY, id: pay!.id, description: 'Pay invoice 1042 in full' },
        { ...REFER, id: refer!.id },
      ].reverse(),
    })
    expect(states(edited)).toEqual([
      ['Introduce us to the farm shop', 'open', null, 'at_risk'],
      ['Pay invoice 1042 in full', 'kept', '2026-12-09', 'done'],
      ['Renew for two years', 'open', null, 'open'],
    ])
    expect(edited.clientCommitments.slice(0, 2).map((p) => p.id)).toEqual([refer!.id, pay!.id])
    // Another turnaround's part is not taken over: it counts as a new part here.
    const other = await committed('Blue Fern')
    const taken = await call('turnarounds:set-client-commitment', {
      id: t.id,
      parts: [{ ...PAY, id: other.clientCommitments[0]!.id }],
    })
    expect(taken.clientCommitments[0]?.id).not.toBe(other.clientCommitments[0]!.id)
    expect((await call('turnarounds:get', { id: other.id })).clientCommitments).toHaveLength(3)
  })
})

describe('the client’s commitment on Today, in the reminders and the calendar', () => {
  it('lists the open dated parts at risk or overdue, and each leaves once marked', async () => {
    app = await openTestApp(undefined, () => NOW)
    const t = await committed()
    const today = await call<TodayData>('today:get')
    expect(today.clientParts).toEqual([
      expect.objectContaining({
        turnaroundId: t.id,
        clientName: 'Harbour Print',
        kind: 'pay_invoice',
        dueOn: '2026-12-08',
        state: 'overdue',
      }),
      expect.objectContaining({ description: 'Introduce us to the farm shop', dueOn: '2026-12-12', state: 'at_risk' }),
    ])
    const items = await allCalendarItems(app.db.dataSource.manager)
    expect(items.filter((i) => i.kind === 'client_commitment').map((i) => [i.on, i.summary])).toEqual([
      ['2026-12-08', 'Harbour Print: Pay invoice 1042'],
      ['2026-12-12', 'Harbour Print: Introduce us to the farm shop'],
    ])
    const due = dueToday(
      { followUps: [], commitments: [], checkIns: [], clientParts: today.clientParts },
      today.today,
      7,
    )
    // Reminded, and opened from the tray, on the turnaround's overview, where the parts are marked.
    expect(due.map(targetOf)).toEqual([`/turnarounds/${t.id}?tab=overview`])
    const schedule = reminderSchedule({
      sources: { followUps: [], commitments: [], checkIns: [], clientParts: today.clientParts },
      prefs: {
        kinds: Object.fromEntries(REMINDER_KINDS.map((k) => [k, true])) as Record<ReminderKind, boolean>,
        quietFrom: null,
        quietTo: null,
      },
      warningDays: 7,
      now: NOW,
      notified: new Set(),
    })
    expect(schedule.notifications.map((n) => [n.title, n.body, n.target])).toEqual([
      ['Client’s date has passed', 'Harbour Print: Pay invoice 1042', `/turnarounds/${t.id}?tab=overview`],
    ])
    expect(due.map((d) => [d.kind, d.key, d.text])).toEqual([
      ['client_date_passed', `client_date_passed:part-${today.clientParts[0]!.id}:2026-12-08`, 'Pay invoice 1042'],
    ])

    await call('client-commitments:mark', { id: today.clientParts[0]!.id, status: 'not_kept' })
    await call('client-commitments:mark', { id: today.clientParts[1]!.id, status: 'kept', keptOn: '2026-12-10' })
    expect((await call<TodayData>('today:get')).clientParts).toEqual([])
    expect((await allCalendarItems(app.db.dataSource.manager)).filter((i) => i.kind === 'client_commitment')).toEqual(
      [],
    )

    // Open again, it is back; once the turnaround is closed it leaves, as our commitments do.
    await call('client-commitments:mark', { id: today.clientParts[0]!.id, status: 'open' })
    expect((await call<TodayData>('today:get')).clientParts).toHaveLength(1)
    await call('turnarounds:close', { id: t.id, outcome: 'recovered', closedOn: '2026-12-10' })
    expect((await call<TodayData>('today:get')).clientParts).toEqual([])
  })

  it('reaches the letters: each part says whether the client kept it by the letter’s date', async () => {
    app = await openTestApp(undefined, () => NOW)
    const t = await committed()
    const d = await call('client-commitments:mark', {
      id: t.clientCommitments[0]!.id,
      status: 'kept',
      keptOn: '2026-12-09',
    })
    const profile = await call<Parameters<typeof buildMergeData>[0]['profile']>('profile:save', PROFILE)
    const client = await call<Parameters<typeof buildMergeData>[0]['client']>('clients:get', { id: d.clientId })
    const parts = (date: string) =>
      (
        buildMergeData({ profile, client, turnaround: d, kind: 'check_in', date, goodwill: '', pageSize: 'A4' }).context
          .client_commitment_parts as Array<{ kept: boolean; kept_on: string }>
      ).map((p) => [p.kept, p.kept_on])
    expect(parts('2026-12-10')).toEqual([
      [true, '9 December 2026'],
      [false, ''],
      [false, ''],
    ])
    expect(parts('2026-12-08')[0]).toEqual([false, ''])
  })
})
