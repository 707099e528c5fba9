/**
 * One cap for every amount and for minutes, and one for the ledger's whole (money.ts), so no figure
 * the app computes can pass 2^53: each is tested at the cap (accepted) and one past it (refused,
 * with the field named and nothing written), and the figures of a ledger filled to its total are
 * exact to the last minor unit.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Client } from '../../electron/shared/models'
import type {
  ClientPageFigures,
  DecisionPanel,
  LedgerEntryView,
  PortfolioFigures,
} from '../../electron/shared/ledger/models'
import type { TurnaroundDetail } from '../../electron/shared/turnarounds/models'
import {
  MAX_AMOUNT_MINOR,
  MAX_LEDGER_TOTAL_MINOR,
  MAX_MINUTES,
  MAX_PLAN_ACTIONS,
  costOfMinutes,
  mulDivRound,
} from '../../electron/shared/money'
import { figuresOf, emptySums } from '../../electron/shared/ledger/figures'
import { call as callChannel, refused as refusedOn } from '../support/dispatch'
import { openTestApp, type TestApp } from '../support/temp-db'
import { TouchpointEntity } from '../../electron/main/db/entities'
import { ledgerTotalMinor } from '../../electron/main/db/ledger-total'
import { chooseFile, genericFields, writeCsv } from '../support/import-fixture'
import type { ImportResult } from '../../electron/shared/ledger-import/models'

const NOW = new Date(2026, 10, 22, 9, 30)
let app: TestApp
let client: Client
beforeEach(async () => {
  app = await openTestApp(undefined, () => NOW)
  await call('profile:save', {
    businessName: 'Quill & Co',
    ownerName: 'Ada Quill',
    currency: 'EUR',
    hourlyWorthMinor: 9000,
  })
  client = await call<Client>('clients:create', { name: 'Brightwater Dental' })
})
afterEach(async () => {
  await app.close()
})

const call = <T>(channel: string, input?: unknown): Promise<T> => callChannel<T>(app, channel, input)
const refused = (channel: string, input?: unknown) => refusedOn(app, channel, input)
const entry = (e: Record<string, unknown>, id?: number) => ({
  clientId: client.id,
  ...(id ? { id } : {}),
  entry: { currency: 'EUR', entryDate: '2026-11-02', ...e },
})
const count = async (table: string) =>
  Number((await app.db.dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n)

/** `n` invoices of `amount` each for the client, written in one statement (the triggers keep the monthly totals). */
async function fill(n: number, amount: number): Promise<void> {
  await app.db.dataSource.query(
    `WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < ?)
     INSERT INTO ledger_entries (client_id, kind, entry_date, description, amount_minor, currency, worker, reference, is_sample, created_at, updated_at)
     SELECT ?, 'invoice', '2026-0' || (1 + i % 9) || '-15', '', ?, 'EUR', '', '', false, '', '' FROM k`,
    [n, client.id, amount],
  )
}

