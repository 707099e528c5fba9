import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Client } from '../../electron/shared/models'
import type {
  ClientMonth,
  ClientPageFigures,
  LedgerEntryView,
  PortfolioFigures,
  StaffMember,
} from '../../electron/shared/ledger/models'
import type { TurnaroundDetail } from '../../electron/shared/turnarounds/models'
import { call as callChannel, refused as refusedOn } from '../support/dispatch'
import { openTestApp, type TestApp } from '../support/temp-db'

// 09:30 on 2026-11-22, local time: "today" is 2026-11-22 on every machine.
const NOW = new Date(2026, 10, 22, 9, 30)
let app: TestApp
beforeEach(async () => {
  app = await openTestApp(undefined, () => NOW)
  await call('profile:save', {
    businessName: 'Quill & Co',
    ownerName: 'Ada Quill',
    currency: 'EUR',
    hourlyWorthMinor: 9000,
  })
})
afterEach(async () => {
  await app.close()
})

const call = <T>(channel: string, input?: unknown): Promise<T> => callChannel<T>(app, channel, input)
const refused = (channel: string, input?: unknown) => refusedOn(app, channel, input)
const entry = (clientId: number, e: Record<string, unknown>, id?: number) =>
  call<LedgerEntryView>('ledger:save', { clientId, ...(id ? { id } : {}), entry: { currency: 'EUR', ...e } })
