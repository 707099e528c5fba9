import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ApiErrorData, Envelope } from '../../electron/shared/envelope'
import type { Client } from '../../electron/shared/models'
import { TurnaroundEntity } from '../../electron/main/db/entities'
import type { TouchpointView, TurnaroundDetail, TurnaroundSummary } from '../../electron/shared/turnarounds/models'
import { NEXT_STEP } from '../../electron/shared/turnarounds/rules'
import { openTestApp, type TestApp } from '../support/temp-db'

// The services take "today" from the computer's local calendar (localIsoDate), so the clock is
// 09:30 on 2026-11-22 *local* time: the same instant as openTestApp's FIXED_NOW under UTC, and
// still 2026-11-22 on machines in other time zones.
const TODAY = '2026-11-22'
const NOW = new Date(2026, 10, 22, 9, 30)

let app: TestApp
beforeEach(async () => {
  app = await openTestApp(undefined, () => NOW)
})
afterEach(async () => {
  await app.close()
})

const TABLES = [
  'turnarounds',
  'turnaround_issues',
  'turnaround_actions',
  'commitments',
  'touchpoints',
  'turnaround_handovers',
] as const

const count = async (table: string, where = '1 = 1', params: unknown[] = []) =>
  Number((await app.db.dataSource.query(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`, params))[0].n)
const counts = async () => Object.fromEntries(await Promise.all(TABLES.map(async (t) => [t, await count(t)] as const)))
const row = async (sql: string, params: unknown[] = []) =>
  (await app.db.dataSource.query(sql, params))[0] as Record<string, unknown>

async function call<T = TurnaroundDetail>(channel: string, input?: unknown): Promise<T> {
  const result = (await app.call(channel, input)) as Envelope<T>
  if (!result.ok)
    throw new Error(`${channel} failed: ${result.error.code} ${result.error.field ?? '-'}: ${result.error.message}`)
  return result.data
}

async function refused(channel: string, input?: unknown): Promise<ApiErrorData> {
  const result = (await app.call(channel, input)) as Envelope<unknown>
  expect(result.ok, `${channel} should have been refused`).toBe(false)
  if (result.ok) throw new Error('not refused')
  return result.error
}

/** Main names a field either bare or with the form's prefix; the renderer strips the prefix (useSubmit). */
function expectField(error: ApiErrorData, field: string, prefix: string) {
  expect([field, `${prefix}${field}`]).toContain(error.field)
}

async function newClient(name = 'Northwind Bakery'): Promise<Client> {
  return call<Client>('clients:create', { name })
}

const clientStatus = async (id: number) => (await call<Client>('clients:get', { id })).status

async function openFor(clientId: number, extra: object = {}): Promise<TurnaroundDetail> {
  return call('turnarounds:open', { clientId, openedOn: '2026-11-10', firstHeardBy: 'Mara', ...extra })
}

async function setup(extra: object = {}) {
  const client = await newClient()
  const t = await openFor(client.id, extra)
  return { client, t }
}

const issue = (extra: object = {}) => ({
  statement: 'The March and April reports arrived 6 and 9 days late',
  raisedOn: '2026-11-10',
  ...extra,
})
const saveIssue = (turnaroundId: number, extra: object = {}, id?: number) =>
  call('issues:save', { turnaroundId, id, issue: issue(extra) })
const lastIssueId = (t: TurnaroundDetail) => Math.max(...t.issues.map((i) => i.id))

const act = (extra: object = {}) => ({ title: 'Resend the April report', impact: 3, effortMinutes: 60, ...extra })
const saveAction = (turnaroundId: number, extra: object = {}, id?: number) =>
  call('actions:save', { turnaroundId, id, action: act(extra) })

const saveCommitment = (turnaroundId: number, extra: object = {}, id?: number) =>
  call('commitments:save', {
    turnaroundId,
    id,
    commitment: { party: 'us', description: 'Send the written plan', dueOn: '2026-11-25', ...extra },
  })

const saveTouchpoint = (clientId: number, turnaroundId: number | null, extra: object = {}, id?: number) =>
  call<TouchpointView>('touchpoints:save', {
    clientId,
    turnaroundId,
    id,
    touchpoint: { kind: 'call', occurredOn: '2026-11-12', who: 'Mara', minutes: 20, ...extra },
  })

const get = (id: number) => call('turnarounds:get', { id })
const list = (query: object = {}) => call<TurnaroundSummary[]>('turnarounds:list', query)

/** A turnaround whose only issue is specific and agreed on 2026-11-12. */
async function agreed() {
  const { client, t } = await setup()
  await saveIssue(t.id)
  const detail = await call('turnarounds:record-agreement', { id: t.id, agreedOn: '2026-11-12', via: 'meeting' })
  return { client, t: detail }
}

async function saveProfileAndSettings(settings: {
  warningWindowDays: number
  followUpEveryDays: number
  checkInAfterDays: number
  quickWinMaxEffortMinutes?: number
}) {
  await call('profile:save', {
    businessName: 'Harbour Print',
    ownerName: 'Mara Lind',
    currency: 'EUR',
    hourlyWorthMinor: 9000,
  })
  await call('planner-settings:save', { quickWinMaxEffortMinutes: 120, ...settings })
}

describe('opening a turnaround', () => {
  it('fills in the defaults: owner is who first heard it, listening, follow up every 2 days from the opening', async () => {
    const client = await newClient()
    expect(client.status).toBe('active')
    const t = await call('turnarounds:open', {
      clientId: client.id,
      openedOn: '2026-11-20',
      firstHeardBy: '  Mara  ',
      clientWords: 'You never deliver on time.',
    })
    expect(t).toMatchObject({
      clientId: client.id,
      clientName: 'Northwind Bakery',
      openedOn: '2026-11-20',
      owner: 'Mara',
      firstHeardBy: 'Mara',
      channel: 'call',
      clientWords: 'You never deliver on time.',
      stage: 'listening',
      nextStep: NEXT_STEP.listening,
      followUpEveryDays: 2,
      nextFollowUpOn: '2026-11-22',
      lastTouchpointOn: null,
      issuesAgreedOn: null,
      agreementChanges: null,
      closedOn: null,
      checkInDueOn: null,
      onTimeShare: null,
      isSample: false,
    })
    expect(t.issues).toEqual([])
    expect(t.handovers).toEqual([])
    expect(await clientStatus(client.id)).toBe('in_turnaround')
    expect(await row('SELECT stage, next_follow_up_on, owner FROM turnarounds WHERE id = ?', [t.id])).toEqual({
      stage: 'listening',
      next_follow_up_on: '2026-11-22',
      owner: 'Mara',
    })
    expect(await get(t.id)).toEqual(t)
  })

  it('can open today, and takes its own follow-up cadence', async () => {
    const client = await newClient()
    const t = await call('turnarounds:open', {
      clientId: client.id,
      openedOn: TODAY,
      firstHeardBy: 'Mara',
      followUpEveryDays: 5,
      responsePromisedOn: TODAY,
    })
    expect(t.followUpEveryDays).toBe(5)
    expect(t.nextFollowUpOn).toBe('2026-11-27')
    expect(t.responsePromisedOn).toBe(TODAY)
  })

  it('takes the follow-up cadence from the planner settings', async () => {
    await saveProfileAndSettings({ warningWindowDays: 2, followUpEveryDays: 7, checkInAfterDays: 30 })
    const { t } = await setup()
    expect(t.followUpEveryDays).toBe(7)
    expect(t.nextFollowUpOn).toBe('2026-11-17')
  })

  it.each([
    ['an empty first-heard-by', { firstHeardBy: '   ' }, 'firstHeardBy'],
    ['an opening date in the future', { openedOn: '2026-11-23' }, 'openedOn'],
    ['a promised response before the opening', { responsePromisedOn: '2026-11-09' }, 'responsePromisedOn'],
    ['a follow-up cadence of 0 days', { followUpEveryDays: 0 }, 'followUpEveryDays'],
  ])('refuses %s with the field named and writes nothing', async (_, extra, field) => {
    const client = await newClient()
    const error = await refused('turnarounds:open', {
      clientId: client.id,
      openedOn: '2026-11-10',
      firstHeardBy: 'Mara',
      ...extra,
    })
    expect(error.code).toBe('VALIDATION')
    expect(error.field).toBe(field)
    expect(error.message).not.toBe('')
    expect(await count('turnarounds')).toBe(0)
    expect(await clientStatus(client.id)).toBe('active')
  })

  it('refuses a second open turnaround for the same client and leaves the first alone', async () => {
    const { client, t } = await setup()
    const error = await refused('turnarounds:open', {
      clientId: client.id,
      openedOn: '2026-11-15',
      firstHeardBy: 'Jonas',
    })
    expect(error.code).toBe('VALIDATION')
    expect(error.field).toBe('clientId')
    expect(error.message).toContain('Northwind Bakery')
    expect(await count('turnarounds')).toBe(1)
    expect((await get(t.id)).owner).toBe('Mara')
  })

  it('allows a new turnaround once the earlier one is closed', async () => {
    const { client, t } = await setup()
    await call('turnarounds:close', { id: t.id, outcome: 'recovered', closedOn: '2026-11-15' })
    expect(await clientStatus(client.id)).toBe('recovered')
    await openFor(client.id, { openedOn: '2026-11-20' })
    expect(await count('turnarounds')).toBe(2)
    expect(await clientStatus(client.id)).toBe('in_turnaround')
  })

  it('refuses an unknown client and writes nothing', async () => {
    const error = await refused('turnarounds:open', { clientId: 999, openedOn: '2026-11-10', firstHeardBy: 'Mara' })
    expect(error.code).toBe('NOT_FOUND')
    expect(error.message).toContain('client')
    expect(await count('turnarounds')).toBe(0)
  })

  it('says plainly when a turnaround does not exist', async () => {
    const error = await refused('turnarounds:get', { id: 999 })
    expect(error).toEqual({ code: 'NOT_FOUND', message: 'That turnaround no longer exists. It may have been removed.' })
  })
})

describe('issues and the agreement on the list', () => {
  it('refuses an empty statement and writes nothing', async () => {
    const { t } = await setup()
    const error = await refused('issues:save', { turnaroundId: t.id, issue: issue({ statement: '  ' }) })
    expect(error.code).toBe('VALIDATION')
    expect(error.field).toBe('issue.statement')
    expect(await count('turnaround_issues')).toBe(0)
  })

  it('refuses an issue raised before the turnaround opened', async () => {
    const { t } = await setup()
    const error = await refused('issues:save', { turnaroundId: t.id, issue: issue({ raisedOn: '2026-11-09' }) })
    expect(error.code).toBe('VALIDATION')
    expectField(error, 'raisedOn', 'issue.')
    expect(error.message).toContain('2026-11-10')
    expect(await count('turnaround_issues')).toBe(0)
    await saveIssue(t.id, { raisedOn: '2026-11-10' })
    expect(await count('turnaround_issues')).toBe(1)
  })

  it('refuses the agreement while there are no issues', async () => {
    const { t } = await setup()
    const error = await refused('turnarounds:record-agreement', { id: t.id, agreedOn: '2026-11-12', via: 'meeting' })
    expect(error.code).toBe('VALIDATION')
    expect(error.message).toMatch(/issue/i)
    expect((await get(t.id)).issuesAgreedOn).toBeNull()
  })

  it('refuses the agreement while a live issue is general, naming it, and then records it once it is specific', async () => {
    const { t } = await setup()
    const d1 = await saveIssue(t.id, { statement: 'They never deliver on time', isGeneral: true })
    const generalId = lastIssueId(d1)
    await saveIssue(t.id, { statement: 'Invoice 2026-114 charged 12 hours instead of 8' })

    const error = await refused('turnarounds:record-agreement', { id: t.id, agreedOn: '2026-11-12', via: 'meeting' })
    expect(error.code).toBe('VALIDATION')
    expect(error.message).toContain('They never deliver on time')
    expect(error.message).not.toContain('Invoice 2026-114')

    // Nothing half-written in the row.
    expect(
      await row('SELECT issues_agreed_on, issues_agreed_via, agreement_snapshot, stage FROM turnarounds WHERE id = ?', [
        t.id,
      ]),
    ).toEqual({
      issues_agreed_on: null,
      issues_agreed_via: null,
      agreement_snapshot: null,
      stage: 'listening',
    })

    await saveIssue(
      t.id,
      { statement: 'The March and April reports arrived 6 and 9 days late', isGeneral: false },
      generalId,
    )
    const d = await call('turnarounds:record-agreement', {
      id: t.id,
      agreedOn: '2026-11-12',
      via: 'call',
      missingNote: 'They added the invoice.',
    })
    expect(d).toMatchObject({
      issuesAgreedOn: '2026-11-12',
      issuesAgreedVia: 'call',
      agreementMissingNote: 'They added the invoice.',
      stage: 'issues_agreed',
    })
    expect(d.nextStep).toBe(NEXT_STEP.issues_agreed)
    expect(d.agreementChanges).toEqual({ added: [], removed: [], reworded: [] })
    expect(d.issues.map((i) => i.addedAfterAgreement)).toEqual([false, false])
    const stored = await row('SELECT agreement_snapshot FROM turnarounds WHERE id = ?', [t.id])
    expect(JSON.parse(stored.agreement_snapshot as string).map((s: { statement: string }) => s.statement)).toEqual([
      'The March and April reports arrived 6 and 9 days late',
      'Invoice 2026-114 charged 12 hours instead of 8',
    ])
  })

  it('a dropped general issue does not block the agreement and is not in the agreed list', async () => {
    const { t } = await setup()
    await saveIssue(t.id, { statement: 'Everything is bad', isGeneral: true, status: 'dropped' })
    await saveIssue(t.id)
    const d = await call('turnarounds:record-agreement', { id: t.id, agreedOn: '2026-11-12', via: 'email' })
    expect(d.stage).toBe('issues_agreed')
    const stored = await row('SELECT agreement_snapshot FROM turnarounds WHERE id = ?', [t.id])
    expect(JSON.parse(stored.agreement_snapshot as string)).toHaveLength(1)
  })

  it('refuses an agreement dated before the opening and writes nothing', async () => {
    const { t } = await setup()
    await saveIssue(t.id)
    const error = await refused('turnarounds:record-agreement', { id: t.id, agreedOn: '2026-11-01', via: 'meeting' })
    expect(error.field).toBe('agreedOn')
    expect(await row('SELECT issues_agreed_on, agreement_snapshot FROM turnarounds WHERE id = ?', [t.id])).toEqual({
      issues_agreed_on: null,
      agreement_snapshot: null,
    })
  })

  it('shows what changed since the agreement: added, removed (dropped or deleted) and reworded', async () => {
    const { t } = await setup()
    const a = lastIssueId(await saveIssue(t.id, { statement: 'Report A was late' }))
    const b = lastIssueId(await saveIssue(t.id, { statement: 'Report B was late' }))
    const c = lastIssueId(await saveIssue(t.id, { statement: 'Invoice C was wrong' }))
    await call('turnarounds:record-agreement', { id: t.id, agreedOn: '2026-11-12', via: 'meeting' })

    const added = await saveIssue(t.id, { statement: 'The delivery van blocked their drive', raisedOn: '2026-11-14' })
    const d = lastIssueId(added)
    expect(added.agreementChanges).toEqual({
      added: ['The delivery van blocked their drive'],
      removed: [],
      reworded: [],
    })
    expect(added.issues.find((i) => i.id === d)?.addedAfterAgreement).toBe(true)
    expect(added.issues.find((i) => i.id === a)?.addedAfterAgreement).toBe(false)

    await saveIssue(t.id, { statement: 'Report A arrived 6 days late' }, a)
    await saveIssue(t.id, { statement: 'Report B was late', status: 'dropped' }, b)
    const after = await call('issues:delete', { id: c })
    expect(after.agreementChanges).toEqual({
      added: ['The delivery van blocked their drive'],
      removed: ['Report B was late', 'Invoice C was wrong'],
      reworded: [{ before: 'Report A was late', after: 'Report A arrived 6 days late' }],
    })
    expect(after.issues.map((i) => i.id).sort()).toEqual([a, b, d].sort())
    expect(await count('turnaround_issues')).toBe(3)
  })

  it('refuses to edit an issue through another turnaround', async () => {
    const { t } = await setup()
    const other = await openFor((await newClient('Harbour Hotel')).id)
    const id = lastIssueId(await saveIssue(t.id, { statement: 'Original' }))
    const error = await refused('issues:save', { turnaroundId: other.id, id, issue: issue({ statement: 'Hijacked' }) })
    expect(error.code).toBe('VALIDATION')
    expect((await get(t.id)).issues[0]?.statement).toBe('Original')
  })
})

describe('stage progression', () => {
  it('walks through every stage from listening to closed and checked in', async () => {
    const { client, t } = await agreed()
    expect(t.stage).toBe('issues_agreed')

    let d = await call('turnarounds:set-client-commitment', {
      id: t.id,
      parts: [{ kind: 'renew', description: 'Renew the print contract for 2027', amountMinor: 480000 }],
    })
    expect(d).toMatchObject({
      stage: 'client_committed',
      clientCommitments: [
        { kind: 'renew', description: 'Renew the print contract for 2027', amountMinor: 480000, dueOn: null },
      ],
    })

    // A call is not a written follow-up, and an email before the agreement does not count either.
    await saveTouchpoint(client.id, t.id, { kind: 'call', occurredOn: '2026-11-13' })
    await saveTouchpoint(client.id, t.id, { kind: 'email', occurredOn: '2026-11-11' })
    expect((await get(t.id)).stage).toBe('client_committed')

    await saveTouchpoint(client.id, t.id, { kind: 'email', occurredOn: '2026-11-12' })
    d = await get(t.id)
    expect(d.stage).toBe('follow_up_sent')
    expect(d.nextStep).toBe(NEXT_STEP.follow_up_sent)

    d = await call('turnarounds:agree-plan', { id: t.id, agreedOn: '2026-11-14' })
    expect(d).toMatchObject({ stage: 'plan_agreed', planAgreedOn: '2026-11-14' })

    d = await saveAction(t.id)
    expect(d.stage).toBe('plan_agreed')
    const actionId = d.actions[0]!.id
    d = await saveAction(t.id, { status: 'in_progress' }, actionId)
    expect(d.stage).toBe('in_progress')
    expect(await row('SELECT stage FROM turnarounds WHERE id = ?', [t.id])).toEqual({ stage: 'in_progress' })
    expect(d.nextFollowUpOn).toBe('2026-11-15')

    d = await call('turnarounds:close', { id: t.id, outcome: 'recovered', closedOn: '2026-11-21', note: 'Renewed.' })
    expect(d).toMatchObject({
      stage: 'closed_recovered',
      nextStep: NEXT_STEP.closed_recovered,
      outcome: 'recovered',
      closedOn: '2026-11-21',
      closingNote: 'Renewed.',
      checkInDueOn: '2027-02-19',
      nextFollowUpOn: null,
      checkedInOn: null,
    })
    expect(await clientStatus(client.id)).toBe('recovered')
    expect(await row('SELECT next_follow_up_on, check_in_due_on FROM turnarounds WHERE id = ?', [t.id])).toEqual({
      next_follow_up_on: null,
      check_in_due_on: '2027-02-19',
    })

    d = await call('turnarounds:check-in', { id: t.id, checkedInOn: TODAY })
    expect(d.checkedInOn).toBe(TODAY)
    expect(d.stage).toBe('closed_recovered')

    const error = await refused('turnarounds:close', { id: t.id, outcome: 'let_go', closedOn: TODAY })
    expect(error.code).toBe('VALIDATION')
    expect(error.message).toMatch(/already closed/)
    expect(await row('SELECT outcome, closed_on FROM turnarounds WHERE id = ?', [t.id])).toEqual({
      outcome: 'recovered',
      closed_on: '2026-11-21',
    })
    expect(await clientStatus(client.id)).toBe('recovered')
  })

  it('a letter also counts as the written follow-up', async () => {
    const { client, t } = await agreed()
    await call('turnarounds:set-client-commitment', {
      id: t.id,
      parts: [{ kind: 'referral', description: 'Refer us to their sister shop' }],
    })
    await saveTouchpoint(client.id, t.id, { kind: 'letter', occurredOn: '2026-11-13' })
    expect((await get(t.id)).stage).toBe('follow_up_sent')
  })

  it('a commitment done also counts as work started', async () => {
    const { client, t } = await agreed()
    await call('turnarounds:set-client-commitment', {
      id: t.id,
      parts: [{ kind: 'pay_invoice', description: 'Pay invoice 2026-114' }],
    })
    await saveTouchpoint(client.id, t.id, { kind: 'email', occurredOn: '2026-11-12' })
    await call('turnarounds:agree-plan', { id: t.id, agreedOn: '2026-11-14' })
    const d = await saveCommitment(t.id, { dueOn: '2026-11-20' })
    expect(d.stage).toBe('plan_agreed')
    expect((await call('commitments:mark-done', { id: d.commitments[0]!.id, doneOn: '2026-11-19' })).stage).toBe(
      'in_progress',
    )
  })

  it('closing as let go marks the client let go, with a check-in after the days asked for', async () => {
    const { client, t } = await setup()
    const d = await call('turnarounds:close', {
      id: t.id,
      outcome: 'let_go',
      closedOn: '2026-11-20',
      checkInAfterDays: 30,
    })
    expect(d).toMatchObject({ stage: 'closed_let_go', checkInDueOn: '2026-12-20', nextFollowUpOn: null })
    expect(await clientStatus(client.id)).toBe('let_go')
    expect((await list({ state: 'open' })).map((s) => s.id)).toEqual([])
  })

  it('takes the check-in delay from the planner settings', async () => {
    await saveProfileAndSettings({ warningWindowDays: 2, followUpEveryDays: 2, checkInAfterDays: 45 })
    const { t } = await setup()
    expect(
      (await call('turnarounds:close', { id: t.id, outcome: 'recovered', closedOn: '2026-11-20' })).checkInDueOn,
    ).toBe('2027-01-04')
  })

  it('refuses closing before the opening and a check-in before closing, writing nothing', async () => {
    const { client, t } = await setup()
    expect((await refused('turnarounds:check-in', { id: t.id, checkedInOn: TODAY })).code).toBe('VALIDATION')
    const error = await refused('turnarounds:close', { id: t.id, outcome: 'recovered', closedOn: '2026-11-09' })
    expect(error.field).toBe('closedOn')
    expect(
      await row('SELECT closed_on, outcome, check_in_due_on, checked_in_on, stage FROM turnarounds WHERE id = ?', [
        t.id,
      ]),
    ).toEqual({
      closed_on: null,
      outcome: null,
      check_in_due_on: null,
      checked_in_on: null,
      stage: 'listening',
    })
    expect(await clientStatus(client.id)).toBe('in_turnaround')
  })

  it('a check-in touchpoint dated before the close does not count as the check-in', async () => {
    const { client, t } = await setup()
    await call('turnarounds:close', { id: t.id, outcome: 'recovered', closedOn: '2026-11-20' })
    await saveTouchpoint(client.id, t.id, { occurredOn: '2026-11-13', isCheckIn: true })
    expect((await get(t.id)).checkedInOn).toBeNull()
  })

  it('a check-in touchpoint after closing records the check-in', async () => {
    const { client, t } = await setup()
    await call('turnarounds:close', { id: t.id, outcome: 'recovered', closedOn: '2026-11-15' })
    await saveTouchpoint(client.id, t.id, { kind: 'call', occurredOn: '2026-11-21', isCheckIn: true })
    const d = await get(t.id)
    expect(d.checkedInOn).toBe('2026-11-21')
    expect(d.nextFollowUpOn).toBeNull()
  })

  it('refuses a check-in dated before the turnaround closed', async () => {
    const { t } = await setup()
    await call('turnarounds:close', { id: t.id, outcome: 'recovered', closedOn: '2026-11-20' })
    const error = await refused('turnarounds:check-in', { id: t.id, checkedInOn: '2026-11-12' })
    expect(error.field).toBe('checkedInOn')
  })

  it('refuses a closing date in the future', async () => {
    const { client, t } = await setup()
    const error = await refused('turnarounds:close', { id: t.id, outcome: 'let_go', closedOn: '2027-01-15' })
    expect(error.field).toBe('closedOn')
    expect(await clientStatus(client.id)).toBe('in_turnaround')
  })
})

describe('actions', () => {
  it('refuses negative effort with the field named and writes nothing', async () => {
    const { t } = await setup()
    const error = await refused('actions:save', { turnaroundId: t.id, action: act({ effortMinutes: -30 }) })
    expect(error).toEqual({ code: 'VALIDATION', message: 'Effort cannot be negative.', field: 'action.effortMinutes' })
    expect(await count('turnaround_actions')).toBe(0)
  })

  it('refuses an issue of another turnaround and writes nothing', async () => {
    const { t } = await setup()
    const other = await openFor((await newClient('Harbour Hotel')).id)
    const foreignIssue = lastIssueId(await saveIssue(other.id))
    const error = await refused('actions:save', { turnaroundId: t.id, action: act({ issueId: foreignIssue }) })
    expect(error.code).toBe('VALIDATION')
    expectField(error, 'issueId', 'action.')
    expect(await count('turnaround_actions')).toBe(0)

    const ownIssue = lastIssueId(await saveIssue(t.id))
    const d = await saveAction(t.id, { issueId: ownIssue })
    expect(d.actions[0]?.issueId).toBe(ownIssue)
  })

  it('refuses a due date before the opening', async () => {
    const { t } = await setup()
    const error = await refused('actions:save', { turnaroundId: t.id, action: act({ dueOn: '2026-11-01' }) })
    expectField(error, 'dueOn', 'action.')
    expect(await count('turnaround_actions')).toBe(0)
  })

  it('ranks the plan by impact over effort with quick wins at the top', async () => {
    const { t } = await setup()
    await saveAction(t.id, { title: 'Rebuild the report pipeline', impact: 5, effortMinutes: 2400 })
    await saveAction(t.id, { title: 'Call about the invoice', impact: 4, effortMinutes: 30 })
    await saveAction(t.id, { title: 'Send a thank-you note', impact: 2, effortMinutes: 0 })
    await saveAction(t.id, { title: 'Refund the extra hours', impact: 3, effortMinutes: 60 })
    await saveAction(t.id, { title: 'Fix the footer', impact: 3, effortMinutes: 120 })
    await saveAction(t.id, { title: 'Apologise in person', impact: 5, effortMinutes: 120, status: 'done' })
    const d = await get(t.id)
    expect(d.actions.map((a) => a.title)).toEqual([
      'Call about the invoice', // quick win, score 8
      'Refund the extra hours', // quick win, score 3
      'Fix the footer', // quick win, score 1.5
      'Send a thank-you note', // impact 2: not a quick win though it scores 8
      'Rebuild the report pipeline', // 40 hours: not a quick win
      'Apologise in person', // done: last
    ])
    expect(d.actions.map((a) => a.quickWin)).toEqual([true, true, true, false, false, false])
    expect(d.actions.map((a) => a.score)).toEqual([8, 3, 1.5, 8, 0.125, 2.5])
    expect(d.actions.every((a) => a.manualRank === null)).toBe(true)
  })

  it('takes the most effort a quick win may take from the planner settings, two hours until changed', async () => {
    await call('profile:save', {
      businessName: 'Harbour Print',
      ownerName: 'Mara Lind',
      currency: 'EUR',
      hourlyWorthMinor: 9000,
    })
    expect((await call<{ quickWinMaxEffortMinutes: number }>('profile:get')).quickWinMaxEffortMinutes).toBe(120)
    const { t } = await setup()
    await saveAction(t.id, { title: 'Rewrite the style guide', impact: 5, effortMinutes: 360 })
    await saveAction(t.id, { title: 'Fix the footer', impact: 3, effortMinutes: 120 })
    await saveAction(t.id, { title: 'Send a note', impact: 2, effortMinutes: 15 })
    const titles = async () => (await get(t.id)).actions.map((a) => a.title)
    const quickWins = async () => (await get(t.id)).actions.filter((a) => a.quickWin).map((a) => a.title)
    expect(await quickWins()).toEqual(['Fix the footer'])
    expect(await titles()).toEqual(['Fix the footer', 'Send a note', 'Rewrite the style guide'])

    await saveProfileAndSettings({
      warningWindowDays: 2,
      followUpEveryDays: 2,
      checkInAfterDays: 90,
      quickWinMaxEffortMinutes: 6 * 60,
    })
    expect(await row('SELECT quick_win_max_effort_minutes AS m FROM business_profile')).toEqual({ m: 360 })
    expect(await quickWins()).toEqual(['Fix the footer', 'Rewrite the style guide'])
    expect(await titles()).toEqual(['Fix the footer', 'Rewrite the style guide', 'Send a note'])
    // Moving an action starts from the order the owner saw, with these quick wins first.
    const note = (await get(t.id)).actions.find((a) => a.title === 'Send a note')!
    const d = await call('actions:move', { id: note.id, direction: 'up' })
    expect(d.actions.map((a) => a.title)).toEqual(['Fix the footer', 'Send a note', 'Rewrite the style guide'])

    const error = await refused('planner-settings:save', {
      warningWindowDays: 2,
      followUpEveryDays: 2,
      checkInAfterDays: 90,
      quickWinMaxEffortMinutes: 5,
    })
    expect(error.field).toBe('quickWinMaxEffortMinutes')
    expect(await row('SELECT quick_win_max_effort_minutes AS m FROM business_profile')).toEqual({ m: 360 })
  })

  it('moves an action up and down, keeps that order, and resets it', async () => {
    const { t } = await setup()
    await saveAction(t.id, { title: 'A', impact: 5, effortMinutes: 60 })
    await saveAction(t.id, { title: 'B', impact: 4, effortMinutes: 60 })
    await saveAction(t.id, { title: 'C', impact: 3, effortMinutes: 60 })
    const start = await get(t.id)
    expect(start.actions.map((a) => a.title)).toEqual(['A', 'B', 'C'])
    const id = Object.fromEntries(start.actions.map((a) => [a.title, a.id]))

    let d = await call('actions:move', { id: id.C, direction: 'up' })
    expect(d.actions.map((a) => a.title)).toEqual(['A', 'C', 'B'])
    expect(d.actions.map((a) => a.manualRank)).toEqual([1, 2, 3])
    // Quick-win flags do not move with the order.
    expect(d.actions.map((a) => a.quickWin)).toEqual([true, true, true])
    expect(
      await app.db.dataSource.query('SELECT title, manual_rank FROM turnaround_actions ORDER BY manual_rank'),
    ).toEqual([
      { title: 'A', manual_rank: 1 },
      { title: 'C', manual_rank: 2 },
      { title: 'B', manual_rank: 3 },
    ])
    expect((await get(t.id)).actions.map((a) => a.title)).toEqual(['A', 'C', 'B'])

    d = await call('actions:move', { id: id.A, direction: 'down' })
    expect(d.actions.map((a) => a.title)).toEqual(['C', 'A', 'B'])

    // The first one up and the last one down change nothing.
    d = await call('actions:move', { id: id.C, direction: 'up' })
    expect(d.actions.map((a) => [a.title, a.manualRank])).toEqual([
      ['C', 1],
      ['A', 2],
      ['B', 3],
    ])
    d = await call('actions:move', { id: id.B, direction: 'down' })
    expect(d.actions.map((a) => a.title)).toEqual(['C', 'A', 'B'])

    // A new action comes after the ones placed by hand, even when it scores best.
    d = await saveAction(t.id, { title: 'D', impact: 5, effortMinutes: 15 })
    expect(d.actions.map((a) => a.title)).toEqual(['C', 'A', 'B', 'D'])

    d = await call('actions:reset-order', { turnaroundId: t.id })
    expect(d.actions.map((a) => a.title)).toEqual(['D', 'A', 'B', 'C'])
    expect(d.actions.every((a) => a.manualRank === null)).toBe(true)
    expect(await count('turnaround_actions', 'manual_rank IS NOT NULL')).toBe(0)
  })

  it('moving an unknown action is refused', async () => {
    expect((await refused('actions:move', { id: 999, direction: 'up' })).code).toBe('NOT_FOUND')
  })

  it('deleting an issue keeps its actions, unlinked', async () => {
    const { t } = await setup()
    const issueId = lastIssueId(await saveIssue(t.id))
    await saveAction(t.id, { issueId })
    const d = await call('issues:delete', { id: issueId })
    expect(d.actions).toHaveLength(1)
    expect(d.actions[0]?.issueId).toBeNull()
  })
})

describe('commitments', () => {
  async function withCommitments() {
    const { client, t } = await setup({ openedOn: '2026-11-01' })
    await saveCommitment(t.id, { description: 'due yesterday', dueOn: '2026-11-21' })
    await saveCommitment(t.id, { description: 'due today', dueOn: '2026-11-22' })
    await saveCommitment(t.id, { description: 'due in two days', dueOn: '2026-11-24' })
    const d = await saveCommitment(t.id, { description: 'due in three days', dueOn: '2026-11-25' })
    const id = Object.fromEntries(d.commitments.map((c) => [c.description, c.id]))
    return { client, t: d, id }
  }

  it('shows each commitment at risk or overdue on the fixed clock', async () => {
    const { t } = await withCommitments()
    expect(t.commitments.map((c) => [c.description, c.status, c.state])).toEqual([
      ['due yesterday', 'open', 'overdue'],
      ['due today', 'open', 'at_risk'],
      ['due in two days', 'open', 'at_risk'],
      ['due in three days', 'open', 'open'],
    ])
    expect(
      t.commitments.every((c) => c.originalDueOn === c.dueOn && c.doneOn === null && c.renegotiationReason === ''),
    ).toBe(true)
  })

  it('follows the warning window of the planner settings', async () => {
    const { t } = await withCommitments()
    await saveProfileAndSettings({ warningWindowDays: 0, followUpEveryDays: 2, checkInAfterDays: 90 })
    expect((await get(t.id)).commitments.map((c) => c.state)).toEqual(['overdue', 'at_risk', 'open', 'open'])
    expect((await list())[0]).toMatchObject({ commitmentsAtRisk: 1, commitmentsOverdue: 1 })
    await saveProfileAndSettings({ warningWindowDays: 3, followUpEveryDays: 2, checkInAfterDays: 90 })
    expect((await get(t.id)).commitments.map((c) => c.state)).toEqual(['overdue', 'at_risk', 'at_risk', 'at_risk'])
    expect((await list())[0]).toMatchObject({ commitmentsAtRisk: 3, commitmentsOverdue: 1 })
  })

  it('refuses a due date before the opening', async () => {
    const { t } = await setup()
    const error = await refused('commitments:save', {
      turnaroundId: t.id,
      commitment: { party: 'us', description: 'x', dueOn: '2026-11-09' },
    })
    expectField(error, 'dueOn', 'commitment.')
    expect(await count('commitments')).toBe(0)
  })

  it('marks done, refusing a future done date without writing', async () => {
    const { id } = await withCommitments()
    const error = await refused('commitments:mark-done', { id: id['due today'], doneOn: '2026-11-23' })
    expect(error.code).toBe('VALIDATION')
    expect(error.field).toBe('doneOn')
    expect(await row('SELECT status, done_on FROM commitments WHERE id = ?', [id['due today']])).toEqual({
      status: 'open',
      done_on: null,
    })

    const d = await call('commitments:mark-done', { id: id['due today'], doneOn: TODAY })
    expect(d.commitments.find((c) => c.id === id['due today'])).toMatchObject({
      status: 'done',
      doneOn: TODAY,
      state: 'done',
    })
  })

  it('refuses a done date before the turnaround opened', async () => {
    const { id } = await withCommitments()
    const error = await refused('commitments:mark-done', { id: id['due today'], doneOn: '2020-01-01' })
    expect(error.field).toBe('doneOn')
    expect(await row('SELECT status, done_on FROM commitments WHERE id = ?', [id['due today']])).toEqual({
      status: 'open',
      done_on: null,
    })
  })

  it('marks missed, but not once done', async () => {
    const { id } = await withCommitments()
    const d = await call('commitments:mark-missed', { id: id['due yesterday'] })
    expect(d.commitments.find((c) => c.id === id['due yesterday'])).toMatchObject({
      status: 'missed',
      state: 'missed',
      doneOn: null,
    })

    await call('commitments:mark-done', { id: id['due today'], doneOn: TODAY })
    expect((await refused('commitments:mark-missed', { id: id['due today'] })).code).toBe('VALIDATION')
    expect(await row('SELECT status FROM commitments WHERE id = ?', [id['due today']])).toEqual({ status: 'done' })
  })

  it('renegotiates: keeps the original date and the reason; refuses a past or the same date', async () => {
    const { id } = await withCommitments()
    const d = await call('commitments:renegotiate', {
      id: id['due yesterday'],
      newDueOn: '2026-11-30',
      reason: 'The printer broke down',
    })
    expect(d.commitments.find((c) => c.id === id['due yesterday'])).toMatchObject({
      status: 'renegotiated',
      dueOn: '2026-11-30',
      originalDueOn: '2026-11-21',
      renegotiationReason: 'The printer broke down',
      state: 'open',
    })

    const past = await refused('commitments:renegotiate', {
      id: id['due today'],
      newDueOn: '2026-11-21',
      reason: 'Late',
    })
    expect(past.field).toBe('newDueOn')
    const same = await refused('commitments:renegotiate', {
      id: id['due today'],
      newDueOn: '2026-11-22',
      reason: 'Same',
    })
    expect(same.field).toBe('newDueOn')
    const noReason = await refused('commitments:renegotiate', {
      id: id['due today'],
      newDueOn: '2026-11-29',
      reason: ' ',
    })
    expect(noReason.field).toBe('reason')
    expect(
      await row('SELECT status, due_on, renegotiation_reason FROM commitments WHERE id = ?', [id['due today']]),
    ).toEqual({
      status: 'open',
      due_on: '2026-11-22',
      renegotiation_reason: '',
    })

    // Renegotiating to today is allowed (today is not in the past).
    const today = await call('commitments:renegotiate', {
      id: id['due in three days'],
      newDueOn: TODAY,
      reason: 'They need it sooner',
    })
    expect(today.commitments.find((c) => c.id === id['due in three days'])).toMatchObject({
      dueOn: TODAY,
      originalDueOn: '2026-11-25',
      state: 'at_risk',
    })
  })

  it('a done commitment cannot be renegotiated', async () => {
    const { id } = await withCommitments()
    await call('commitments:mark-done', { id: id['due today'], doneOn: TODAY })
    expect(
      (await refused('commitments:renegotiate', { id: id['due today'], newDueOn: '2026-11-30', reason: 'x' })).code,
    ).toBe('VALIDATION')
  })

  it('edits the date of an open commitment directly only until it was renegotiated', async () => {
    const { t, id } = await withCommitments()
    const c = id['due in three days']!
    let d = await saveCommitment(t.id, { description: 'due in three days', dueOn: '2026-11-27' }, c)
    expect(d.commitments.find((x) => x.id === c)).toMatchObject({
      dueOn: '2026-11-27',
      originalDueOn: '2026-11-27',
      status: 'open',
    })

    await call('commitments:renegotiate', { id: c, newDueOn: '2026-12-04', reason: 'Waiting for paper' })
    const error = await refused('commitments:save', {
      turnaroundId: t.id,
      id: c,
      commitment: { party: 'us', description: 'due in three days', dueOn: '2026-12-10' },
    })
    expect(error.code).toBe('VALIDATION')
    expectField(error, 'dueOn', 'commitment.')
    expect(error.message).toMatch(/Renegotiate/)
    expect(await row('SELECT due_on, original_due_on FROM commitments WHERE id = ?', [c])).toEqual({
      due_on: '2026-12-04',
      original_due_on: '2026-11-27',
    })

    // The wording can still change while the date stays.
    d = await saveCommitment(t.id, { description: 'Deliver the reprint', dueOn: '2026-12-04' }, c)
    expect(d.commitments.find((x) => x.id === c)).toMatchObject({
      description: 'Deliver the reprint',
      dueOn: '2026-12-04',
      originalDueOn: '2026-11-27',
      status: 'renegotiated',
    })
  })

  it('refuses to edit a commitment through another turnaround', async () => {
    const { id } = await withCommitments()
    const other = await openFor((await newClient('Harbour Hotel')).id)
    expect(
      (
        await refused('commitments:save', {
          turnaroundId: other.id,
          id: id['due today'],
          commitment: { party: 'client', description: 'x', dueOn: '2026-11-22' },
        })
      ).code,
    ).toBe('VALIDATION')
    expect(await row('SELECT party, description FROM commitments WHERE id = ?', [id['due today']])).toEqual({
      party: 'us',
      description: 'due today',
    })
  })

  it('on-time share: ours done on time over ours done, missed and overdue', async () => {
    const { t } = await setup({ openedOn: '2026-11-01' })
    expect(t.onTimeShare).toBeNull()
    await saveCommitment(t.id, { description: 'future, open', dueOn: '2026-11-30' })
    let d = await saveCommitment(t.id, { description: 'due today, open', dueOn: TODAY })
    expect(d.onTimeShare).toBeNull()

    await saveCommitment(t.id, { description: 'done on time', dueOn: '2026-11-10' })
    await saveCommitment(t.id, { description: 'done late', dueOn: '2026-11-12' })
    await saveCommitment(t.id, { description: 'missed', dueOn: '2026-11-14' })
    await saveCommitment(t.id, { description: 'overdue', dueOn: '2026-11-16' })
    await saveCommitment(t.id, { party: 'client', description: 'client done on time', dueOn: '2026-11-10' })
    d = await saveCommitment(t.id, { party: 'client', description: 'client missed', dueOn: '2026-11-11' })
    const id = Object.fromEntries(d.commitments.map((c) => [c.description, c.id]))
    await call('commitments:mark-done', { id: id['done on time'], doneOn: '2026-11-10' })
    await call('commitments:mark-done', { id: id['done late'], doneOn: '2026-11-13' })
    await call('commitments:mark-missed', { id: id.missed })
    await call('commitments:mark-done', { id: id['client done on time'], doneOn: '2026-11-09' })
    await call('commitments:mark-missed', { id: id['client missed'] })
    d = await get(t.id)
    expect(d.onTimeShare).toBe(1 / 4)

    // Delivering the overdue one late keeps it off the on-time side; the one due today, done today, is on time.
    await call('commitments:mark-done', { id: id.overdue, doneOn: TODAY })
    await call('commitments:mark-done', { id: id['due today, open'], doneOn: TODAY })
    expect((await get(t.id)).onTimeShare).toBe(2 / 5)
  })

  it('deletes a commitment', async () => {
    const { id } = await withCommitments()
    const d = await call('commitments:delete', { id: id['due today'] })
    expect(d.commitments.map((c) => c.description)).not.toContain('due today')
    expect(await count('commitments')).toBe(3)
    expect((await refused('commitments:delete', { id: id['due today'] })).code).toBe('NOT_FOUND')
  })
})

describe('touchpoints', () => {
  it('stores the minutes and who was in touch', async () => {
    const { client, t } = await setup()
    const tp = await saveTouchpoint(client.id, t.id, {
      kind: 'meeting',
      occurredOn: '2026-11-12',
      who: 'Jonas',
      minutes: 45,
      summary: 'Went through the list',
    })
    expect(tp).toMatchObject({
      clientId: client.id,
      turnaroundId: t.id,
      kind: 'meeting',
      occurredOn: '2026-11-12',
      who: 'Jonas',
      minutes: 45,
      summary: 'Went through the list',
      isCheckIn: false,
    })
    expect(await row('SELECT who, minutes, kind FROM touchpoints WHERE id = ?', [tp.id])).toEqual({
      who: 'Jonas',
      minutes: 45,
      kind: 'meeting',
    })
    expect((await get(t.id)).touchpoints).toEqual([tp])
  })

  it('writes the turnaround again only when what is derived from it changed', async () => {
    const { client, t } = await setup()
    // Every update of a turnaround through TypeORM, on either engine, is told to its subscribers.
    const updates: unknown[] = []
    const watcher = { listenTo: () => TurnaroundEntity, afterUpdate: (e: unknown) => void updates.push(e) }
    app.db.dataSource.subscribers.push(watcher)
    try {
      await saveTouchpoint(client.id, t.id, { occurredOn: '2026-11-12' })
      const first = await get(t.id)
      expect(first.lastTouchpointOn).toBe('2026-11-12')
      expect(updates).toHaveLength(1)
      // A second call the same day: the last touchpoint, the next follow-up and the stage stay.
      await saveTouchpoint(client.id, t.id, { occurredOn: '2026-11-12' })
      expect(updates).toHaveLength(1)
      expect(await get(t.id)).toMatchObject({
        lastTouchpointOn: first.lastTouchpointOn,
        nextFollowUpOn: first.nextFollowUpOn,
        stage: first.stage,
      })
      await saveTouchpoint(client.id, t.id, { occurredOn: '2026-11-14' })
      expect(updates).toHaveLength(2)
      expect((await get(t.id)).lastTouchpointOn).toBe('2026-11-14')
    } finally {
      app.db.dataSource.subscribers.splice(app.db.dataSource.subscribers.indexOf(watcher), 1)
    }
  })

  it.each([
    ['negative minutes', { minutes: -5 }, 'touchpoint.minutes'],
    ['no one named', { who: ' ' }, 'touchpoint.who'],
  ])('refuses %s and writes nothing', async (_, extra, field) => {
    const { client, t } = await setup()
    const error = await refused('touchpoints:save', {
      clientId: client.id,
      turnaroundId: t.id,
      touchpoint: { kind: 'call', occurredOn: '2026-11-12', who: 'Mara', minutes: 20, ...extra },
    })
    expect(error.code).toBe('VALIDATION')
    expect(error.field).toBe(field)
    expect(await count('touchpoints')).toBe(0)
  })

  it('refuses a touchpoint before the opening or in the future, and leaves the follow-up date alone', async () => {
    const { client, t } = await setup()
    const before = await refused('touchpoints:save', {
      clientId: client.id,
      turnaroundId: t.id,
      touchpoint: { kind: 'call', occurredOn: '2026-11-09', who: 'Mara', minutes: 5 },
    })
    expectField(before, 'occurredOn', 'touchpoint.')
    const future = await refused('touchpoints:save', {
      clientId: client.id,
      turnaroundId: t.id,
      touchpoint: { kind: 'call', occurredOn: '2026-11-23', who: 'Mara', minutes: 5 },
    })
    expectField(future, 'occurredOn', 'touchpoint.')
    expect(await count('touchpoints')).toBe(0)
    expect((await get(t.id)).nextFollowUpOn).toBe('2026-11-12')
  })

  it('moves the next follow-up to the last touchpoint plus the cadence, and back when touchpoints go', async () => {
    const { client, t } = await setup()
    expect(t.nextFollowUpOn).toBe('2026-11-12')
    const late = await saveTouchpoint(client.id, t.id, { occurredOn: '2026-11-18' })
    let d = await get(t.id)
    expect(d).toMatchObject({ lastTouchpointOn: '2026-11-18', nextFollowUpOn: '2026-11-20' })

    // An earlier touchpoint logged afterwards does not pull the date back.
    const early = await saveTouchpoint(client.id, t.id, { occurredOn: '2026-11-15' })
    d = await get(t.id)
    expect(d).toMatchObject({ lastTouchpointOn: '2026-11-18', nextFollowUpOn: '2026-11-20' })
    expect(d.touchpoints.map((x) => x.id)).toEqual([late.id, early.id])

    expect(await call<{ deleted: number }>('touchpoints:delete', { id: late.id })).toEqual({ deleted: 1 })
    d = await get(t.id)
    expect(d).toMatchObject({ lastTouchpointOn: '2026-11-15', nextFollowUpOn: '2026-11-17' })
    expect(await row('SELECT last_touchpoint_on, next_follow_up_on FROM turnarounds WHERE id = ?', [t.id])).toEqual({
      last_touchpoint_on: '2026-11-15',
      next_follow_up_on: '2026-11-17',
    })

    await call('touchpoints:delete', { id: early.id })
    d = await get(t.id)
    expect(d).toMatchObject({ lastTouchpointOn: null, nextFollowUpOn: '2026-11-12' })
  })

  it('follows a change of cadence on the turnaround', async () => {
    const { client, t } = await setup()
    await saveTouchpoint(client.id, t.id, { occurredOn: '2026-11-18' })
    const d = await call('turnarounds:update', { id: t.id, details: { firstHeardBy: 'Mara', followUpEveryDays: 4 } })
    expect(d).toMatchObject({ followUpEveryDays: 4, nextFollowUpOn: '2026-11-22' })
  })

  it('moving a touchpoint off the turnaround moves the follow-up date back', async () => {
    const { client, t } = await setup()
    const tp = await saveTouchpoint(client.id, t.id, { occurredOn: '2026-11-18' })
    expect((await get(t.id)).nextFollowUpOn).toBe('2026-11-20')
    await saveTouchpoint(client.id, null, { occurredOn: '2026-11-18' }, tp.id)
    expect((await get(t.id)).nextFollowUpOn).toBe('2026-11-12')
  })

  it('refuses a touchpoint for a turnaround of another client', async () => {
    const { t } = await setup()
    const other = await newClient('Harbour Hotel')
    const error = await refused('touchpoints:save', {
      clientId: other.id,
      turnaroundId: t.id,
      touchpoint: { kind: 'call', occurredOn: '2026-11-12', who: 'Mara', minutes: 5 },
    })
    expect(error.code).toBe('VALIDATION')
    expect(error.field).toBe('turnaroundId')
    expect(await count('touchpoints')).toBe(0)
    expect((await get(t.id)).nextFollowUpOn).toBe('2026-11-12')
  })

  it('refuses a touchpoint for an unknown client or turnaround', async () => {
    const { client } = await setup()
    expect(
      (
        await refused('touchpoints:save', {
          clientId: 999,
          touchpoint: { kind: 'call', occurredOn: '2026-11-12', who: 'Mara', minutes: 5 },
        })
      ).code,
    ).toBe('NOT_FOUND')
    expect(
      (
        await refused('touchpoints:save', {
          clientId: client.id,
          turnaroundId: 999,
          touchpoint: { kind: 'call', occurredOn: '2026-11-12', who: 'Mara', minutes: 5 },
        })
      ).code,
    ).toBe('NOT_FOUND')
    expect(await count('touchpoints')).toBe(0)
  })

  it('lists a client’s touchpoints, newest first, with and without a turnaround', async () => {
    const { client, t } = await setup()
    const other = await newClient('Harbour Hotel')
    const a = await saveTouchpoint(client.id, t.id, { occurredOn: '2026-11-12' })
    const b = await saveTouchpoint(client.id, null, { kind: 'visit', occurredOn: '2026-11-20', minutes: 90 })
    const c = await saveTouchpoint(client.id, t.id, { occurredOn: '2026-11-12', kind: 'email' })
    await saveTouchpoint(other.id, null, { occurredOn: '2026-11-21' })
    const listed = await call<TouchpointView[]>('touchpoints:list', { clientId: client.id })
    expect(listed.map((x) => x.id)).toEqual([b.id, c.id, a.id])
    expect(listed.every((x) => x.clientId === client.id)).toBe(true)
    expect(listed[0]).toMatchObject({ turnaroundId: null, kind: 'visit', minutes: 90 })
    expect(await call<TouchpointView[]>('touchpoints:list', { clientId: other.id })).toHaveLength(1)
    // A touchpoint without the turnaround does not count for its follow-up.
    expect((await get(t.id)).lastTouchpointOn).toBe('2026-11-12')
  })
})

describe('hand-over', () => {
  it('changes the owner and keeps the history with the reason', async () => {
    const { t } = await setup()
    let d = await call('turnarounds:hand-over', {
      id: t.id,
      toOwner: 'Jonas',
      reason: 'Mara is on leave',
      handedOn: '2026-11-15',
    })
    expect(d.owner).toBe('Jonas')
    expect(d.firstHeardBy).toBe('Mara')
    d = await call('turnarounds:hand-over', {
      id: t.id,
      toOwner: 'Mara',
      reason: 'Back from leave',
      handedOn: '2026-11-21',
    })
    expect(d.owner).toBe('Mara')
    expect(d.handovers.map(({ id: _, ...h }) => h)).toEqual([
      { handedOn: '2026-11-15', fromOwner: 'Mara', toOwner: 'Jonas', reason: 'Mara is on leave' },
      { handedOn: '2026-11-21', fromOwner: 'Jonas', toOwner: 'Mara', reason: 'Back from leave' },
    ])
    expect(await count('turnaround_handovers')).toBe(2)
    expect((await list())[0]?.owner).toBe('Mara')
  })

  it('refuses handing over to the current owner, writing nothing', async () => {
    const { t } = await setup()
    const error = await refused('turnarounds:hand-over', {
      id: t.id,
      toOwner: 'Mara',
      reason: 'Just because',
      handedOn: '2026-11-15',
    })
    expect(error.code).toBe('VALIDATION')
    expect(error.field).toBe('toOwner')
    expect(await count('turnaround_handovers')).toBe(0)
    expect((await get(t.id)).owner).toBe('Mara')
  })

  it('refuses a hand-over before the opening or without a reason', async () => {
    const { t } = await setup()
    expect(
      (await refused('turnarounds:hand-over', { id: t.id, toOwner: 'Jonas', reason: 'x', handedOn: '2026-11-01' }))
        .field,
    ).toBe('handedOn')
    expect(
      (await refused('turnarounds:hand-over', { id: t.id, toOwner: 'Jonas', reason: '  ', handedOn: '2026-11-15' }))
        .field,
    ).toBe('reason')
    expect(await count('turnaround_handovers')).toBe(0)
    expect((await get(t.id)).owner).toBe('Mara')
  })
})

describe('deleting a turnaround', () => {
  it('removes it with its issues, actions, commitments, touchpoints and hand-overs, and nothing of another', async () => {
    async function fill(clientId: number, t: TurnaroundDetail) {
      const issueId = lastIssueId(await saveIssue(t.id))
      await saveIssue(t.id, { statement: 'Second issue' })
      await saveAction(t.id, { issueId })
      await saveAction(t.id, { title: 'Another step' })
      await saveCommitment(t.id)
      await saveTouchpoint(clientId, t.id)
      await call('turnarounds:hand-over', { id: t.id, toOwner: 'Jonas', reason: 'Leave', handedOn: '2026-11-15' })
    }
    const { client, t } = await setup()
    await fill(client.id, t)
    const loose = await saveTouchpoint(client.id, null, { occurredOn: '2026-11-20' })
    const otherClient = await newClient('Harbour Hotel')
    const other = await openFor(otherClient.id)
    await fill(otherClient.id, other)
    expect(await counts()).toEqual({
      turnarounds: 2,
      turnaround_issues: 4,
      turnaround_actions: 4,
      commitments: 2,
      touchpoints: 3,
      turnaround_handovers: 2,
    })

    expect(await call<{ deleted: number }>('turnarounds:delete', { id: t.id })).toEqual({ deleted: 1 })
    expect(await counts()).toEqual({
      turnarounds: 1,
      turnaround_issues: 2,
      turnaround_actions: 2,
      commitments: 1,
      touchpoints: 2,
      turnaround_handovers: 1,
    })
    for (const table of TABLES.slice(1)) expect(await count(table, 'turnaround_id = ?', [t.id])).toBe(0)
    expect((await refused('turnarounds:get', { id: t.id })).code).toBe('NOT_FOUND')
    // The client and its touchpoints outside the turnaround stay.
    expect((await call<TouchpointView[]>('touchpoints:list', { clientId: client.id })).map((x) => x.id)).toEqual([
      loose.id,
    ])
    expect((await get(other.id)).issues).toHaveLength(2)
  })

  it('says plainly when there is nothing to delete', async () => {
    expect((await refused('turnarounds:delete', { id: 999 })).code).toBe('NOT_FOUND')
  })
})

describe('the turnaround list', () => {
  async function world() {
    const a = await newClient('Alder Books')
    const b = await newClient('Birch Cafe')
    const c = await newClient('Cedar Dental')
    const ta = await openFor(a.id, { openedOn: '2026-11-01' })
    await saveIssue(ta.id, { statement: 'open 1' })
    await saveIssue(ta.id, { statement: 'open 2' })
    await saveIssue(ta.id, { statement: 'in progress', status: 'in_progress' })
    await saveIssue(ta.id, { statement: 'resolved', status: 'resolved' })
    await saveIssue(ta.id, { statement: 'dropped', status: 'dropped' })
    await saveCommitment(ta.id, { description: 'overdue', dueOn: '2026-11-20' })
    await saveCommitment(ta.id, { description: 'at risk today', dueOn: TODAY })
    await saveCommitment(ta.id, { party: 'client', description: 'client at risk', dueOn: '2026-11-24' })
    await saveCommitment(ta.id, { description: 'later', dueOn: '2026-11-25' })
    await saveCommitment(ta.id, { description: 'done late', dueOn: '2026-11-05' })
    await saveCommitment(ta.id, { description: 'missed', dueOn: '2026-11-06' })
    const d = await saveCommitment(ta.id, { description: 'renegotiated', dueOn: '2026-11-07' })
    const id = Object.fromEntries(d.commitments.map((x) => [x.description, x.id]))
    await call('commitments:mark-done', { id: id['done late'], doneOn: '2026-11-08' })
    await call('commitments:mark-missed', { id: id.missed })
    await call('commitments:renegotiate', { id: id.renegotiated, newDueOn: '2026-11-23', reason: 'Paper shortage' })

    const tb = await openFor(b.id, { openedOn: '2026-11-05' })
    await call('turnarounds:close', { id: tb.id, outcome: 'let_go', closedOn: '2026-11-18' })
    const tc = await openFor(c.id, { openedOn: '2026-11-15' })
    return { a, b, c, ta, tb, tc }
  }

  it('lists open, closed or all, with open issues and commitments at risk and overdue', async () => {
    const { a, b, c, ta, tb, tc } = await world()
    const open = await list({ state: 'open' })
    expect(open.map((s) => s.id)).toEqual([ta.id, tc.id]) // by next follow-up: 2026-11-03, then 2026-11-17
    expect(open[0]).toEqual({
      id: ta.id,
      clientId: a.id,
      clientName: 'Alder Books',
      openedOn: '2026-11-01',
      owner: 'Mara',
      stage: 'listening',
      nextFollowUpOn: '2026-11-03',
      closedOn: null,
      outcome: null,
      checkInDueOn: null,
      openIssues: 3,
      commitmentsAtRisk: 3,
      commitmentsOverdue: 1,
    })
    expect(open[1]).toMatchObject({
      clientId: c.id,
      openIssues: 0,
      commitmentsAtRisk: 0,
      commitmentsOverdue: 0,
      nextFollowUpOn: '2026-11-17',
    })
    expect(await list()).toEqual(open)

    const closed = await list({ state: 'closed' })
    expect(closed).toHaveLength(1)
    expect(closed[0]).toMatchObject({
      id: tb.id,
      clientId: b.id,
      clientName: 'Birch Cafe',
      closedOn: '2026-11-18',
      outcome: 'let_go',
      stage: 'closed_let_go',
      nextFollowUpOn: null,
      checkInDueOn: '2027-02-16',
    })

    const all = await list({ state: 'all' })
    expect(all.map((s) => s.id)).toEqual([ta.id, tc.id, tb.id])
  })

  it('agrees with the detail page on the states of the commitments', async () => {
    const { ta } = await world()
    const states = (await get(ta.id)).commitments.map((x) => x.state)
    const summary = (await list()).find((s) => s.id === ta.id)!
    expect(states.filter((s) => s === 'at_risk')).toHaveLength(summary.commitmentsAtRisk)
    expect(states.filter((s) => s === 'overdue')).toHaveLength(summary.commitmentsOverdue)
  })

  it('filters by client', async () => {
    const { a, b, ta, tb } = await world()
    expect((await list({ state: 'all', clientId: a.id })).map((s) => s.id)).toEqual([ta.id])
    expect((await list({ state: 'all', clientId: b.id })).map((s) => s.id)).toEqual([tb.id])
    expect(await list({ state: 'open', clientId: b.id })).toEqual([])
    expect((await list({ state: 'closed', clientId: b.id })).map((s) => s.id)).toEqual([tb.id])
    expect(await list({ state: 'closed', clientId: a.id })).toEqual([])
    expect(await list({ state: 'all', clientId: 999 })).toEqual([])
  })

  it('refuses an unknown state', async () => {
    expect((await refused('turnarounds:list', { state: 'pending' })).field).toBe('state')
  })
})

describe('nothing half-written', () => {
  it('a refused agreement leaves the row as it was', async () => {
    const { t } = await setup()
    await saveIssue(t.id, { statement: 'They are always rude', isGeneral: true })
    const before = await row('SELECT * FROM turnarounds WHERE id = ?', [t.id])
    await refused('turnarounds:record-agreement', {
      id: t.id,
      agreedOn: '2026-11-12',
      via: 'meeting',
      missingNote: 'Nothing missing',
    })
    const after = await row('SELECT * FROM turnarounds WHERE id = ?', [t.id])
    expect(after).toEqual(before)
    expect(after).toMatchObject({ issues_agreed_on: null, agreement_snapshot: null, agreement_missing_note: '' })
  })

  it('a refused update keeps the details and the follow-up date', async () => {
    const { t } = await setup({ clientWords: 'Original words' })
    const before = await row('SELECT * FROM turnarounds WHERE id = ?', [t.id])
    const error = await refused('turnarounds:update', {
      id: t.id,
      details: {
        firstHeardBy: 'Jonas',
        clientWords: 'Changed',
        followUpEveryDays: 9,
        responsePromisedOn: '2026-11-01',
      },
    })
    expectField(error, 'responsePromisedOn', 'details.')
    expect(await row('SELECT * FROM turnarounds WHERE id = ?', [t.id])).toEqual(before)
  })

  it('a refused hand-over writes neither the history nor the owner', async () => {
    const { t } = await setup()
    const before = await row('SELECT * FROM turnarounds WHERE id = ?', [t.id])
    await refused('turnarounds:hand-over', { id: t.id, toOwner: 'Mara', reason: 'x', handedOn: '2026-11-12' })
    expect(await row('SELECT * FROM turnarounds WHERE id = ?', [t.id])).toEqual(before)
    expect(await count('turnaround_handovers')).toBe(0)
  })
})

describe('fixes found by review', () => {
  it('sends a client back to "at risk" when its only open turnaround is deleted', async () => {
    const { client, t } = await setup()
    await call('turnarounds:delete', { id: t.id })
    expect(await clientStatus(client.id)).toBe('at_risk')
  })

  it('refuses to move a touchpoint to another client', async () => {
    const { client, t } = await setup()
    const other = await newClient('Someone Else')
    const tp = await saveTouchpoint(client.id, t.id, {})
    const error = await refused('touchpoints:save', {
      clientId: other.id,
      turnaroundId: null,
      id: tp.id,
      touchpoint: { kind: 'call', occurredOn: '2026-11-21', who: 'Maya', minutes: 5 },
    })
    expect(error.field).toBe('clientId')
  })

  it('refuses hand-overs and agreements dated in the future', async () => {
    const { t } = await setup()
    expect(
      (await refused('turnarounds:hand-over', { id: t.id, toOwner: 'Sam', reason: 'Holiday', handedOn: '2030-01-01' }))
        .field,
    ).toBe('handedOn')
    expect((await refused('turnarounds:agree-plan', { id: t.id, agreedOn: '2030-01-01' })).field).toBe('agreedOn')
  })
})
