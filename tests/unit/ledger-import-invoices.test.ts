/**
 * Imported payments settle the invoice they name: linked (invoice_id) to the same client's invoice
 * with that number as its reference, so the ledger's own list shows the invoice paid or partly paid.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { LedgerEntryView } from '../../electron/shared/ledger/models'
import { call } from '../support/letters-fixture'
import {
  fixture,
  importFile,
  ledgerFingerprint,
  monthTotals,
  openImportApp,
  previewFile,
  type ImportApp,
} from '../support/import-fixture'

let app: ImportApp | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

const list = (a: ImportApp, clientId: number) => call<LedgerEntryView[]>(a, 'ledger:list', { clientId })

/** Each invoice of the client as [reference, amount, paid, state], oldest first. */
async function invoices(
  a: ImportApp,
  clientId: number,
): Promise<Array<[string, number, number | null, string | null]>> {
  return (await list(a, clientId))
    .filter((e) => e.kind === 'invoice')
    .sort((x, y) => x.id - y.id)
    .map((e) => [e.reference, e.amountMinor, e.paidMinor, e.invoiceState])
}

/** Each payment of the client as [reference, the reference of the invoice it is linked to, or null]. */
async function payments(a: ImportApp, clientId: number): Promise<Array<[string, string | null]>> {
  const all = await list(a, clientId)
  const byId = new Map(all.map((e) => [e.id, e]))
  return all
    .filter((e) => e.kind === 'payment')
    .sort((x, y) => x.id - y.id)
    .map((e) => [
      e.reference,
      e.invoiceId === null ? null : (byId.get(e.invoiceId)?.reference ?? `another client's entry ${e.invoiceId}`),
    ])
}

describe('Invoice Ninja: invoices, then payments', () => {
  it('links each payment to its invoice: paid, partly paid and outstanding through ledger:list', async () => {
    app = await openImportApp()
    expect(await importFile(app, fixture('invoice-ninja-invoices.csv'), 'invoice-ninja-invoices')).toMatchObject({
      status: 'imported',
      imported: 3,
    })
    expect(await invoices(app, app.acme)).toEqual([
      ['INV-0041', 125000, 0, 'outstanding'],
      ['INV-0042', 48050, 0, 'outstanding'],
    ])

    const result = await importFile(app, fixture('invoice-ninja-payments.csv'), 'invoice-ninja-payments')
    expect(result).toMatchObject({ status: 'imported', imported: 2, paymentsLinked: 2, paymentsUnlinked: 0 })
    expect(await invoices(app, app.acme)).toEqual([
      ['INV-0041', 125000, 125000, 'paid'],
      ['INV-0042', 48050, 0, 'outstanding'],
    ])
    expect(await invoices(app, app.blueFinch)).toEqual([['INV-0043', 200000, 50000, 'partly_paid']])
    expect(await payments(app, app.acme)).toEqual([['0031', 'INV-0041']])
  })

  it('importing both files again adds nothing and changes nothing', async () => {
    app = await openImportApp()
    await importFile(app, fixture('invoice-ninja-invoices.csv'), 'invoice-ninja-invoices')
    await importFile(app, fixture('invoice-ninja-payments.csv'), 'invoice-ninja-payments')
    const before = await ledgerFingerprint(app)
    expect(await importFile(app, fixture('invoice-ninja-invoices.csv'), 'invoice-ninja-invoices')).toMatchObject({
      imported: 0,
      duplicates: 3,
      paymentsLinked: 0,
    })
    expect(await importFile(app, fixture('invoice-ninja-payments.csv'), 'invoice-ninja-payments')).toMatchObject({
      imported: 0,
      duplicates: 2,
      paymentsLinked: 0,
      paymentsUnlinked: 0,
    })
    expect(await ledgerFingerprint(app)).toEqual(before)
  })

  it('payments imported before their invoices are linked when the payments file is imported again', async () => {
    app = await openImportApp()
    expect(await importFile(app, fixture('invoice-ninja-payments.csv'), 'invoice-ninja-payments')).toMatchObject({
      imported: 2,
      paymentsLinked: 0,
      paymentsUnlinked: 2,
    })
    expect(await payments(app, app.acme)).toEqual([['0031', null]])
    await importFile(app, fixture('invoice-ninja-invoices.csv'), 'invoice-ninja-invoices')
    const totals = await monthTotals(app)
    expect(await importFile(app, fixture('invoice-ninja-payments.csv'), 'invoice-ninja-payments')).toMatchObject({
      imported: 0,
      duplicates: 2,
      paymentsLinked: 2,
      paymentsUnlinked: 0,
    })
    expect(await payments(app, app.acme)).toEqual([['0031', 'INV-0041']])
    expect(await invoices(app, app.blueFinch)).toEqual([['INV-0043', 200000, 50000, 'partly_paid']])
    expect(await monthTotals(app)).toEqual(totals)
  })
})

