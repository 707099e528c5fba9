import { afterEach, describe, expect, it } from 'vitest'
import { costOfMinutes } from '../../electron/shared/money'
import { openTestApp, type TestApp } from '../support/temp-db'
import { TEST_ENGINE } from '../support/postgres/test-database'
import { monthSums } from '../../electron/main/features/ledger/figures-query'
import { sqliteEngine } from '../../electron/main/db/engine/sqlite-engine'
import { postgresEngine } from '../../electron/main/db/engine/postgres-engine'
import { touchpointDaySums, touchpointMinutesQuery } from '../../electron/main/db/touchpoint-minutes'

let app: TestApp | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

describe('costing time', () => {
  it('rounds minutes × rate ÷ 60 once, half away from zero', () => {
    expect(costOfMinutes(60, 9000)).toBe(9000) // an hour at 90.00
    expect(costOfMinutes(1, 9000)).toBe(150) // 9000 / 60 = 150 exactly
    expect(costOfMinutes(1, 30)).toBe(1) // 30 / 60 = 0.5 → 1
    expect(costOfMinutes(1, 29)).toBe(0) // 29 / 60 = 0.483 → 0
    expect(costOfMinutes(7, 10)).toBe(1) // 70 / 60 = 1.1667 → 1
    expect(costOfMinutes(9, 10)).toBe(2) // 90 / 60 = 1.5 → 2
    expect(costOfMinutes(-1, 30)).toBe(-1) // −0.5 → −1, away from zero
    expect(costOfMinutes(0, 12345)).toBe(0)
  })

  it('refuses a product too large to count exactly', () => {
    expect(() => costOfMinutes(Number.MAX_SAFE_INTEGER, 100)).toThrow(RangeError)
  })
})

describe('the monthly totals the triggers keep', () => {
  const insert = (client: number, kind: string, date: string, amount: number, minutes: number | null = null) =>
    `INSERT INTO ledger_entries (client_id, kind, entry_date, amount_minor, currency, minutes, created_at, updated_at) VALUES (${client}, '${kind}', '${date}', ${amount}, 'EUR', ${minutes === null ? 'NULL' : minutes}, '', '')`

  it('follow every insert, update and delete, and equal a GROUP BY over the entries', async () => {
    app = await openTestApp()
    const ds = app.db.dataSource
    const c = ((await app.call('clients:create', { name: 'Ada Quill' })) as { data: { id: number } }).data.id
    await ds.query(insert(c, 'invoice', '2026-01-31', 10000))
    await ds.query(insert(c, 'invoice', '2026-02-01', 5000))
    await ds.query(insert(c, 'time', '2026-01-15', 4500, 30))
    await ds.query("UPDATE ledger_entries SET entry_date = '2026-02-10' WHERE kind = 'time'")
    await ds.query("UPDATE ledger_entries SET amount_minor = 7000 WHERE entry_date = '2026-02-01'")
    await ds.query("DELETE FROM ledger_entries WHERE entry_date = '2026-01-31'")
    const totals = await ds.query(
      'SELECT month, kind, amount_minor, minutes, entries FROM ledger_month_totals WHERE entries <> 0 ORDER BY month, kind',
    )
    const grouped = await ds.query(
      'SELECT substr(entry_date, 1, 7) AS month, kind, sum(amount_minor) AS amount_minor, sum(COALESCE(minutes, 0)) AS minutes, count(*) AS entries FROM ledger_entries GROUP BY month, kind ORDER BY month, kind',
    )
    expect(totals).toEqual(grouped)
    expect(totals).toEqual([
      { month: '2026-02', kind: 'invoice', amount_minor: 7000, minutes: 0, entries: 1 },
      { month: '2026-02', kind: 'time', amount_minor: 4500, minutes: 30, entries: 1 },
    ])
  })
})

describe('undoing the ledger migration', () => {
  it('takes away the touchpoints’ rate and keeps the touchpoints', async () => {
    app = await openTestApp()
    const ds = app.db.dataSource
    const c = ((await app.call('clients:create', { name: 'Ada Quill' })) as { data: { id: number } }).data.id
    await ds.query(
      `INSERT INTO touchpoints (client_id, kind, occurred_on, who, minutes, rate_minor, created_at) VALUES (${c}, 'call', '2026-11-02', 'Ada', 20, 9000, '')`,
    )
    // TypeORM reads the table's columns on either engine.
    const columns = async () => {
      const runner = ds.createQueryRunner()
      try {
        return (await runner.getTable('touchpoints'))!.columns.map((col) => col.name)
      } finally {
        await runner.release()
      }
    }
    expect(await columns()).toContain('rate_minor')
    while ((await ds.query("SELECT name FROM migrations WHERE name = 'Ledger1763800000004'")).length > 0)
      await ds.undoLastMigration({ transaction: 'all' })
    expect(await columns()).not.toContain('rate_minor')
    expect(await ds.query('SELECT who, minutes FROM touchpoints')).toEqual([{ who: 'Ada', minutes: 20 }])
  })
})