describe('the cap on one amount', () => {
  it('is one constant, and minutes × rate at both caps stays exact', () => {
    expect(MAX_AMOUNT_MINOR).toBe(10_000_000_000)
    expect(Number.isSafeInteger(MAX_MINUTES * MAX_AMOUNT_MINOR)).toBe(true)
    // 60 × the ledger's total (the effective hourly rate of one minute) and 20 years of it both fit.
    expect(60 * MAX_LEDGER_TOTAL_MINOR).toBeLessThanOrEqual(Number.MAX_SAFE_INTEGER)
    expect(20 * MAX_LEDGER_TOTAL_MINOR + MAX_AMOUNT_MINOR).toBeLessThanOrEqual(Number.MAX_SAFE_INTEGER)
  })

  it('accepts an amount at the cap and refuses one minor unit more, on every amount field', async () => {
    expect(
      await call<LedgerEntryView>('ledger:save', entry({ kind: 'invoice', amountMinor: MAX_AMOUNT_MINOR })),
    ).toMatchObject({ amountMinor: MAX_AMOUNT_MINOR })
    expect(await refused('ledger:save', entry({ kind: 'invoice', amountMinor: MAX_AMOUNT_MINOR + 1 }))).toMatchObject({
      code: 'VALIDATION',
      field: 'entry.amountMinor',
    })
    expect(
      await refused('ledger:save', entry({ kind: 'time', minutes: 60, rateMinor: MAX_AMOUNT_MINOR + 1 })),
    ).toMatchObject({ field: 'entry.rateMinor' })
    expect(await refused('staff:save', { staff: { name: 'Tom', costRateMinor: MAX_AMOUNT_MINOR + 1 } })).toMatchObject({
      field: 'staff.costRateMinor',
    })
    expect(
      await refused('profile:save', {
        businessName: 'Quill & Co',
        ownerName: 'Ada Quill',
        currency: 'EUR',
        hourlyWorthMinor: MAX_AMOUNT_MINOR + 1,
      }),
    ).toMatchObject({ field: 'hourlyWorthMinor' })
    const t = await call<TurnaroundDetail>('turnarounds:open', {
      clientId: client.id,
      openedOn: '2026-11-01',
      firstHeardBy: 'Ada Quill',
    })
    expect(
      await refused('actions:save', {
        turnaroundId: t.id,
        action: { title: 'Reprint', impact: 3, effortMinutes: 0, costMinor: MAX_AMOUNT_MINOR + 1 },
      }),
    ).toMatchObject({ field: 'action.costMinor' })
    expect(
      await refused('actions:save', {
        turnaroundId: t.id,
        action: { title: 'Reprint', impact: 3, effortMinutes: MAX_MINUTES + 1 },
      }),
    ).toMatchObject({ field: 'action.effortMinutes' })
    expect(await count('ledger_entries')).toBe(1)
  })

  it('costs time up to the cap and refuses time whose cost would pass it, beside the minutes', async () => {
    // 60 minutes at the largest rate cost exactly the cap.
    expect(
      await call<LedgerEntryView>('ledger:save', entry({ kind: 'time', minutes: 60, rateMinor: MAX_AMOUNT_MINOR })),
    ).toMatchObject({ amountMinor: MAX_AMOUNT_MINOR })
    const over = await refused('ledger:save', entry({ kind: 'time', minutes: 61, rateMinor: MAX_AMOUNT_MINOR }))
    expect(over).toMatchObject({
      code: 'VALIDATION',
      field: 'entry.minutes',
      message: expect.stringContaining('more than one entry can hold'),
    })
    // The most minutes at the largest rate: 10^15 (exact), a cost of 1.67 × 10^13, refused.
    expect(
      await refused('ledger:save', entry({ kind: 'time', minutes: MAX_MINUTES, rateMinor: MAX_AMOUNT_MINOR })),
    ).toMatchObject({ field: 'entry.minutes' })
    expect(
      await refused('ledger:save', entry({ kind: 'time', minutes: MAX_MINUTES + 1, rateMinor: 100 })),
    ).toMatchObject({ field: 'entry.minutes' })
    expect(await count('ledger_entries')).toBe(1)
  })

  it('refuses an imported amount, rate or time cost past the cap, row by row, with the reason', async () => {
    const file = writeCsv(
      app.dir,
      'big.csv',
      [
        'date,client,kind,amount,minutes,rate',
        '2026-11-01,Brightwater Dental,invoice,100000000.00,,',
        '2026-11-01,Brightwater Dental,invoice,100000000.01,,',
        '2026-11-01,Brightwater Dental,time,,60,100000000.00',
        '2026-11-01,Brightwater Dental,time,,61,100000000.00',
        '2026-11-01,Brightwater Dental,time,,1,100000000.01',
        '2026-11-01,Brightwater Dental,invoice,90071992547409.91,,',
      ].join('\n'),
    )
    const chosen = await chooseFile(app, file)
    const mapping = {
      source: 'generic',
      fields: genericFields(chosen.headers),
      kind: null,
      dateFormat: 'YYYY-MM-DD',
      createClients: false,
    }
    const result = await call<ImportResult>('ledger-import:run', { token: chosen.token, mapping, badRows: 'stop' })
    expect(result).toMatchObject({ status: 'stopped', goodRows: 2, badRowCount: 4 })
    expect(result.badRows.map((r) => [r.line, r.reason])).toEqual([
      [3, 'The amount “100000000.01” is more than one entry can hold (€100,000,000.00).'],
      [5, 'At this rate, the time costs more than one entry can hold (€100,000,000.00): split the time.'],
      [6, 'The rate “100000000.01” is more than one rate can hold (€100,000,000.00).'],
      [7, 'The amount “90071992547409.91” is more than one entry can hold (€100,000,000.00).'],
    ])
  })
})