describe('one file with invoices and payments', () => {
  it('links payments above or below their invoice, never to another client’s invoice, and counts the rest', async () => {
    app = await openImportApp()
    const result = await importFile(app, fixture('generic-invoices-and-payments.csv'), 'generic')
    expect(result).toMatchObject({
      status: 'imported',
      imported: 8,
      duplicates: 0,
      paymentsLinked: 3,
      paymentsUnlinked: 2,
    })
    expect(await invoices(app, app.acme)).toEqual([['INV-0100', 80000, 80000, 'paid']])
    expect(await invoices(app, app.blueFinch)).toEqual([['INV-0200', 40000, 10000, 'partly_paid']])
    expect(await payments(app, app.acme)).toEqual([
      ['PAY-2', 'INV-0100'],
      ['PAY-6', null],
      ['PAY-1', 'INV-0100'], // named an invoice further down the file: written after it
      ['PAY-5', null], // INV-9999 is in no ledger
    ])
    // Blue Finch's PAY-4 names INV-0100, which is Acme's: not linked.
    expect(await payments(app, app.blueFinch)).toEqual([
      ['PAY-3', 'INV-0200'],
      ['PAY-4', null],
    ])
    expect(await monthTotals(app)).toEqual([
      { client: 'Acme Ltd', month: '2026-05', kind: 'invoice', amount_minor: 80000, minutes: 0, entries: 1 },
      { client: 'Acme Ltd', month: '2026-05', kind: 'payment', amount_minor: 89500, minutes: 0, entries: 4 },
      { client: 'Blue Finch Studio', month: '2026-05', kind: 'invoice', amount_minor: 40000, minutes: 0, entries: 1 },
      { client: 'Blue Finch Studio', month: '2026-05', kind: 'payment', amount_minor: 15000, minutes: 0, entries: 2 },
    ])

    const before = await ledgerFingerprint(app)
    expect(await importFile(app, fixture('generic-invoices-and-payments.csv'), 'generic')).toMatchObject({
      imported: 0,
      duplicates: 8,
      paymentsLinked: 0,
      paymentsUnlinked: 0,
    })
    expect(await ledgerFingerprint(app)).toEqual(before)
  })

  it('a payment naming an invoice entered by hand is linked to it', async () => {
    app = await openImportApp()
    const entry = {
      kind: 'invoice',
      entryDate: '2026-04-28',
      amountMinor: 80000,
      currency: 'USD',
      reference: 'INV-0100',
    }
    await call(app, 'ledger:save', { clientId: app.acme, entry })
    await call(app, 'ledger:save', {
      clientId: app.blueFinch,
      entry: { ...entry, reference: 'INV-0200', amountMinor: 10000 },
    })
    const result = await importFile(app, fixture('generic-invoices-and-payments.csv'), 'generic')
    // Acme's INV-0100 from the file is a second invoice with that number: payments go to the older one.
    expect(result).toMatchObject({ imported: 8, paymentsLinked: 3, paymentsUnlinked: 2 })
    expect(await invoices(app, app.acme)).toEqual([
      ['INV-0100', 80000, 80000, 'paid'],
      ['INV-0100', 80000, 0, 'outstanding'],
    ])
    expect(await invoices(app, app.blueFinch)).toEqual([
      ['INV-0200', 10000, 10000, 'paid'],
      ['INV-0200', 40000, 0, 'outstanding'],
    ])
  })

  it('the preview shows the invoice a payment pays', async () => {
    app = await openImportApp()
    const preview = await previewFile(app, fixture('generic-invoices-and-payments.csv'), 'generic')
    expect(preview.rows.map((r) => [r.entry?.kind, r.entry?.invoice])).toEqual([
      ['payment', 'INV-0100'],
      ['invoice', ''], // an invoice's own invoice column is not read
      ['payment', 'INV-0100'],
      ['invoice', ''],
      ['payment', 'INV-0200'],
      ['payment', 'INV-0100'],
      ['payment', 'INV-9999'],
      ['payment', ''],
    ])
  })
})

describe('import keys', () => {
  it('rows without an invoice column keep the keys they had, so earlier imports still deduplicate', async () => {
    app = await openImportApp()
    await importFile(app, fixture('invoice-ninja-payments.csv'), 'invoice-ninja-payments')
    await importFile(app, fixture('generic.csv'), 'generic')
    const keys = (await app.db.dataSource.query(
      'SELECT reference, import_key FROM ledger_entries ORDER BY id',
    )) as Array<{ reference: string; import_key: string }>
    // Pinned from the import as it was before payments were linked (commit a722aab).
    expect(keys.slice(0, 3)).toEqual(PINNED_KEYS)
  })
})

const PINNED_KEYS = [
  { reference: '0031', import_key: '7aac0f98fc33af404e0d7cd1519ff85cc72dfec39f9fb2cb3137b0192f4b9285' },
  { reference: '0032', import_key: '50129f5011cbfd1385e92990f8014fd536169adc0103b68647d9ca5dde590854' },
  { reference: 'INV-0001', import_key: '25fdfc85b20a9e4abd64ff8dd823ef33856bdd12d3614adc5c5e837f4bf20f08' },
]
