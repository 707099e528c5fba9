/**
 * Moving this computer's data into an empty shared database (PostgreSQL only, unit-pg): every table
 * copied in one transaction, counts and checksums verified, the SQLite file only read; the copy
 * then works as the app's data (the same clients and portfolio, new records get new ids); a
 * database that already holds data is refused with nothing written.
 */
import crypto from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import type { DataSource } from 'typeorm'
import { engineOf } from '../../electron/main/db/engine'
import { moveToPostgres } from '../../electron/main/db/move-to-postgres'
import type { Envelope } from '../../electron/shared/envelope'
import { openTestApp, tempDir, type TestApp } from '../support/temp-db'

let apps: TestApp[] = []
afterEach(async () => {
  for (const a of apps) await a.close()
  apps = []
})

async function open(engine: 'sqlite' | 'postgres', dir = tempDir()): Promise<TestApp> {
  const app = await openTestApp(dir, undefined, {}, engine)
  apps.push(app)
  return app
}

async function ok<T>(app: TestApp, channel: string, input?: unknown): Promise<T> {
  const e = (await app.call(channel, input)) as Envelope<T>
  if (!e.ok) throw new Error(`${channel}: ${e.error.message}`)
  return e.data
}

async function fingerprint(ds: DataSource): Promise<string> {
  const hash = crypto.createHash('sha256')
  const engine = engineOf(ds)
  await engine.readPages(ds, await engine.dataTables(ds), 2000, async (t, rows) => {
    hash.update(t).update(JSON.stringify(rows))
  })
  return hash.digest('hex')
}

/** This computer: the sample business, and a payment that settles an invoice (a row naming another of its table). */
async function localData(): Promise<TestApp> {
  const local = await open('sqlite')
  await ok(local, 'sample:load')
  const [client] = (await local.db.dataSource.query('SELECT id FROM clients ORDER BY id LIMIT 1')) as Array<{
    id: number
  }>
  const currency = (
    (await local.db.dataSource.query('SELECT currency FROM business_profile')) as Array<{ currency: string }>
  )[0]!.currency
  const invoice = await ok<{ id: number }>(local, 'ledger:save', {
    clientId: client!.id,
    entry: {
      kind: 'invoice',
      entryDate: '2026-11-02',
      description: 'Reprint',
      currency,
      amountMinor: 9000,
      reference: 'INV-7',
    },
  })
  await ok(local, 'ledger:save', {
    clientId: client!.id,
    entry: {
      kind: 'payment',
      entryDate: '2026-11-10',
      description: 'Paid',
      currency,
      amountMinor: 9000,
      invoiceId: invoice.id,
    },
  })
  return local
}

describe('moving my data to the shared database', () => {
  it('copies every table in one transaction, verifies counts and checksums, and leaves the file as it was', async () => {
    const local = await localData()
    const before = await fingerprint(local.db.dataSource)
    const sharedDir = tempDir()
    const shared = await open('postgres', sharedDir)

    const report = await moveToPostgres(local.db.dataSource, shared.db.dataSource)

    for (const t of report.tables) {
      const count = async (ds: DataSource) =>
        Number(((await ds.query(`SELECT COUNT(*) AS n FROM "${t.table}"`)) as Array<{ n: number }>)[0]!.n)
      const n = await count(local.db.dataSource)
      const m = await count(shared.db.dataSource)
      expect([t.rows, m], t.table).toEqual([n, n])
      expect(t.checksum).toMatch(/^[0-9a-f]{16}$/)
    }
    expect(report.tables.find((t) => t.table === 'clients')!.rows).toBeGreaterThan(40)
    expect(report.rows).toBeGreaterThan(1000)
    // The file was only read.
    expect(await fingerprint(local.db.dataSource)).toBe(before)

    // The shared copy is the same data to the app: clients, the portfolio, the payment's invoice.
    const period = { preset: 'ttm' }
    expect(await ok(shared, 'clients:list', { limit: 200 })).toEqual(await ok(local, 'clients:list', { limit: 200 }))
    expect(await ok(shared, 'ledger:portfolio', { period })).toEqual(await ok(local, 'ledger:portfolio', { period }))
    const [payment] = (await shared.db.dataSource.query(
      "SELECT invoice_id FROM ledger_entries WHERE kind = 'payment' AND description = 'Paid'",
    )) as Array<{ invoice_id: number }>
    expect(payment!.invoice_id).not.toBeNull()
    // New records continue after the copied ids.
    const maxId = Number(
      ((await shared.db.dataSource.query('SELECT MAX(id) AS "maxId" FROM clients')) as Array<{ maxId: number }>)[0]!
        .maxId,
    )
    expect((await ok<{ id: number }>(shared, 'clients:create', { name: 'New After The Move' })).id).toBe(maxId + 1)
  }, 180_000)

  it('refuses a shared database that already holds data, writing nothing', async () => {
    const shared = await open('postgres')
    await ok(shared, 'clients:create', { name: 'Already Here Ltd' })
    const local = await localData()
    await expect(moveToPostgres(local.db.dataSource, shared.db.dataSource)).rejects.toThrow(/already holds data/)
    expect(await shared.db.dataSource.query('SELECT name FROM clients')).toEqual([{ name: 'Already Here Ltd' }])
  }, 180_000)
})
