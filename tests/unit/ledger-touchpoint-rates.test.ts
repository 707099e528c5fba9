/**
 * A touchpoint keeps the hourly rate it was logged at, like a time entry: raising a staff
 * member's rate, renaming them or changing the owner's hourly worth leaves past complaint-handling
 * cost as it was; touchpoints logged afterwards use the new rate; editing one keeps its rate
 * unless who spent the time changes.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Client } from '../../electron/shared/models'
import type { ClientMonth, ClientPageFigures, PortfolioFigures, StaffMember } from '../../electron/shared/ledger/models'
import type { TouchpointView, TurnaroundDetail } from '../../electron/shared/turnarounds/models'
import { call as callChannel } from '../support/dispatch'
import { openTestApp, type TestApp } from '../support/temp-db'

// 09:30 on 2026-11-22, local time: "today" is 2026-11-22 on every machine.
const NOW = new Date(2026, 10, 22, 9, 30)
const PROFILE = { businessName: 'Quill & Co', ownerName: 'Ada Quill', currency: 'EUR' }
let app: TestApp
beforeEach(async () => {
  app = await openTestApp(undefined, () => NOW)
  await call('profile:save', { ...PROFILE, hourlyWorthMinor: 9000 })
})
afterEach(async () => {
  await app.close()
})

const call = <T>(channel: string, input?: unknown): Promise<T> => callChannel<T>(app, channel, input)
const PERIOD = { preset: 'custom', from: '2026-11-01', to: '2026-11-22' }

describe('touchpoints keep the rate they were logged at', () => {
  let c: Client
  let t: TurnaroundDetail
  let tom: StaffMember
  const log = (who: string, occurredOn: string, minutes: number, id?: number, summary = '') =>
    call<TouchpointView>('touchpoints:save', {
      clientId: c.id,
      turnaroundId: t.id,
      ...(id ? { id } : {}),
      touchpoint: { kind: 'call', occurredOn, who, minutes, summary },
    })
  /** The client's touchpoint cost, checked the same on the client page, its turnaround, its months and the portfolio. */
  const touchpointCost = async (): Promise<number> => {
    const f = await call<ClientPageFigures>('ledger:client-figures', { clientId: c.id, period: PERIOD })
    const p = await call<PortfolioFigures>('ledger:portfolio', { period: PERIOD })
    const months = await call<ClientMonth[]>('ledger:client-months', { clientId: c.id, months: 1 })
    expect(f.turnarounds).toHaveLength(1)
    expect(f.turnarounds[0]?.touchpointCostMinor).toBe(f.figures.touchpointCostMinor)
    expect(f.turnarounds[0]?.costMinor).toBe(f.figures.touchpointCostMinor)
    expect(p.totals.touchpointCostMinor).toBe(f.figures.touchpointCostMinor)
    expect(months).toEqual([
      {
        month: '2026-11',
        revenueMinor: 0,
        costMinor: f.figures.touchpointCostMinor,
        marginMinor: -f.figures.touchpointCostMinor,
      },
    ])
    return f.figures.touchpointCostMinor
  }
  const rates = async () =>
    (await app.db.dataSource.query('SELECT who, minutes, rate_minor AS rate FROM touchpoints ORDER BY id')) as Array<{
      who: string
      minutes: number
      rate: number
    }>

  beforeEach(async () => {
    c = await call<Client>('clients:create', { name: 'The Salt House' })
    t = await call<TurnaroundDetail>('turnarounds:open', {
      clientId: c.id,
      openedOn: '2026-11-01',
      firstHeardBy: 'Ada Quill',
    })
    tom = await call<StaffMember>('staff:save', { staff: { name: 'Tom Reed', costRateMinor: 4000 } })
  })

  it('leaves past costs as they were when a staff rate, a name or the owner’s worth changes, and uses the new rates from then on', async () => {
    await log('Tom Reed', '2026-11-02', 45) // 45 × 40.00 / 60 = 30.00
    await log('Ada Quill', '2026-11-03', 20) // the owner, not on the staff list: 20 × 90.00 / 60 = 30.00
    expect(await touchpointCost()).toBe(6000) // 30.00 + 30.00
    expect(await rates()).toEqual([
      { who: 'Tom Reed', minutes: 45, rate: 4000 },
      { who: 'Ada Quill', minutes: 20, rate: 9000 },
    ])

    await call('staff:save', { id: tom.id, staff: { name: 'Tom Reed', costRateMinor: 6000 } })
    expect(await touchpointCost()).toBe(6000) // a raise: unchanged (at today's rate it would be 45 × 60.00 / 60 = 45.00 + 30.00)
    await call('staff:save', { id: tom.id, staff: { name: 'Tom R.', costRateMinor: 6000 } })
    expect(await touchpointCost()).toBe(6000) // a rename: unchanged (by name it would fall to the owner's 90.00: 67.50 + 30.00)
    await call('profile:save', { ...PROFILE, hourlyWorthMinor: 12000 })
    expect(await touchpointCost()).toBe(6000) // the owner's worth: unchanged (at today's it would be 30.00 + 20 × 120.00 / 60 = 40.00)

    await log('Tom R.', '2026-11-10', 30) // the new rate and name: 30 × 60.00 / 60 = 30.00
    await log('Ada Quill', '2026-11-11', 10) // the new worth: 10 × 120.00 / 60 = 20.00
    expect(await touchpointCost()).toBe(11000) // 30.00 + 30.00 + 30.00 + 20.00
  })

  it('keeps the rate when a touchpoint is edited, and looks it up again when who spent the time changes', async () => {
    const byTom = await log('Tom Reed', '2026-11-02', 45) // 45 × 40.00 / 60 = 30.00
    const byOwner = await log('Ada Quill', '2026-11-03', 20) // 20 × 90.00 / 60 = 30.00
    await call('staff:save', { id: tom.id, staff: { name: 'Tom Reed', costRateMinor: 6000 } })
    await call('profile:save', { ...PROFILE, hourlyWorthMinor: 12000 })

    const edited = await log('Tom Reed', '2026-11-04', 45, byTom.id, 'Called back about the proofs.')
    expect(edited).toMatchObject({ summary: 'Called back about the proofs.', occurredOn: '2026-11-04' })
    expect(await touchpointCost()).toBe(6000) // same who: still 40.00 an hour, 30.00 + 30.00

    await log('Tom Reed', '2026-11-03', 20, byOwner.id) // now Tom's, at his rate today: 20 × 60.00 / 60 = 20.00
    expect(await touchpointCost()).toBe(5000) // 30.00 + 20.00
    await log('Ada Quill', '2026-11-04', 45, byTom.id) // now the owner's, at her worth today: 45 × 120.00 / 60 = 90.00
    expect(await touchpointCost()).toBe(11000) // 90.00 + 20.00
    expect((await rates()).map((r) => r.rate)).toEqual([12000, 6000])
  })

  it('adds the exact costs and rounds once per client, as time is costed', async () => {
    await log('Tom Reed', '2026-11-02', 7) // 7 × 40.00 / 60 = 4.666…
    await log('Tom Reed', '2026-11-03', 7)
    expect(await touchpointCost()).toBe(933) // 14 × 4000 / 60 = 933.33 → 9.33, not 4.67 + 4.67
  })

  it('rounds once per client across rates, not once per rate', async () => {
    await call('staff:save', { id: tom.id, staff: { name: 'Tom Reed', costRateMinor: 3030 } })
    await call('staff:save', { staff: { name: 'Jo Marsh', costRateMinor: 3090 } })
    await log('Tom Reed', '2026-11-02', 1) // 30.30 / 60 = 0.505
    await log('Jo Marsh', '2026-11-03', 1) // 30.90 / 60 = 0.515
    // 0.505 + 0.515 = 1.02 exactly; rounded per rate it would be 0.51 + 0.52 = 1.03.
    expect(await touchpointCost()).toBe(102)
  })
})
