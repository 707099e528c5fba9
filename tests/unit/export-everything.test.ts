/**
 * Export everything: one JSON file, readable without the app, holding every table of the sample
 * business (clients, turnarounds, issues, commitments, actions, touchpoints, letters, staff, ledger
 * entries, decisions...), with its format, schema version and export date. A ledger of a million
 * entries is written page by page: the heap grows by far less than the file's size.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { exportEverything, EXPORT_FORMAT } from '../../electron/main/features/backups/export-everything'
import { MIGRATION_NAMES } from '../../electron/main/db/migrations'
import type { Envelope } from '../../electron/shared/envelope'
import { BULK_IMPORT_SETTING } from '../../electron/main/db/engine/postgres-engine'
import { openTestApp, tempDir, TEST_ENGINE, type TestApp } from '../support/temp-db'

let app: TestApp | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

const TABLES = [
  'clients',
  'client_tags',
  'turnarounds',
  'turnaround_issues',
  'turnaround_actions',
  'commitments',
  'touchpoints',
  'letters',
  'letter_templates',
  'letterheads',
  'staff',
  'ledger_entries',
  'ledger_month_totals',
  'ledger_client_months',
  'client_decisions',
  'business_profile',
]

describe('export everything', () => {
  it('writes every table of the sample business to one JSON file, through the save dialog', async () => {
    app = await openTestApp()
    expect(await app.call('sample:load')).toMatchObject({ ok: true })
    await app.db.dataSource.query(
      "INSERT INTO ledger_entries (client_id, kind, entry_date, amount_minor, currency, minutes, created_at, updated_at, description) VALUES (1, 'invoice', '2026-10-01', 12345, 'GBP', NULL, '', '', 'Quote \"x\" & <b>y</b>')",
    )
    const target = path.join(tempDir(), 'everything')
    app.ports.nextSavePath = target
    const result = (await app.call('data:export-everything')) as Envelope<{
      saved: true
      file: string
      rows: Record<string, number>
    }>
    if (!result.ok) throw new Error(result.error.message)
    expect(result.data.file).toBe(`${target}.json`)
    expect(app.ports.saveDialogs.at(-1)).toMatchObject({ filters: [{ extensions: ['json'] }] })

    const parsed = JSON.parse(fs.readFileSync(result.data.file, 'utf8'))
    expect(parsed).toMatchObject({
      format: EXPORT_FORMAT,
      formatVersion: 1,
      schemaVersion: MIGRATION_NAMES.at(-1),
      exportedAt: '2026-11-22T09:30:00.000Z',
      appVersion: '0.0.0-test',
    })
    for (const table of TABLES) expect(Object.keys(parsed.tables), table).toContain(table)
    expect(parsed.tables.migrations).toBeUndefined()
    for (const [table, rows] of Object.entries(parsed.tables as Record<string, unknown[]>)) {
      const n = (await app.db.dataSource.query(`SELECT COUNT(*) AS n FROM "${table}"`))[0].n
      expect(rows, table).toHaveLength(n)
      expect(result.data.rows[table]).toBe(n)
    }
    expect(parsed.tables.clients.length).toBeGreaterThan(40)
    expect(parsed.tables.ledger_entries.at(-1)).toMatchObject({
      amount_minor: 12345,
      description: 'Quote "x" & <b>y</b>',
    })
    const fromDb = await app.db.dataSource.query(
      `SELECT * FROM clients ORDER BY ${TEST_ENGINE === 'postgres' ? 'id' : 'rowid'}`,
    )
    expect(parsed.tables.clients).toEqual(fromDb)
    expect(fs.readdirSync(path.dirname(result.data.file))).toEqual(['everything.json'])
  })

  it('streams a ledger of 1,000,000 entries without holding it in memory', async () => {
    app = await openTestApp()
    await app.call('clients:create', { name: 'Big Ledger Ltd', email: '' })
    if (TEST_ENGINE === 'postgres') {
      // In one transaction that adds the month totals itself, as an import does (a row trigger a
      // million times over would take minutes).
      const q = app.db.dataSource.createQueryRunner()
      await q.startTransaction()
      await q.query(`SELECT set_config('${BULK_IMPORT_SETTING}', 'on', true)`)
      await q.query(`INSERT INTO ledger_entries (client_id, kind, entry_date, amount_minor, currency, minutes, created_at, updated_at, description)
        SELECT 1, 'invoice', '2026-' || lpad((i % 12 + 1)::text, 2, '0') || '-' || lpad((i % 28 + 1)::text, 2, '0'), i % 10000 + 1, 'GBP', NULL, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', 'Entry ' || i
        FROM generate_series(1, 1000000) AS i`)
      await q.query(`INSERT INTO ledger_month_totals (client_id, month, kind, amount_minor, minutes, entries)
        SELECT client_id, substr(entry_date, 1, 7), kind, SUM(amount_minor), 0, COUNT(*) FROM ledger_entries GROUP BY 1, 2, 3`)
      await q.commitTransaction()
      await q.release()
    } else
      (app.db.dataSource.driver as unknown as { databaseConnection: import('better-sqlite3').Database })
        .databaseConnection.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000)
      INSERT INTO ledger_entries (client_id, kind, entry_date, amount_minor, currency, minutes, created_at, updated_at, description)
      SELECT 1, 'invoice', printf('2026-%02d-%02d', i % 12 + 1, i % 28 + 1), i % 10000 + 1, 'GBP', NULL, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', 'Entry ' || i FROM n`)
    const file = path.join(tempDir(), 'big.json')
    global.gc?.()
    const heapBefore = process.memoryUsage().heapUsed
    let peak = heapBefore
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 5)
    const started = Date.now()
    const rows = await exportEverything(app.db.dataSource, file, {
      exportedAt: new Date('2026-11-22T09:30:00Z'),
      appVersion: 'test',
    })
    clearInterval(sampler)
    const seconds = (Date.now() - started) / 1000
    const size = fs.statSync(file).size
    expect(rows.ledger_entries).toBe(1_000_000)
    const grown = peak - heapBefore
    console.log(
      `export everything: 1,000,000 ledger entries, ${(size / 1e6).toFixed(0)} MB written in ${seconds.toFixed(1)} s; heap grew by at most ${(grown / 1e6).toFixed(0)} MB`,
    )
    // Held whole, the rows as objects (or the text as one string) would take more than the file's size.
    expect(grown).toBeLessThan(size)
    // The file is whole: its end closes every bracket.
    const fd = fs.openSync(file, 'r')
    const tail = Buffer.alloc(64)
    fs.readSync(fd, tail, 0, 64, size - 64)
    fs.closeSync(fd)
    expect(tail.toString('utf8')).toMatch(/\]\n \}\n\}\n$/)
  }, 300_000)
})
