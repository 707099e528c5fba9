import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Envelope } from '../../electron/shared/envelope'
import type { Client } from '../../electron/shared/models'
import type {
  ClientPageFigures,
  DecisionPanel,
  LedgerEntryView,
  PortfolioFigures,
} from '../../electron/shared/ledger/models'
import type { TurnaroundDetail } from '../../electron/shared/turnarounds/models'
import { call as callChannel } from '../support/dispatch'
import { openTestApp, type TestApp } from '../support/temp-db'

const NOW = new Date(2026, 10, 22, 9, 30)
let app: TestApp
beforeEach(async () => {
  app = await openTestApp(undefined, () => NOW)
  await call('profile:save', {
    businessName: 'Quill & Co',
    ownerName: 'Ada Quill',
    currency: 'EUR',
    hourlyWorthMinor: 6000,
  })
  await call('risk-limits:save', {
    horizonYears: 2,
    maxTurnaroundSharePct: 25,
    maxTurnaroundMinutes: 600,
    minEffectiveRateMinor: 0,
    defaultReferralValueMinor: 10000,
  })
})
afterEach(async () => {
  await app.close()
})

const call = <T>(channel: string, input?: unknown): Promise<T> => callChannel<T>(app, channel, input)
const entry = (clientId: number, e: Record<string, unknown>) =>
  call<LedgerEntryView>('ledger:save', { clientId, entry: { currency: 'EUR', ...e } })

