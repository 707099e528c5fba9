/** Every preset imported from a fixture that looks like the real export: the entries and the month totals. */
import { afterEach, describe, expect, it } from 'vitest'
import { entries, fixture, importFile, monthTotals, openImportApp, type ImportApp } from '../support/import-fixture'

let app: ImportApp | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

describe('importing each preset', () => {
  it('Harvest detailed time report: hours to minutes, priced at the cost rate, the staff rate or the owner’s worth', async () => {
    app = await openImportApp()
    const result = await importFile(app, fixture('harvest-detailed-time.csv'), 'harvest-time')
    expect(result).toMatchObject({
      status: 'imported',
      rowsRead: 4,
      imported: 4,
      duplicates: 0,
      badRowCount: 0,
      clientsCreated: [],
    })
    const rows = await entries(app)
    expect(
      rows.map((r) => [r.client, r.entry_date, r.kind, r.minutes, r.rate_minor, r.amount_minor, r.worker, r.staff_id]),
    ).toEqual([
      ['Acme Ltd', '2026-03-02', 'time', 90, 9000, 13500, 'Maya Okafor', null], // 1.5 h, no cost rate, not staff: owner's 90.00; 90 × 9000 / 60
      ['Acme Ltd', '2026-03-03', 'time', 15, 4500, 1125, 'Tom Reyes', null], // 0.25 h at the cost rate 45.00: 15 × 4500 / 60
      ['Blue Finch Studio', '2026-03-31', 'time', 140, 6000, 14000, 'Priya Shah', app.priya], // 2.333 h = 139.98 → 140 min; Priya's 60.00
      ['Blue Finch Studio', '2026-04-01', 'time', 60, 4500, 4500, 'Tom Reyes', null],
    ])
    expect(rows[0]!.description).toBe('Brochure reprint · Design · Layout, second proof')
    expect(rows[3]!.description).toBe('Website · Meeting · Quarterly review, "as promised"')
    expect(rows.every((r) => r.currency === 'USD')).toBe(true)
    expect(await monthTotals(app)).toEqual([
      { client: 'Acme Ltd', month: '2026-03', kind: 'time', amount_minor: 14625, minutes: 105, entries: 2 }, // 13500 + 1125; 90 + 15
      { client: 'Blue Finch Studio', month: '2026-03', kind: 'time', amount_minor: 14000, minutes: 140, entries: 1 },
      { client: 'Blue Finch Studio', month: '2026-04', kind: 'time', amount_minor: 4500, minutes: 60, entries: 1 },
    ])
  })

  it('Invoice Ninja invoices: clients matched ignoring case and spaces', async () => {
    app = await openImportApp()
    const result = await importFile(app, fixture('invoice-ninja-invoices.csv'), 'invoice-ninja-invoices')
    expect(result).toMatchObject({ status: 'imported', imported: 3, amountImportedMinor: 125000 + 48050 + 200000 })
    expect(
      (await entries(app)).map((r) => [r.client, r.entry_date, r.kind, r.amount_minor, r.reference, r.description]),
    ).toEqual([
      ['Acme Ltd', '2026-03-05', 'invoice', 125000, 'INV-0041', 'Brochure reprint'],
      ['Acme Ltd', '2026-03-31', 'invoice', 48050, 'INV-0042', ''], // "acme   LTD" is Acme Ltd
      ['Blue Finch Studio', '2026-04-15', 'invoice', 200000, 'INV-0043', 'Website, phase 2'],
    ])
    expect(await monthTotals(app)).toEqual([
      { client: 'Acme Ltd', month: '2026-03', kind: 'invoice', amount_minor: 173050, minutes: 0, entries: 2 }, // 1,250.00 + 480.50
      { client: 'Blue Finch Studio', month: '2026-04', kind: 'invoice', amount_minor: 200000, minutes: 0, entries: 1 },
    ])
  })

  it('Invoice Ninja payments', async () => {
    app = await openImportApp()
    expect(await importFile(app, fixture('invoice-ninja-payments.csv'), 'invoice-ninja-payments')).toMatchObject({
      status: 'imported',
      imported: 2,
    })
    expect(
      (await entries(app)).map((r) => [r.client, r.entry_date, r.kind, r.amount_minor, r.reference, r.description]),
    ).toEqual([
      ['Acme Ltd', '2026-03-20', 'payment', 125000, '0031', 'Credit Card · INV-0041'],
      ['Blue Finch Studio', '2026-04-30', 'payment', 50000, '0032', 'Bank Transfer · INV-0043'],
    ])
    expect(await monthTotals(app)).toEqual([
      { client: 'Acme Ltd', month: '2026-03', kind: 'payment', amount_minor: 125000, minutes: 0, entries: 1 },
      { client: 'Blue Finch Studio', month: '2026-04', kind: 'payment', amount_minor: 50000, minutes: 0, entries: 1 },
    ])
  })

  it('Invoice Ninja expenses', async () => {
    app = await openImportApp()
    expect(await importFile(app, fixture('invoice-ninja-expenses.csv'), 'invoice-ninja-expenses')).toMatchObject({
      status: 'imported',
      imported: 2,
    })
    expect(
      (await entries(app)).map((r) => [r.client, r.entry_date, r.kind, r.amount_minor, r.reference, r.description]),
    ).toEqual([
      ['Acme Ltd', '2026-03-04', 'expense', 31240, '0007', 'Paper Supply Co · Materials · Reprint stock'],
      ['Acme Ltd', '2026-03-09', 'expense', 4500, '0008', 'City Couriers · Delivery · Rush delivery of the reprint'],
    ])
    expect(await monthTotals(app)).toEqual([
      { client: 'Acme Ltd', month: '2026-03', kind: 'expense', amount_minor: 35740, minutes: 0, entries: 2 },
    ]) // 312.40 + 45.00
  })

  it('the generic format: every kind, time priced from minutes and rate', async () => {
    app = await openImportApp()
    expect(await importFile(app, fixture('generic.csv'), 'generic')).toMatchObject({ status: 'imported', imported: 8 })
    expect((await entries(app)).map((r) => [r.client, r.entry_date, r.kind, r.amount_minor, r.minutes])).toEqual([
      ['Acme Ltd', '2026-01-31', 'invoice', 150000, null],
      ['Acme Ltd', '2026-02-01', 'payment', 150000, null],
      ['Acme Ltd', '2026-02-10', 'time', 3000, 45], // 45 × 4000 / 60
      ['Acme Ltd', '2026-02-11', 'gift', 3500, null], // "Goodwill gift" is the gift kind's label
      ['Acme Ltd', '2026-02-12', 'refund', 12000, null],
      ['Blue Finch Studio', '2026-02-12', 'discount', 8000, null],
      ['Blue Finch Studio', '2026-02-20', 'material', 6410, null],
      ['Blue Finch Studio', '2026-02-28', 'credit', 5000, null],
    ])
    const totals = await monthTotals(app)
    expect(totals).toHaveLength(8)
    expect(totals.find((t) => t.client === 'Acme Ltd' && t.kind === 'time')).toEqual({
      client: 'Acme Ltd',
      month: '2026-02',
      kind: 'time',
      amount_minor: 3000,
      minutes: 45,
      entries: 1,
    })
  })
})