describe('the cap on the ledger’s whole', () => {
  it('accepts entries up to the total exactly, refuses one minor unit more, and every figure at the total is exact', async () => {
    // 14,999 invoices at the cap, one of 2.00 and one minute of time at 60.00 an hour (1.00): the total less (cap − 3.00).
    await fill(14_999, MAX_AMOUNT_MINOR)
    await call('ledger:save', entry({ kind: 'invoice', amountMinor: 200 }))
    await call('ledger:save', entry({ kind: 'time', minutes: 1, rateMinor: 6000 }))
    const before = await count('ledger_entries')

    // One minor unit past the total: refused, beside the amount, nothing written.
    const past = await refused('ledger:save', entry({ kind: 'invoice', amountMinor: MAX_AMOUNT_MINOR }))
    expect(past).toMatchObject({
      code: 'VALIDATION',
      field: 'entry.amountMinor',
      message: expect.stringContaining('Nothing was changed'),
    })
    // Editing the time entry to cost more is refused too, beside its minutes.
    const [time] = (await app.db.dataSource.query("SELECT id FROM ledger_entries WHERE kind = 'time'")) as Array<{
      id: number
    }>
    expect(
      await refused('ledger:save', entry({ kind: 'time', minutes: 60, rateMinor: MAX_AMOUNT_MINOR }, time!.id)),
    ).toMatchObject({ field: 'entry.minutes' })
    // A touchpoint's cost counts in the whole too: a day of a staff member at the largest rate.
    await call('staff:save', { staff: { name: 'Tom Reed', costRateMinor: MAX_AMOUNT_MINOR } })
    expect(
      await refused('touchpoints:save', {
        clientId: client.id,
        touchpoint: { kind: 'call', occurredOn: '2026-11-20', who: 'Tom Reed', minutes: 1440, summary: '' },
      }),
    ).toMatchObject({ field: 'minutes' })
    expect(await count('touchpoints')).toBe(0)
    // An import that would pass it writes nothing.
    const file = writeCsv(
      app.dir,
      'more.csv',
      'date,client,kind,amount\n2026-11-01,Brightwater Dental,invoice,99999999.99\n2026-11-01,Brightwater Dental,invoice,0.01\n',
    )
    const chosen = await chooseFile(app, file)
    const mapping = {
      source: 'generic',
      fields: genericFields(chosen.headers),
      kind: null,
      dateFormat: 'YYYY-MM-DD',
      createClients: false,
    }
    expect(await refused('ledger-import:run', { token: chosen.token, mapping, badRows: 'stop' })).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('Nothing was changed'),
    })
    expect(await count('ledger_entries')).toBe(before)

    // Exactly at the total: accepted.
    await call('ledger:save', entry({ kind: 'invoice', amountMinor: MAX_AMOUNT_MINOR - 300 }))
    const revenue = 14_999 * MAX_AMOUNT_MINOR + 200 + MAX_AMOUNT_MINOR - 300
    expect(revenue + 100).toBe(MAX_LEDGER_TOTAL_MINOR)

    const period = { preset: 'custom', from: '2026-01-01', to: '2026-12-31' }
    const portfolio = await call<PortfolioFigures>('ledger:portfolio', { period })
    expect(portfolio.totals).toMatchObject({
      revenueMinor: revenue,
      directCostMinor: 100,
      marginMinor: revenue - 100,
      minutes: 1,
    })
    // (revenue) × 60 ÷ 1 minute: 8,999,999,999,994,000, exact.
    expect(portfolio.totals.effectiveRateMinor).toBe(revenue * 60)
    expect(revenue * 60).toBe(8_999_999_999_994_000)
    expect(portfolio.totals.marginPct).toBe(100)
    const page = await call<ClientPageFigures>('ledger:client-figures', { clientId: client.id, period })
    expect(page.figures.revenueMinor).toBe(revenue)

    // The relationship's worth over the longest horizon: 20 × the margin + the referral value, exact.
    await call('risk-limits:save', {
      horizonYears: 20,
      maxTurnaroundSharePct: 100,
      maxTurnaroundMinutes: 600,
      minEffectiveRateMinor: MAX_AMOUNT_MINOR,
      defaultReferralValueMinor: MAX_AMOUNT_MINOR,
    })
    await call<TurnaroundDetail>('turnarounds:open', {
      clientId: client.id,
      openedOn: '2026-11-01',
      firstHeardBy: 'Ada Quill',
    })
    const panel = await call<DecisionPanel>('decisions:get-panel', { clientId: client.id })
    expect(panel.figures.ttmMarginMinor).toBe(revenue - 100)
    expect(panel.figures.worthMinor).toBe(20 * (revenue - 100) + MAX_AMOUNT_MINOR)
    expect(Number.isSafeInteger(panel.figures.worthMinor)).toBe(true)
  }, 60_000)

  it('counts touchpoints whose minutes × rates add up past 2^53 as over the whole, not as a rounded sum', async () => {
    // Only a write past the whole can make such a sum; here 50 touchpoints of 2 × 10^14 sixtieths each
    // are put straight into the table (10^16 in all, past 2^53 ≈ 9.007 × 10^15).
    await app.db.dataSource.getRepository(TouchpointEntity).insert(
      Array.from({ length: 50 }, () => ({
        clientId: client.id,
        kind: 'call' as const,
        occurredOn: '2026-11-20',
        who: 'Ada Quill',
        minutes: 100_000,
        rateMinor: 2_000_000_000,
        summary: '',
        createdAt: '',
      })),
    )
    expect(await ledgerTotalMinor(app.db.dataSource.manager)).toBe(Number.POSITIVE_INFINITY)
    // So a write checked against the whole is refused with the reason, nothing written.
    expect(
      await refused('touchpoints:save', {
        clientId: client.id,
        touchpoint: { kind: 'call', occurredOn: '2026-11-21', who: 'Ada Quill', minutes: 5, summary: '' },
      }),
    ).toMatchObject({ code: 'VALIDATION', field: 'minutes', message: expect.stringContaining('Nothing was changed') })
    expect(await count('touchpoints')).toBe(50)
  })

  it('bounds a plan’s actions, so its planned cost stays exact', async () => {
    const t = await call<TurnaroundDetail>('turnarounds:open', {
      clientId: client.id,
      openedOn: '2026-11-01',
      firstHeardBy: 'Ada Quill',
    })
    await app.db.dataSource.query(
      `WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < ?)
       INSERT INTO turnaround_actions (turnaround_id, title, impact, effort_minutes, cost_minor, party, responsible, status, created_at, updated_at)
       SELECT ?, 'Action ' || i, 3, ?, ?, 'us', '', 'planned', '', '' FROM k`,
      [MAX_PLAN_ACTIONS, t.id, MAX_MINUTES, MAX_AMOUNT_MINOR],
    )
    expect(
      await refused('actions:save', { turnaroundId: t.id, action: { title: 'One more', impact: 3, effortMinutes: 0 } }),
    ).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining(`at most ${MAX_PLAN_ACTIONS} actions`) })
    const panel = await call<DecisionPanel>('decisions:get-panel', { clientId: client.id })
    // 400 × (100,000 minutes at the owner's 90.00 an hour + the cap): exact.
    expect(panel.figures.plannedMinor).toBe(MAX_PLAN_ACTIONS * (costOfMinutes(MAX_MINUTES, 9000) + MAX_AMOUNT_MINOR))
  })
})

describe('products on the way, in BigInt', () => {
  it('rounds a ratio of two figures exactly where a float product would not', () => {
    // (the total − 1) × 60 ÷ 1 minute, exact in BigInt; and rounding half away from zero.
    expect(mulDivRound(150_000_000_000_000 - 1, 60, 1)).toBe(8_999_999_999_999_940)
    expect(mulDivRound(-7, 1000, 8)).toBe(-875)
    expect(mulDivRound(5, 1, 2)).toBe(3)
    expect(mulDivRound(-5, 1, 2)).toBe(-3)
    // Summed minutes × a rate past 2^53 still cost exactly (BigInt), as the plan's planned cost needs.
    expect(costOfMinutes(40_000_000, MAX_AMOUNT_MINOR)).toBe(6_666_666_666_666_667)
    const f = figuresOf({ ...emptySums(), invoice: 149_999_999_999_999, material: 3, timeMinutes: 7 })
    expect(f.effectiveRateMinor).toBe(Number((149_999_999_999_996n * 60n * 2n + 7n) / 14n))
    expect(f.marginPct).toBe(100)
  })
})