describe('the ledger’s read paths (migration 0014)', () => {
  const plan = async (sql: string) =>
    ((await app!.db.dataSource.query(`EXPLAIN QUERY PLAN ${sql}`, [])) as { detail: string }[]).map((r) => r.detail)

  // Query plans and the schema's text are SQLite's own; on PostgreSQL the same migration makes the
  // same indexes (postgres-engine.test.ts) and the same figures (ledger-portfolio-property.test.ts).
  it.skipIf(TEST_ENGINE === 'postgres')(
    'sums a period’s client months client by client through their key, with no sort',
    async () => {
      app = await openTestApp()
      const steps = await plan(monthSums(sqliteEngine, false, true).replace(/\?/g, "'2026-01'"))
      expect(steps).toEqual(['SCAN c', 'SEARCH t USING PRIMARY KEY (client_id=? AND month>? AND month<?)'])
      const one = await plan(monthSums(sqliteEngine, true, false).replace(/\?/g, '1'))
      expect(one.join(' | ')).toContain('SEARCH t USING PRIMARY KEY (client_id=? AND month>? AND month<?)')
      expect(one.join(' | ')).not.toContain('TEMP B-TREE')
    },
  )

  // PostgreSQL's own index (migration 0019); SQLite's table is keyed so already (above).
  it.skipIf(TEST_ENGINE !== 'postgres')(
    'on PostgreSQL, reads a period’s client months from an index alone, never from the table',
    async () => {
      app = await openTestApp()
      const runner = app.db.dataSource.createQueryRunner()
      try {
        await runner.startTransaction()
        // Left to choose, the planner reads a table this small whole; barred from that, it shows
        // whether an index holds every column the sums read (index only) or not (index, then table).
        await runner.query('SET LOCAL enable_seqscan = off')
        await runner.query('SET LOCAL enable_bitmapscan = off')
        const plan = (await runner.query(`EXPLAIN ${monthSums(postgresEngine, false, true)}`, [
          '2026-01',
          '2026-12',
        ])) as {
          'QUERY PLAN': string
        }[]
        const steps = plan.map((r) => r['QUERY PLAN']).join('\n')
        expect(steps).toMatch(/Index Only Scan using idx_ledger_client_months_sums on ledger_client_months t/)
        expect(steps).not.toMatch(/(?<!Only )Index Scan using \w+ on ledger_client_months/)
      } finally {
        await runner.rollbackTransaction()
        await runner.release()
      }
    },
  )

  // SQLite's plans and schema text, as above.
  it.skipIf(TEST_ENGINE === 'postgres')(
    'finds entries by turnaround and by invoice through indexes holding only the entries that have one',
    async () => {
      app = await openTestApp()
      const ds = app.db.dataSource
      expect(await plan('SELECT id, kind FROM ledger_entries WHERE turnaround_id = 7')).toEqual([
        'SEARCH ledger_entries USING INDEX idx_ledger_turnaround (turnaround_id=?)',
      ])
      expect(await plan('SELECT id, kind FROM ledger_entries WHERE invoice_id = 7')).toEqual([
        'SEARCH ledger_entries USING INDEX idx_ledger_invoice (invoice_id=?)',
      ])
      const sql = (await ds.query(
        "SELECT sql FROM sqlite_master WHERE name IN ('idx_ledger_turnaround', 'idx_ledger_invoice') ORDER BY name",
      )) as { sql: string }[]
      expect(sql.map((r) => r.sql.replace(/\s+/g, ' ').trim())).toEqual([
        'CREATE INDEX "idx_ledger_invoice" ON "ledger_entries" ("invoice_id") WHERE invoice_id IS NOT NULL',
        'CREATE INDEX "idx_ledger_turnaround" ON "ledger_entries" ("turnaround_id") WHERE turnaround_id IS NOT NULL',
      ])
      // Deleting an invoice still lets go of the payment that settled it (the key's lookup uses the index).
      const c = ((await app.call('clients:create', { name: 'Ada Quill' })) as { data: { id: number } }).data.id
      await ds.query(
        `INSERT INTO ledger_entries (client_id, kind, entry_date, amount_minor, currency, reference, created_at, updated_at) VALUES (${c}, 'invoice', '2026-03-01', 5000, 'EUR', 'INV-1', '', '')`,
      )
      const invoice = (
        (await ds.query("SELECT id FROM ledger_entries WHERE reference = 'INV-1'")) as { id: number }[]
      )[0]!
      await ds.query(
        `INSERT INTO ledger_entries (client_id, kind, entry_date, amount_minor, currency, invoice_id, created_at, updated_at) VALUES (${c}, 'payment', '2026-03-09', 5000, 'EUR', ${invoice.id}, '', '')`,
      )
      await ds.query(`DELETE FROM ledger_entries WHERE id = ${invoice.id}`)
      expect(await ds.query('SELECT kind, invoice_id FROM ledger_entries')).toEqual([
        { kind: 'payment', invoice_id: null },
      ])
    },
  )

  it('undone, keys the client months by month again with every row kept', async () => {
    app = await openTestApp()
    const ds = app.db.dataSource
    const c = ((await app.call('clients:create', { name: 'Ada Quill' })) as { data: { id: number } }).data.id
    for (const [date, amount] of [
      ['2026-01-05', 100],
      ['2026-02-07', 250],
      ['2026-02-20', 50],
    ] as const)
      await ds.query(
        `INSERT INTO ledger_entries (client_id, kind, entry_date, amount_minor, currency, created_at, updated_at) VALUES (${c}, 'invoice', '${date}', ${amount}, 'EUR', '', '')`,
      )
    const months = 'SELECT client_id, month, invoice_minor, entries FROM ledger_client_months ORDER BY client_id, month'
    const kept = [
      { client_id: c, month: '2026-01', invoice_minor: 100, entries: 1 },
      { client_id: c, month: '2026-02', invoice_minor: 300, entries: 2 },
    ]
    expect(await ds.query(months)).toEqual(kept)
    // The primary key's columns in order, as each engine lists them.
    const keySql =
      TEST_ENGINE === 'postgres'
        ? `SELECT k.column_name AS name FROM information_schema.table_constraints c
             JOIN information_schema.key_column_usage k ON k.constraint_name = c.constraint_name AND k.table_schema = c.table_schema
             WHERE c.table_schema = current_schema() AND c.table_name = 'ledger_client_months' AND c.constraint_type = 'PRIMARY KEY'
             ORDER BY k.ordinal_position`
        : "SELECT name FROM pragma_table_info('ledger_client_months') WHERE pk > 0 ORDER BY pk"
    const key = async () => ((await ds.query(keySql)) as { name: string }[]).map((r) => r.name)
    expect(await key()).toEqual(['client_id', 'month'])
    // Undone with the migrations after it.
    while ((await ds.query("SELECT name FROM migrations WHERE name = 'LedgerReadPaths1763800000014'")).length > 0)
      await ds.undoLastMigration({ transaction: 'all' })
    expect(await key()).toEqual(['month', 'client_id'])
    expect(await ds.query(months)).toEqual(kept)
    // The triggers came back with the table: a new entry still reaches its client's month.
    await ds.query(
      `INSERT INTO ledger_entries (client_id, kind, entry_date, amount_minor, currency, created_at, updated_at) VALUES (${c}, 'invoice', '2026-01-09', 1, 'EUR', '', '')`,
    )
    expect(await ds.query(months)).toEqual([{ ...kept[0], invoice_minor: 101, entries: 2 }, kept[1]])
  })
})