const count = async (table: string) =>
  Number((await app.db.dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n)

describe('staff and risk limits', () => {
  it('keeps staff with their cost rates, refuses a second of the same name, and saves the risk limits', async () => {
    const tom = await call<StaffMember>('staff:save', { staff: { name: 'Tom Reed', costRateMinor: 4000 } })
    expect(tom).toMatchObject({ name: 'Tom Reed', costRateMinor: 4000 })
    const clash = await refused('staff:save', { staff: { name: 'Tom Reed', costRateMinor: 5000 } })
    expect(clash).toMatchObject({ field: 'name' })
    expect((await refused('staff:save', { staff: { name: 'Nil', costRateMinor: 0 } })).field).toBe(
      'staff.costRateMinor',
    )
    await call('staff:save', { id: tom.id, staff: { name: 'Tom Reed', costRateMinor: 4500 } })
    expect((await call<StaffMember[]>('staff:list')).map((s) => s.costRateMinor)).toEqual([4500])
    const limits = {
      horizonYears: 2,
      maxTurnaroundSharePct: 30,
      maxTurnaroundMinutes: 600,
      minEffectiveRateMinor: 5000,
      defaultReferralValueMinor: 20000,
    }
    expect(await call('risk-limits:save', limits)).toEqual(limits)
    expect(await call('risk-limits:get')).toEqual(limits)
    expect(await call('staff:delete', { id: tom.id })).toEqual({ deleted: 1 })
    expect(await count('staff')).toBe(0)
  })
})

describe('ledger entries', () => {
  let client: Client
  beforeEach(async () => {
    client = await call<Client>('clients:create', { name: 'Brightwater Dental' })
  })

  it('costs time at the staff member’s rate, the owner’s hourly worth, or the rate given', async () => {
    const tom = await call<StaffMember>('staff:save', { staff: { name: 'Tom Reed', costRateMinor: 4000 } })
    const byTom = await entry(client.id, { kind: 'time', entryDate: '2026-11-02', staffId: tom.id, minutes: 45 })
    expect(byTom).toMatchObject({ worker: 'Tom Reed', rateMinor: 4000, amountMinor: 3000 }) // 45 × 4000 / 60 = 3000
    const byOwner = await entry(client.id, { kind: 'time', entryDate: '2026-11-02', minutes: 50 })
    expect(byOwner).toMatchObject({ worker: 'Ada Quill', rateMinor: 9000, amountMinor: 7500 }) // 50 × 9000 / 60 = 7500
    const given = await entry(client.id, {
      kind: 'time',
      entryDate: '2026-11-02',
      minutes: 7,
      rateMinor: 1000,
      amountMinor: 99999,
    })
    expect(given.amountMinor).toBe(117) // 7 × 1000 / 60 = 116.67 → 117; the amount sent is ignored
    expect(
      (
        await refused('ledger:save', {
          clientId: client.id,
          entry: { kind: 'time', entryDate: '2026-11-02', currency: 'EUR' },
        })
      ).field,
    ).toBe('entry.minutes')
  })

  it('refuses an entry in another currency with a clear message, and a zero amount', async () => {
    const e = await refused('ledger:save', {
      clientId: client.id,
      entry: { kind: 'invoice', entryDate: '2026-11-02', amountMinor: 100, currency: 'USD' },
    })
    expect(e.field).toBe('entry.currency')
    expect(e.message).toContain('keeps its ledger in EUR')
    expect(
      (
        await refused('ledger:save', {
          clientId: client.id,
          entry: { kind: 'invoice', entryDate: '2026-11-02', amountMinor: 0, currency: 'EUR' },
        })
      ).field,
    ).toBe('entry.amountMinor')
    expect(await count('ledger_entries')).toBe(0)
  })

  it('shows invoices as outstanding, partly paid and paid as payments settle them', async () => {
    const inv = await entry(client.id, {
      kind: 'invoice',
      entryDate: '2026-10-01',
      amountMinor: 10000,
      reference: 'INV-1',
    })
    expect(inv.invoiceState).toBe('outstanding')
    await entry(client.id, { kind: 'payment', entryDate: '2026-10-10', amountMinor: 4000, invoiceId: inv.id })
    let list = await call<LedgerEntryView[]>('ledger:list', { clientId: client.id })
    expect(list.find((e) => e.id === inv.id)).toMatchObject({ paidMinor: 4000, invoiceState: 'partly_paid' })
    const last = await entry(client.id, {
      kind: 'payment',
      entryDate: '2026-10-20',
      amountMinor: 6000,
      invoiceId: inv.id,
    })
    list = await call<LedgerEntryView[]>('ledger:list', { clientId: client.id })
    expect(list.find((e) => e.id === inv.id)).toMatchObject({ paidMinor: 10000, invoiceState: 'paid' })
    expect(list.map((e) => e.entryDate)).toEqual(['2026-10-20', '2026-10-10', '2026-10-01'])
    // An invoice that payments settle cannot become another kind; deleting it leaves the payments unlinked.
    expect(
      (
        await refused('ledger:save', {
          clientId: client.id,
          id: inv.id,
          entry: { kind: 'credit', entryDate: '2026-10-01', amountMinor: 10000, currency: 'EUR' },
        })
      ).field,
    ).toBe('entry.kind')
    await call('ledger:delete', { id: inv.id })
    list = await call<LedgerEntryView[]>('ledger:list', { clientId: client.id })
    expect(list.find((e) => e.id === last.id)?.invoiceId).toBeNull()
  })

  it('refuses an invoice edited into a payment that settles itself, naming the field, and leaves it as it was', async () => {
    const inv = await entry(client.id, {
      kind: 'invoice',
      entryDate: '2026-10-01',
      amountMinor: 10000,
      reference: 'INV-7',
    })
    const self = await refused('ledger:save', {
      clientId: client.id,
      id: inv.id,
      entry: { kind: 'payment', entryDate: '2026-10-01', amountMinor: 10000, currency: 'EUR', invoiceId: inv.id },
    })
    expect(self).toMatchObject({
      code: 'VALIDATION',
      field: 'entry.invoiceId',
      message: expect.stringContaining('cannot settle itself'),
    })
    expect((await call<LedgerEntryView[]>('ledger:list', { clientId: client.id }))[0]).toMatchObject({
      kind: 'invoice',
      invoiceId: null,
      invoiceState: 'outstanding',
    })
    // Editing it into a payment of nothing, or of another invoice, is still allowed.
    const other = await entry(client.id, { kind: 'invoice', entryDate: '2026-10-02', amountMinor: 5000 })
    expect(
      await entry(
        client.id,
        { kind: 'payment', entryDate: '2026-10-01', amountMinor: 5000, invoiceId: other.id },
        inv.id,
      ),
    ).toMatchObject({ kind: 'payment', invoiceId: other.id })
  })

  it('refuses a turnaround or an invoice of another client', async () => {
    const other = await call<Client>('clients:create', { name: 'Golden Wok' })
    const t = await call<TurnaroundDetail>('turnarounds:open', {
      clientId: other.id,
      openedOn: '2026-11-10',
      firstHeardBy: 'Ada Quill',
    })
    expect(
      (
        await refused('ledger:save', {
          clientId: client.id,
          entry: { kind: 'gift', entryDate: '2026-11-11', amountMinor: 500, currency: 'EUR', turnaroundId: t.id },
        })
      ).field,
    ).toBe('entry.turnaroundId')
    const inv = await entry(other.id, { kind: 'invoice', entryDate: '2026-10-01', amountMinor: 10000 })
    expect(
      (
        await refused('ledger:save', {
          clientId: client.id,
          entry: { kind: 'payment', entryDate: '2026-11-11', amountMinor: 500, currency: 'EUR', invoiceId: inv.id },
        })
      ).field,
    ).toBe('entry.invoiceId')
  })
})

describe('client figures on a small hand-worked ledger', () => {
  it('adds up every figure for a period, its edges and each turnaround', async () => {
    const c = await call<Client>('clients:create', { name: 'The Salt House' })
    await call('staff:save', { staff: { name: 'Tom Reed', costRateMinor: 4000 } })
    const staff = await call<StaffMember[]>('staff:list')
    const t = await call<TurnaroundDetail>('turnarounds:open', {
      clientId: c.id,
      openedOn: '2026-11-01',
      firstHeardBy: 'Ada Quill',
    })
    // October (a whole month, read from the monthly totals):
    await entry(c.id, { kind: 'invoice', entryDate: '2026-10-31', amountMinor: 200000 }) // last day of the month
    await entry(c.id, { kind: 'payment', entryDate: '2026-10-31', amountMinor: 150000 })
    await entry(c.id, { kind: 'time', entryDate: '2026-10-15', minutes: 600 }) // 10 h × 90.00 = 900.00
    await entry(c.id, { kind: 'material', entryDate: '2026-10-15', amountMinor: 20000 })
    // November (this month, up to today and beyond):
    await entry(c.id, { kind: 'invoice', entryDate: '2026-11-01', amountMinor: 50000 })
    await entry(c.id, { kind: 'time', entryDate: '2026-11-05', minutes: 90, staffId: staff[0]?.id, turnaroundId: t.id }) // 1.5 h × 40.00 = 60.00
    await entry(c.id, { kind: 'expense', entryDate: '2026-11-05', amountMinor: 2500 })
    await entry(c.id, { kind: 'refund', entryDate: '2026-11-06', amountMinor: 5000, turnaroundId: t.id })
    await entry(c.id, { kind: 'discount', entryDate: '2026-11-06', amountMinor: 1000 })
    await entry(c.id, { kind: 'credit', entryDate: '2026-11-07', amountMinor: 2000 })
    await entry(c.id, { kind: 'gift', entryDate: '2026-11-08', amountMinor: 3000, turnaroundId: t.id })
    // Complaint handling: 30 min by Tom (40.00/h = 20.00) and 20 min by the owner (90.00/h = 30.00).
    await call('touchpoints:save', {
      clientId: c.id,
      turnaroundId: t.id,
      touchpoint: { kind: 'call', occurredOn: '2026-11-02', who: 'Tom Reed', minutes: 30 },
    })
    await call('touchpoints:save', {
      clientId: c.id,
      turnaroundId: t.id,
      touchpoint: { kind: 'call', occurredOn: '2026-11-03', who: 'Ada Quill', minutes: 20 },
    })
    // September: outside every period below.
    await entry(c.id, { kind: 'invoice', entryDate: '2026-09-30', amountMinor: 99900 })

    const f = await call<ClientPageFigures>('ledger:client-figures', {
      clientId: c.id,
      period: { preset: 'custom', from: '2026-10-01', to: '2026-11-22' },
    })
    expect(f.period).toEqual({ from: '2026-10-01', to: '2026-11-22' })
    expect(f.figures).toEqual({
      revenueMinor: 250000, // 2000.00 + 500.00
      collectedMinor: 150000,
      outstandingMinor: 100000, // 2500.00 − 1500.00
      timeCostMinor: 101000, // 900.00 + 60.00 + touchpoints 20.00 + 30.00
      touchpointCostMinor: 5000,
      materialsMinor: 20000,
      expensesMinor: 2500,
      directCostMinor: 123500, // 1010.00 + 200.00 + 25.00
      concessionsMinor: 11000, // 50.00 + 10.00 + 20.00 + 30.00
      marginMinor: 115500, // 2500.00 − 1235.00 − 110.00
      marginPct: 46.2, // 1155 / 2500 = 46.2 %
      minutes: 740, // 600 + 90 + 30 + 20
      timeMinutes: 690,
      touchpointMinutes: 50,
      effectiveRateMinor: 17554, // (2500.00 − 200.00 − 25.00 − 110.00) = 2165.00 × 60 / 740 = 175.540 → 175.54
    })
    expect(f.turnarounds).toEqual([
      {
        turnaroundId: t.id,
        openedOn: '2026-11-01',
        closedOn: null,
        minutes: 140, // 90 + 30 + 20
        timeCostMinor: 6000,
        touchpointMinutes: 50,
        touchpointCostMinor: 5000,
        otherCostMinor: 8000, // refund 50.00 + gift 30.00
        costMinor: 19000,
      },
    ])
    // This month only: October's entries on its last day are out.
    const nov = await call<ClientPageFigures>('ledger:client-figures', { clientId: c.id, period: { preset: 'month' } })
    expect(nov.figures.revenueMinor).toBe(50000)
    // A period ending on 31 October keeps the entry on the last day.
    const oct = await call<ClientPageFigures>('ledger:client-figures', {
      clientId: c.id,
      period: { preset: 'custom', from: '2026-10-31', to: '2026-10-31' },
    })
    expect(oct.figures.revenueMinor).toBe(200000)
    // The portfolio gives the same figures for this one client.
    const p = await call<PortfolioFigures>('ledger:portfolio', {
      period: { preset: 'custom', from: '2026-10-01', to: '2026-11-22' },
    })
    expect(p.clients).toHaveLength(1)
    expect(p.clients[0]?.figures).toEqual(f.figures)
    expect(p.totals).toEqual(f.figures)
    // Months: October margin 2000 − 900 − 200 = 900.00; November 500 − 60 − 25 − 110 − 50 = 255.00
    const months = await call<ClientMonth[]>('ledger:client-months', { clientId: c.id, months: 3 })
    expect(months).toEqual([
      { month: '2026-09', revenueMinor: 99900, costMinor: 0, marginMinor: 99900 },
      { month: '2026-10', revenueMinor: 200000, costMinor: 110000, marginMinor: 90000 },
      { month: '2026-11', revenueMinor: 50000, costMinor: 24500, marginMinor: 25500 },
    ])
  })
})

describe('periods at the door', () => {
  it('refuses a custom period without its days or the wrong way round, naming the field', async () => {
    const missing = await refused('ledger:portfolio', { period: { preset: 'custom' } })
    expect(missing).toMatchObject({
      code: 'VALIDATION',
      field: 'period.from',
      message: 'Choose the first and last day.',
    })
    const reversed = await refused('ledger:portfolio', {
      period: { preset: 'custom', from: '2026-05-01', to: '2026-04-01' },
    })
    expect(reversed).toMatchObject({ field: 'period.to', message: 'The first day must come before the last.' })
    expect(
      (await refused('ledger:portfolio', { period: { preset: 'custom', from: '2026-02-30', to: '2026-04-01' } })).field,
    ).toBe('period.from')
  })
})

describe('hostile input at the door', () => {
  it('refuses unknown keys, negative or fractional money, impossible minutes and unknown decisions, naming the field', async () => {
    const c = await call<Client>('clients:create', { name: 'Cobalt Tattoo Studio' })
    const base = { kind: 'invoice', entryDate: '2026-11-01', amountMinor: 100, currency: 'EUR' }
    expect(
      (await refused('ledger:save', { clientId: c.id, entry: { ...base, sql: 'DROP TABLE clients' } })).field,
    ).toBe('entry.sql')
    expect((await refused('ledger:save', { clientId: c.id, entry: { ...base, amountMinor: -5 } })).field).toBe(
      'entry.amountMinor',
    )
    expect((await refused('ledger:save', { clientId: c.id, entry: { ...base, amountMinor: 10.5 } })).field).toBe(
      'entry.amountMinor',
    )
    expect((await refused('ledger:save', { clientId: c.id, entry: { ...base, kind: 'bribe' } })).field).toBe(
      'entry.kind',
    )
    expect((await refused('ledger:save', { clientId: c.id, entry: { ...base, kind: 'time', minutes: 0 } })).field).toBe(
      'entry.minutes',
    )
    expect((await refused('ledger:save', { clientId: c.id, entry: { ...base, entryDate: '2026-13-01' } })).field).toBe(
      'entry.entryDate',
    )
    expect((await refused('ledger:save', { clientId: c.id, entry: { ...base, currency: 'eur' } })).field).toBe(
      'entry.currency',
    )
    expect((await refused('staff:save', { staff: { name: 'X', costRateMinor: 12.5 } })).field).toBe(
      'staff.costRateMinor',
    )
    expect((await refused('decisions:record', { clientId: c.id, decision: 'sue_them', note: '' })).field).toBe(
      'decision',
    )
    expect(
      (
        await refused('risk-limits:save', {
          horizonYears: 0,
          maxTurnaroundSharePct: 25,
          maxTurnaroundMinutes: 600,
          minEffectiveRateMinor: 0,
          defaultReferralValueMinor: 0,
        })
      ).field,
    ).toBe('horizonYears')
    expect((await refused('ledger:save', { clientId: 999999, entry: base })).code).toBe('NOT_FOUND')
    expect(await count('ledger_entries')).toBe(0)
  })

  it('keeps who worked when a time entry by someone off the staff list is edited, and refuses time too large to cost', async () => {
    const c = await call<Client>('clients:create', { name: 'Ada' })
    const t = await entry(c.id, { kind: 'time', entryDate: '2026-11-02', minutes: 60, rateMinor: 4000 })
    // As an import leaves it: a contractor's name, no staff member.
    await app.db.dataSource.query("UPDATE ledger_entries SET worker = 'Contractor Bob' WHERE id = ?", [t.id])
    const edited = await entry(
      c.id,
      { kind: 'time', entryDate: '2026-11-02', minutes: 90, rateMinor: 4000, description: 'Typo fixed' },
      t.id,
    )
    expect(edited.worker).toBe('Contractor Bob')
    expect(edited.amountMinor).toBe(6000) // 90 min × 40.00 / 60
    // 100,000 minutes × the largest rate, 10^10: a cost of 1.67 × 10^13, past the cap of one amount.
    const huge = await refused('ledger:save', {
      clientId: c.id,
      entry: { kind: 'time', entryDate: '2026-11-02', minutes: 100_000, rateMinor: 10_000_000_000, currency: 'EUR' },
    })
    expect(huge).toMatchObject({ code: 'VALIDATION', field: 'entry.minutes' })
  })
})
