import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Envelope } from '../../electron/shared/envelope'
import type { ClientPage } from '../../electron/shared/models'
import type {
  TodayData,
  TrendsData,
  TurnaroundDetail,
  TurnaroundSummary,
} from '../../electron/shared/turnarounds/models'
import { STAGES } from '../../electron/shared/turnarounds/words'
import { SAMPLE_TURNAROUNDS } from '../../electron/main/features/sample/sample-turnarounds'
import { openTestApp, type TestApp } from '../support/temp-db'

const TODAY = '2026-11-22'

let app: TestApp
beforeEach(async () => {
  app = await openTestApp()
})
afterEach(async () => {
  await app.close()
})

async function call<T>(channel: string, input?: unknown): Promise<T> {
  const result = (await app.call(channel, input)) as Envelope<T>
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.field ?? ''} ${result.error.message}`)
  return result.data
}

const count = async (table: string) =>
  Number((await app.db.dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n)

async function loadAll(): Promise<{ list: TurnaroundSummary[]; details: TurnaroundDetail[] }> {
  await call('sample:load')
  const list = await call<TurnaroundSummary[]>('turnarounds:list', { state: 'all' })
  const details: TurnaroundDetail[] = []
  for (const t of list) details.push(await call<TurnaroundDetail>('turnarounds:get', { id: t.id }))
  return { list, details }
}

describe('the sample turnarounds', () => {
  it('opens one turnaround per scenario, every one marked as sample', async () => {
    const { list, details } = await loadAll()
    expect(list).toHaveLength(SAMPLE_TURNAROUNDS.length)
    expect(details.every((d) => d.isSample)).toBe(true)
  })

  it('covers every stage of the practice', async () => {
    const { list, details } = await loadAll()
    const stages = new Set(list.map((t) => t.stage))
    for (const stage of STAGES) expect(stages, stage).toContain(stage)
    // The stored stage is the derived one, and the detail agrees with the list.
    for (const d of details) expect(list.find((t) => t.id === d.id)?.stage).toBe(d.stage)
  })

  it('keeps one general issue in a turnaround that is still listening', async () => {
    const { details } = await loadAll()
    const general = details.filter((d) => d.issues.some((i) => i.isGeneral))
    expect(general.length).toBeGreaterThanOrEqual(1)
    for (const d of general) expect(d.stage).toBe('listening')
  })

  it('has commitments at risk, overdue, done, missed and renegotiated, relative to today', async () => {
    const { details } = await loadAll()
    const open = details.filter((d) => d.closedOn === null).flatMap((d) => d.commitments)
    const all = details.flatMap((d) => d.commitments)
    const atRisk = open.filter((c) => c.state === 'at_risk')
    const overdue = open.filter((c) => c.state === 'overdue')
    expect(atRisk.length).toBeGreaterThanOrEqual(2)
    expect(overdue.length).toBeGreaterThanOrEqual(2)
    for (const c of atRisk) expect(c.dueOn >= TODAY && c.dueOn <= '2026-11-24', c.description).toBe(true)
    for (const c of overdue) expect(c.dueOn < TODAY, c.description).toBe(true)
    expect(new Set(atRisk.map((c) => c.party)).size + new Set(overdue.map((c) => c.party)).size).toBeGreaterThanOrEqual(
      3,
    )
    expect(all.some((c) => c.status === 'done' && c.doneOn !== null && c.doneOn <= c.dueOn)).toBe(true)
    expect(all.filter((c) => c.status === 'missed')).not.toHaveLength(0)
    const renegotiated = all.filter((c) => c.status === 'renegotiated')
    expect(renegotiated).not.toHaveLength(0)
    for (const c of renegotiated) {
      expect(c.dueOn).not.toBe(c.originalDueOn)
      expect(c.renegotiationReason).not.toBe('')
    }
  })

  it('shows quick wins at the top of a plan, and has actions done', async () => {
    const { details } = await loadAll()
    const actions = details.flatMap((d) => d.actions)
    expect(actions.some((a) => a.quickWin)).toBe(true)
    expect(actions.some((a) => a.status === 'done')).toBe(true)
    expect(actions.some((a) => !a.quickWin && a.status === 'planned')).toBe(true)
    for (const d of details.filter((x) => x.actions.some((a) => a.quickWin)))
      expect(d.actions[0]?.quickWin, d.clientName).toBe(true)
  })

  it('has a follow-up overdue, a hand-over with its reason, and a parting note', async () => {
    const { details } = await loadAll()
    const open = details.filter((d) => d.closedOn === null)
    expect(open.some((d) => d.nextFollowUpOn !== null && d.nextFollowUpOn < TODAY)).toBe(true)
    const handovers = details.flatMap((d) => d.handovers)
    expect(handovers.length).toBeGreaterThanOrEqual(1)
    for (const h of handovers) expect(h.reason).not.toBe('')
    const letGo = details.filter((d) => d.outcome === 'let_go')
    expect(letGo.some((d) => /parted|parting/i.test(d.closingNote))).toBe(true)
  })

  it('never dates anything after today, nor before its turnaround opened', async () => {
    const { details } = await loadAll()
    for (const d of details) {
      const past = [
        d.openedOn,
        d.issuesAgreedOn,
        d.planAgreedOn,
        d.closedOn,
        d.checkedInOn,
        ...d.touchpoints.map((t) => t.occurredOn),
        ...d.handovers.map((h) => h.handedOn),
        ...d.commitments.map((c) => c.doneOn),
        ...d.issues.map((i) => i.raisedOn),
      ].filter((x): x is string => x !== null)
      for (const date of past) {
        expect(date <= TODAY, `${d.clientName}: ${date}`).toBe(true)
        expect(date >= d.openedOn, `${d.clientName}: ${date}`).toBe(true)
      }
    }
  })

  it('has a recovered turnaround whose check-in falls due in the next few days, and the others checked in', async () => {
    const { details } = await loadAll()
    const due = details.filter(
      (d) =>
        d.outcome === 'recovered' &&
        d.checkedInOn === null &&
        d.checkInDueOn !== null &&
        d.checkInDueOn >= TODAY &&
        d.checkInDueOn <= '2026-11-25',
    )
    expect(due).toHaveLength(1)
    // No closed turnaround has a check-in already overdue.
    for (const d of details.filter((x) => x.closedOn !== null && x.checkedInOn === null))
      expect(d.checkInDueOn! >= TODAY, d.clientName).toBe(true)
  })

  it('gives the trends page repeating staff, products and shared root causes over ten months', async () => {
    await call('sample:load')
    const trends = await call<TrendsData>('trends:get', { from: '2025-12-01', to: TODAY })
    expect(trends.staff[0]).toMatchObject({ key: 'Tom' })
    expect(trends.staff[0]!.count).toBeGreaterThanOrEqual(5)
    expect(trends.products.find((p) => p.key === 'Monthly newsletter print run')?.count).toBeGreaterThanOrEqual(3)
    expect(trends.sharedRootCauses.length).toBeGreaterThanOrEqual(2)
    const months = new Set(trends.bySeverity.map((r) => r.month))
    expect(months.size).toBeGreaterThanOrEqual(8)
  })

  it('sets the clients’ status from their turnarounds', async () => {
    const { details } = await loadAll()
    const clients = await call<ClientPage>('clients:list', { limit: 500 })
    const byId = new Map(clients.rows.map((c) => [c.id, c]))
    for (const d of details) {
      const expected = d.outcome === null ? 'in_turnaround' : d.outcome
      expect(byId.get(d.clientId)?.status, d.clientName).toBe(expected)
    }
  })

  it('fills every list on the Today page', async () => {
    await call('sample:load')
    const today = await call<TodayData>('today:get')
    expect(today.today).toBe(TODAY)
    expect(today.followUps.length).toBeGreaterThan(0)
    expect(today.commitments.length).toBeGreaterThan(0)
    expect(today.commitments.some((c) => c.state === 'at_risk')).toBe(true)
    expect(today.commitments.some((c) => c.state === 'overdue')).toBe(true)
    expect(today.checkIns.length).toBeGreaterThan(0)
  })

  it('is removed with the sample business, down to the last touchpoint', async () => {
    await call('sample:load')
    expect(await count('turnarounds')).toBeGreaterThan(0)
    expect(await count('touchpoints')).toBeGreaterThan(0)
    await call('sample:remove')
    for (const table of [
      'turnarounds',
      'turnaround_issues',
      'turnaround_actions',
      'commitments',
      'touchpoints',
      'turnaround_handovers',
      'clients',
    ]) {
      expect(await count(table), table).toBe(0)
    }
  })

  it('loads all or nothing: a second load is refused and leaves the first intact', async () => {
    await call('sample:load')
    const before = await count('turnarounds')
    const again = (await app.call('sample:load')) as Envelope<unknown>
    expect(again.ok).toBe(false)
    expect(await count('turnarounds')).toBe(before)
  })
})