describe('the touchpoints’ cost, read from one index (migration 0017)', () => {
  const explain = async (sql: string, parameters: unknown[]) =>
    ((await app!.db.dataSource.query(`EXPLAIN QUERY PLAN ${sql}`, parameters)) as { detail: string }[]).map(
      (r) => r.detail,
    )

  // Query plans are SQLite's own; on PostgreSQL the same migration makes the same index (checked below).
  it.skipIf(TEST_ENGINE === 'postgres')(
    'reads the ledger’s whole in client order and a period’s touchpoints client by client from the index alone, with no sort',
    async () => {
      app = await openTestApp()
      const m = app.db.dataSource.manager
      expect(await explain(...touchpointMinutesQuery(m, 'tp.clientId').getQueryAndParameters())).toEqual([
        'SCAN tp USING COVERING INDEX idx_touchpoints_client_day',
      ])
      const engine = sqliteEngine
      const days = '(client_id=? AND occurred_on>? AND occurred_on<?)'
      expect(await explain(touchpointDaySums(engine, false), ['2026-01-01', '2026-12-31'])).toEqual([
        expect.stringMatching(/^SCAN c\b/),
        `SEARCH tp USING COVERING INDEX idx_touchpoints_client_day ${days}`,
      ])
      expect(await explain(touchpointDaySums(engine, true), ['2026-01-01', '2026-12-31', 7])).toEqual([
        expect.stringMatching(/^SEARCH c USING INTEGER PRIMARY KEY/),
        `SEARCH tp USING COVERING INDEX idx_touchpoints_client_day ${days}`,
      ])
    },
  )

  // PostgreSQL's catalogue: on SQLite the plans above show the index at work.
  it.skipIf(TEST_ENGINE !== 'postgres')('has the same index on PostgreSQL, and not the two it replaced', async () => {
    app = await openTestApp()
    const indexes = (await app.db.dataSource.query(
      "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'touchpoints' AND schemaname = current_schema()",
    )) as { indexname: string; indexdef: string }[]
    const byName = new Map(indexes.map((i) => [i.indexname, i.indexdef]))
    expect(byName.get('idx_touchpoints_client_day')).toMatch(/\(client_id, occurred_on, minutes, rate_minor\)$/)
    expect(byName.has('idx_touchpoints_cost')).toBe(false)
    expect(byName.has('idx_touchpoints_client')).toBe(false)
  })
})