describe('the decision panel', () => {
  it('weighs the turnaround’s cost spent and planned against the relationship’s worth, and cutting ties lets the client go', async () => {
    const c = await call<Client>('clients:create', { name: 'Quayside Yacht Club', status: 'in_turnaround' })
    const t = await call<TurnaroundDetail>('turnarounds:open', {
      clientId: c.id,
      openedOn: '2026-10-01',
      firstHeardBy: 'Ada Quill',
    })
    // 12-month margin: 3,000.00 invoiced − 1,000.00 of materials = 2,000.00; worth = 2,000.00 × 2 + 100.00 default referral = 4,100.00
    await entry(c.id, { kind: 'invoice', entryDate: '2026-03-01', amountMinor: 300000 })
    await entry(c.id, { kind: 'material', entryDate: '2026-03-01', amountMinor: 100000 })
    // An invoice 13 months ago is outside the trailing 12 months.
    await entry(c.id, { kind: 'invoice', entryDate: '2025-10-22', amountMinor: 999900 })
    await call('issues:save', {
      turnaroundId: t.id,
      issue: { statement: 'The March brochure arrived 9 days late', raisedOn: '2026-10-01' },
    })
    await call('actions:save', {
      turnaroundId: t.id,
      action: { title: 'Reprint', impact: 4, effortMinutes: 120, costMinor: 5000, responsible: 'Ada Quill' },
    })
    await call('actions:save', {
      turnaroundId: t.id,
      action: { title: 'Done already', impact: 4, effortMinutes: 600, status: 'done' },
    })
    let panel = await call<DecisionPanel>('decisions:get-panel', { clientId: c.id })
    expect(panel.turnaroundId).toBe(t.id)
    expect(panel.figures).toMatchObject({
      ttmMarginMinor: 200000,
      referralValueMinor: 10000,
      referralIsDefault: true,
      worthMinor: 410000,
      spentMinor: 0,
      plannedMinor: 17000, // 2 h × 60.00 + 50.00 of stated cost; the done action is not counted
      plannedMinutes: 120,
      openActions: 1,
      totalCostMinor: 17000,
      newIssuesAfterPlan: 0,
      planAgreedOn: null,
    })
    expect(panel.result.recommendation).toBe('give_way') // 170.00 ≤ half of 25 % of 4,100.00 (512.50)

    // Money spent on the turnaround: a 700.00 refund and 10 hours of the owner's time (600.00).
    await entry(c.id, { kind: 'refund', entryDate: '2026-10-05', amountMinor: 70000, turnaroundId: t.id })
    await entry(c.id, { kind: 'time', entryDate: '2026-10-06', minutes: 600, turnaroundId: t.id })
    // The plan was agreed on 10 October; a new issue came on 1 November.
    await app.db.dataSource.query("UPDATE turnarounds SET plan_agreed_on = '2026-10-10' WHERE id = ?", [t.id])
    await call('issues:save', {
      turnaroundId: t.id,
      issue: { statement: 'The flags are the wrong blue', raisedOn: '2026-10-01' },
    })
    await app.db.dataSource.query(
      "UPDATE turnaround_issues SET raised_on = '2026-11-01' WHERE statement = 'The flags are the wrong blue'",
    )
    panel = await call<DecisionPanel>('decisions:get-panel', { clientId: c.id })
    // Margin now 3,000 − 1,000 − 700 − 600 = 700.00; worth = 700 × 2 + 100 = 1,500.00
    expect(panel.figures).toMatchObject({
      ttmMarginMinor: 70000,
      worthMinor: 150000,
      spentMinor: 130000,
      spentMinutes: 600,
      totalCostMinor: 147000,
      newIssuesAfterPlan: 1,
    })
    expect(panel.result.limits.filter((l) => l.breached).map((l) => l.key)).toEqual(['share', 'hours']) // 1,470 > 375.00; 720 min > 600
    expect(panel.result.recommendation).toBe('cut_ties')

    const after = await call<DecisionPanel>('decisions:record', {
      clientId: c.id,
      decision: 'cut_ties',
      note: 'Third new demand this month.',
    })
    expect(after.clientStatus).toBe('let_go')
    expect(after.decisions).toEqual([
      {
        id: expect.any(Number),
        decidedOn: '2026-11-22',
        recommendation: 'cut_ties',
        decision: 'cut_ties',
        note: 'Third new demand this month.',
      },
    ])
    expect((await call<Client>('clients:get', { id: c.id })).status).toBe('let_go')
    const stored = (await app.db.dataSource.query('SELECT figures FROM client_decisions'))[0] as { figures: string }
    expect(JSON.parse(stored.figures)).toMatchObject({ worthMinor: 150000, totalCostMinor: 147000 })
  })

  it('records a decision to stand firm without touching the client’s status, and refuses a client without a turnaround', async () => {
    const c = await call<Client>('clients:create', { name: 'Golden Wok', status: 'in_turnaround' })
    const none = (await app.call('decisions:get-panel', { clientId: c.id })) as Envelope<unknown>
    expect(none.ok).toBe(false)
    await call('turnarounds:open', { clientId: c.id, openedOn: '2026-11-01', firstHeardBy: 'Ada Quill' })
    const p = await call<DecisionPanel>('decisions:record', { clientId: c.id, decision: 'stand_firm', note: '' })
    expect(p.decisions).toHaveLength(1)
    expect((await call<Client>('clients:get', { id: c.id })).status).toBe('in_turnaround')
  })

  it('shows every client’s worth, in a turnaround or not, and the decision stays on the client after cutting ties', async () => {
    const quiet = await call<Client>('clients:create', { name: 'Quiet Client', referralValueMinor: 5000 })
    // 12-month margin 800.00 (one invoice in June), so worth = 800.00 × 2 + 50.00 = 1,650.00 whatever the period shown.
    await entry(quiet.id, { kind: 'invoice', entryDate: '2026-06-10', amountMinor: 80000 })
    const june = { preset: 'custom', from: '2026-06-01', to: '2026-06-30' }
    const page = await call<ClientPageFigures>('ledger:client-figures', {
      clientId: quiet.id,
      period: { preset: 'month' },
    })
    expect(page.figures.revenueMinor).toBe(0) // nothing in November
    expect(page.worth).toEqual({
      worthMinor: 165000,
      ttmMarginMinor: 80000,
      horizonYears: 2,
      referralValueMinor: 5000,
      referralIsDefault: false,
    })
    const portfolio = await call<PortfolioFigures>('ledger:portfolio', { period: june })
    expect(portfolio.clients.find((c) => c.clientId === quiet.id)?.worth.worthMinor).toBe(165000)
    expect(page.lastDecision).toBeNull()

    await call('turnarounds:open', { clientId: quiet.id, openedOn: '2026-11-01', firstHeardBy: 'Ada Quill' })
    await call('decisions:record', { clientId: quiet.id, decision: 'cut_ties', note: 'Three reprints in a row.' })
    const after = await call<ClientPageFigures>('ledger:client-figures', { clientId: quiet.id, period: june })
    expect(after.lastDecision).toMatchObject({
      decision: 'cut_ties',
      decidedOn: '2026-11-22',
      note: 'Three reprints in a row.',
    })
  })

  it('counts a referral value of 0 as nothing, and only a client without an estimate at the default', async () => {
    const worthOf = async (name: string, referralValueMinor?: number | null) => {
      const c = await call<Client>('clients:create', { name, referralValueMinor })
      await call('turnarounds:open', { clientId: c.id, openedOn: '2026-11-01', firstHeardBy: 'Ada Quill' })
      const p = await call<DecisionPanel>('decisions:get-panel', { clientId: c.id })
      return [p.figures.referralValueMinor, p.figures.referralIsDefault, p.figures.worthMinor]
    }
    expect(await worthOf('No Referrals Ltd', 0)).toEqual([0, false, 0])
    expect(await worthOf('Unknown Referrals Ltd')).toEqual([10000, true, 10000])
    expect(await worthOf('Cleared Estimate Ltd', null)).toEqual([10000, true, 10000])
    expect(await worthOf('Big Referrer Ltd', 25000)).toEqual([25000, false, 25000])
  })

  it('costs the plan’s open actions at the responsible staff member’s rate, leaving out the client’s own steps', async () => {
    const c = await call<Client>('clients:create', { name: 'Marigold Florist' })
    await call('staff:save', { staff: { name: 'Tom', costRateMinor: 3000 } })
    const t = await call<TurnaroundDetail>('turnarounds:open', {
      clientId: c.id,
      openedOn: '2026-11-01',
      firstHeardBy: 'Ada Quill',
    })
    await call('actions:save', {
      turnaroundId: t.id,
      action: { title: 'Reprint', impact: 4, effortMinutes: 90, responsible: 'Tom', status: 'in_progress' },
    })
    await call('actions:save', {
      turnaroundId: t.id,
      action: { title: 'Check the proofs', impact: 3, effortMinutes: 30, party: 'client', responsible: 'Client' },
    })
    await call('actions:save', {
      turnaroundId: t.id,
      action: { title: 'Dropped idea', impact: 1, effortMinutes: 600, status: 'dropped' },
    })
    // A touchpoint by Tom: 40 min × 30.00 = 20.00; by someone not on the staff list: 10 min × 60.00 = 10.00
    await call('touchpoints:save', {
      clientId: c.id,
      turnaroundId: t.id,
      touchpoint: { kind: 'call', occurredOn: '2026-11-02', who: 'Tom', minutes: 40 },
    })
    await call('touchpoints:save', {
      clientId: c.id,
      turnaroundId: t.id,
      touchpoint: { kind: 'email', occurredOn: '2026-11-03', who: 'A temp', minutes: 10 },
    })
    const panel = await call<DecisionPanel>('decisions:get-panel', { clientId: c.id, turnaroundId: t.id })
    expect(panel.figures).toMatchObject({
      plannedMinor: 4500, // 90 min × 30.00 = 45.00
      plannedMinutes: 90,
      openActions: 1,
      spentMinor: 3000, // 20.00 + 10.00
      spentMinutes: 50,
    })
  })

  it('edits a time entry: its cost follows the new minutes, and so do the figures', async () => {
    const c = await call<Client>('clients:create', { name: 'Tom Whitfield' })
    const e = await entry(c.id, { kind: 'time', entryDate: '2026-11-02', minutes: 60 })
    expect(e.amountMinor).toBe(6000)
    const edited = await call<LedgerEntryView>('ledger:save', {
      clientId: c.id,
      id: e.id,
      entry: { kind: 'time', entryDate: '2026-11-03', minutes: 30, currency: 'EUR' },
    })
    expect(edited).toMatchObject({ id: e.id, amountMinor: 3000, entryDate: '2026-11-03' })
    const [total] = await app.db.dataSource.query(
      "SELECT amount_minor AS amount, minutes FROM ledger_month_totals WHERE client_id = ? AND kind = 'time'",
      [c.id],
    )
    expect(total).toEqual({ amount: 3000, minutes: 30 })
  })
})
