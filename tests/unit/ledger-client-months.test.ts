/**
 * Each client's month in one row (ledger_client_months, migration 0013), on both engines: it
 * follows every insert, update, move and delete of an entry, an import's bulk path, and a client's
 * deletion, always equal to the same sums over the entries; every entry kind has its column; the
 * portfolio read from it gives the same figures as the entries summed by hand.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { CLIENT_MONTH_KINDS } from '../../electron/main/db/client-months'
import { ENTRY_KINDS } from '../../electron/shared/ledger/words'
import { clientMonthsAndEntries } from '../support/client-months'
import { fixture, importFile, openImportApp } from '../support/import-fixture'
import { openTestApp, type TestApp } from '../support/temp-db'

let app: TestApp | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

const insert = (client: number, kind: string, date: string, amount: number, minutes: number | null = null) =>
  `INSERT INTO ledger_entries (client_id, kind, entry_date, amount_minor, currency, minutes, created_at, updated_at) VALUES (${client}, '${kind}', '${date}', ${amount}, 'EUR', ${minutes === null ? 'NULL' : minutes}, '', '')`

const created = async (a: TestApp, name: string) =>
  ((await a.call('clients:create', { name })) as { data: { id: number } }).data.id

describe('the client months', () => {
  it('have a column for every kind of entry', () => {
    expect([...CLIENT_MONTH_KINDS]).toEqual([...ENTRY_KINDS])
  })

  it('follow every insert, update, move and delete, and equal the sums over the entries', async () => {
    app = await openTestApp()
    const ds = app.db.dataSource
    const ada = await created(app, 'Ada Quill')
    const bo = await created(app, 'Bo Vale')
    for (const kind of ENTRY_KINDS) await ds.query(insert(ada, kind, '2026-01-31', 1000 + kind.length))
    await ds.query(insert(ada, 'time', '2026-01-15', 4500, 30))
    await ds.query(insert(bo, 'invoice', '2026-02-01', 5000))
    await ds.query(insert(bo, 'payment', '2026-02-03', -250))
    await ds.query("UPDATE ledger_entries SET entry_date = '2026-02-10' WHERE kind = 'time' AND minutes = 30")
    await ds.query("UPDATE ledger_entries SET amount_minor = 7000 WHERE entry_date = '2026-02-01'")
    await ds.query("UPDATE ledger_entries SET kind = 'credit' WHERE kind = 'gift'")
    await ds.query(`UPDATE ledger_entries SET client_id = ${bo} WHERE kind = 'refund'`)
    await ds.query("DELETE FROM ledger_entries WHERE kind = 'material'")
    const { kept, summed } = await clientMonthsAndEntries(ds)
    expect(kept).toEqual(summed)
    expect(kept.find((r) => r.client_id === ada && r.month === '2026-02')).toMatchObject({
      time_minor: 4500,
      time_minutes: 30,
      entries: 1,
    })
    // A client deleted (the sample business is removed so) takes its entries and months with it.
    await ds.query(`DELETE FROM clients WHERE id = ${bo}`)
    const after = await clientMonthsAndEntries(ds)
    expect(after.kept).toEqual(after.summed)
    expect(after.kept.every((r) => r.client_id === ada)).toBe(true)
  })

  it('follow an import’s bulk path, and the writes after it', async () => {
    const imported = await openImportApp()
    app = imported
    const ds = app.db.dataSource
    await ds.query(insert(imported.acme, 'invoice', '2026-01-15', 700))
    expect((await importFile(imported, fixture('generic.csv'), 'generic')).imported).toBeGreaterThan(0)
    let both = await clientMonthsAndEntries(ds)
    expect(both.kept.length).toBeGreaterThan(1)
    expect(both.kept).toEqual(both.summed)
    await ds.query(insert(imported.acme, 'invoice', '2026-01-20', 300))
    expect((await importFile(imported, fixture('generic.csv'), 'generic')).imported).toBe(0)
    both = await clientMonthsAndEntries(ds)
    expect(both.kept).toEqual(both.summed)
  })
})
