/**
 * Ledger figures at scale: 1,000,000 entries across 2,000 clients over 5 years. The portfolio for
 * the last 12 months and one client's page, through the app's own figures (monthly totals plus the
 * period's edges), beside a plain hand-written GROUP BY over the entries on better-sqlite3.
 * Then the same on PostgreSQL (the shared database): the same 1,000,000 entries in a schema of a
 * throwaway database, the app's figures beside the same GROUP BY by hand on `pg`, and beside the
 * SQLite figure of this run. Without PostgreSQL those figures are skipped, the reason printed.
 * And the window's cold start onto the client list of that large SQLite database.
 * A benchmark, not a test: it measures and records (see measure.ts); it asserts nothing about time.
 */
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, it } from 'vitest'
import {
  DATABASE_FILE_NAME,
  PAGE_CACHE_KIB,
  openDatabase,
  type OpenedDatabase,
} from '../../electron/main/db/open-database'
import { ProfileService } from '../../electron/main/features/profile/profile-service'
import { createLedgerServices, type LedgerServices } from '../../electron/main/features/ledger/ledger-handlers'
import { periodOf } from '../../electron/shared/ledger/periods'
import { costOfMinutes } from '../../electron/shared/money'
import { ENTRY_KINDS } from '../../electron/shared/ledger/words'
import { tempDir } from '../support/temp-db'
import { launchBrowser, startApp } from '../e2e/support/app-harness'
import { firstRowVisible } from './first-row'
import type pg from 'pg'
import { median, record, sample } from './measure'
import { prng, seedClients } from './seed'
import { openPostgresDatabase } from '../../electron/main/db/open-postgres'
import { BULK_IMPORT_SETTING } from '../../electron/main/db/engine/postgres-engine'
import { addMonthTotalsSql } from '../../electron/main/db/client-months'
import { numberedPlaceholders } from '../support/postgres/test-database'
import { benchPostgres, type BenchPostgres } from './postgres'
import { ledgerTotalMinor } from '../../electron/main/db/ledger-total'

const CLIENTS = 2000
const ENTRIES = 1_000_000
const NOW = new Date(2026, 10, 22, 12, 0)
const TODAY = '2026-11-22'
const FIRST_DAY = Date.UTC(2021, 10, 23) // five years back
const DAYS = 5 * 365
const RUNS = 15
const CLIENT_ID = 42
/** Cold starts of the window on this database, each way. */
const COLD_STARTS = 5

let dir = ''
let opened: OpenedDatabase | undefined
let raw: Database.Database | undefined
let ledger: LedgerServices
let postgres: BenchPostgres | null = null
let pgOpened: OpenedDatabase | undefined
let pgRaw: pg.Client | undefined
let pgLedger: LedgerServices | undefined
/** This run's SQLite medians, the PostgreSQL figures' second baseline. */
const sqliteMedians = new Map<string, number>()

type EntryRow = [
  client: number,
  kind: string,
  date: string,
  amount: number,
  worker: string,
  minutes: number | null,
  rate: number | null,
]

/** The 1,000,000 entries, the same every run (and on both engines). */
function* entryRows(): Generator<EntryRow> {
  const random = prng(20261129)
  // Big clients and a long tail: client weight ~ 1 / rank.
  const weights = Array.from({ length: CLIENTS }, (_, i) => 1 / (i + 1))
  const sum = weights.reduce((a, b) => a + b, 0)
  const cumulative: number[] = []
  weights.reduce((acc, w) => (cumulative.push((acc + w) / sum), acc + w), 0)
  const pickClient = () => {
    const r = random()
    let lo = 0
    let hi = CLIENTS - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if ((cumulative[mid] ?? 1) < r) lo = mid + 1
      else hi = mid
    }
    return lo + 1
  }
  for (let i = 0; i < ENTRIES; i++) {
    const kind = ENTRY_KINDS[Math.floor(random() * random() * ENTRY_KINDS.length)] ?? 'invoice'
    const date = new Date(FIRST_DAY + Math.floor(random() * DAYS) * 86_400_000).toISOString().slice(0, 10)
    if (kind === 'time') {
      const minutes = 15 + Math.floor(random() * 240)
      yield [pickClient(), kind, date, costOfMinutes(minutes, 6000), 'Ada', minutes, 6000]
    } else yield [pickClient(), kind, date, 1000 + Math.floor(random() * 200000), '', null, null]
  }
}

const INSERT_COLUMNS =
  'INSERT INTO ledger_entries (client_id, kind, entry_date, amount_minor, worker, minutes, rate_minor, description, currency, created_at, updated_at) VALUES '

/** 1,000,000 entries in one transaction with prepared statements; the triggers fill the monthly totals and client months. */
function seedEntries(file: string): void {
  const db = new Database(file)
  const insert = db.prepare(`${INSERT_COLUMNS}(?, ?, ?, ?, ?, ?, ?, '', 'GBP', '', '')`)
  db.transaction(() => {
    for (const row of entryRows()) insert.run(...row)
  })()
  db.close()
}

/**
 * The same 1,000,000 entries on PostgreSQL, in one transaction of multi-row INSERTs (2,000 rows a
 * statement). The month totals and client months are added as the app's import adds them on
 * PostgreSQL: its transaction-local setting turns the row triggers off, and the totals are summed in
 * the same transaction (the trigger a million times over would take minutes).
 */
async function seedEntriesPostgres(client: pg.Client): Promise<void> {
  const BATCH = 2000
  const flush = async (rows: EntryRow[]) => {
    const values = rows.map(
      (_, r) => `(${Array.from({ length: 7 }, (_, c) => `$${r * 7 + c + 1}`).join(', ')}, '', 'GBP', '', '')`,
    )
    await client.query(`${INSERT_COLUMNS}${values.join(', ')}`, rows.flat())
  }
  await client.query('BEGIN')
  await client.query(`SELECT set_config('${BULK_IMPORT_SETTING}', 'on', true)`)
  let rows: EntryRow[] = []
  for (const row of entryRows()) {
    rows.push(row)
    if (rows.length === BATCH) {
      await flush(rows)
      rows = []
    }
  }
  if (rows.length > 0) await flush(rows)
  await client.query(`INSERT INTO ledger_month_totals (client_id, month, kind, amount_minor, minutes, entries)
    SELECT client_id, substr(entry_date, 1, 7), kind, SUM(amount_minor), SUM(COALESCE(minutes, 0)), COUNT(*)
    FROM ledger_entries GROUP BY 1, 2, 3`)
  await client.query(
    addMonthTotalsSql('SELECT client_id, month, kind, amount_minor, minutes, entries FROM ledger_month_totals'),
  )
  await client.query('COMMIT')
  // As autovacuum would after so many inserts: statistics, and the visibility map that lets an index
  // be read alone (migration 0019).
  await client.query('VACUUM ANALYZE ledger_entries')
  await client.query('VACUUM ANALYZE ledger_month_totals')
  await client.query('VACUUM ANALYZE ledger_client_months')
}

const PROFILE = {
  businessName: 'Bench',
  ownerName: 'Ada',
  address: '',
  email: '',
  phone: '',
  currency: 'GBP',
  locale: '',
  hourlyWorthMinor: 6000,
  logoDataUrl: null,
}

beforeAll(async () => {
  const started = performance.now()
  dir = tempDir('turnaround-bench-ledger-')
  const file = path.join(dir, DATABASE_FILE_NAME)
  const seeding = await openDatabase({ file })
  await seedClients(seeding.dataSource, CLIENTS)
  await new ProfileService({ manager: seeding.dataSource.manager, now: () => NOW }).save(PROFILE)
  await seeding.dataSource.destroy()
  seedEntries(file)
  opened = await openDatabase({ file })
  raw = new Database(file, { readonly: true, fileMustExist: true })
  // The hand-written baseline reads with the same page cache as the app's connection.
  raw.pragma(`cache_size = -${PAGE_CACHE_KIB}`)
  ledger = createLedgerServices({
    manager: opened.dataSource.manager,
    now: () => NOW,
    chooseSavePath: async () => null,
  })
  const totals = raw.prepare('SELECT COUNT(*) AS n FROM ledger_month_totals').get() as { n: number }
  console.log(
    `(seeded ${CLIENTS} clients and ${ENTRIES} entries, ${totals.n} monthly total rows, in ${(performance.now() - started).toFixed(0)} ms)`,
  )
  await seedPostgres()
})

/** The same clients, profile and entries in a schema of the run's PostgreSQL database. */
async function seedPostgres(): Promise<void> {
  postgres = await benchPostgres()
  if (!postgres) return
  const started = performance.now()
  const schema = `bench_ledger_${process.pid}`
  pgOpened = await openPostgresDatabase(await postgres.settings(schema))
  await seedClients(pgOpened.dataSource, CLIENTS)
  await new ProfileService({ manager: pgOpened.dataSource.manager, now: () => NOW }).save(PROFILE)
  pgRaw = await postgres.client(schema)
  await seedEntriesPostgres(pgRaw)
  pgLedger = createLedgerServices({
    manager: pgOpened.dataSource.manager,
    now: () => NOW,
    chooseSavePath: async () => null,
  })
  const totals = (await pgRaw.query('SELECT COUNT(*) AS n FROM ledger_month_totals')).rows[0] as { n: number }
  console.log(
    `(PostgreSQL: seeded ${CLIENTS} clients and ${ENTRIES} entries, ${totals.n} monthly total rows, in ${(performance.now() - started).toFixed(0)} ms)`,
  )
}

afterAll(async () => {
  await pgRaw?.end()
  await pgOpened?.dataSource.destroy()
  await postgres?.drop()
  raw?.close()
  await opened?.dataSource.destroy()
  if (dir) fs.rmSync(dir, { recursive: true, force: true })
})

const GROUP_BY = `SELECT client_id, kind, SUM(amount_minor) AS amount, SUM(COALESCE(minutes, 0)) AS minutes
  FROM ledger_entries WHERE entry_date BETWEEN ? AND ? GROUP BY client_id, kind`
const GROUP_BY_CLIENT = `SELECT kind, SUM(amount_minor) AS amount, SUM(COALESCE(minutes, 0)) AS minutes
  FROM ledger_entries WHERE client_id = ? AND entry_date BETWEEN ? AND ? GROUP BY kind`

function check(name: string, ours: number, theirs: number): void {
  if (ours !== theirs) throw new Error(`${name}: the figures and the plain GROUP BY disagree (${ours} vs ${theirs})`)
}

describe('ledger benchmarks', () => {
  const period = periodOf('ttm', TODAY)

  it('ledger.portfolio-12-months', async () => {
    const plain = raw!.prepare(GROUP_BY)
    const ours = await ledger.figures.portfolio(period)
    const rows = plain.all(period.from, period.to) as Array<{ kind: string; amount: number }>
    check(
      'revenue',
      ours.totals.revenueMinor,
      rows.filter((r) => r.kind === 'invoice').reduce((a, r) => a + r.amount, 0),
    )
    console.log(
      `(portfolio ${period.from}..${period.to}: ${ours.clients.length} clients, ${rows.length} groups in the plain GROUP BY)`,
    )
    const baseline = await sample(RUNS, () => plain.all(period.from, period.to))
    const measured = await sample(RUNS, () => ledger.figures.portfolio(period))
    record({
      name: 'ledger.group-by-12-months (plain SQL over the entries)',
      unit: 'ms',
      median: median(baseline),
      runs: RUNS,
      samples: baseline,
    })
    record({
      name: 'ledger.portfolio-12-months',
      unit: 'ms',
      median: median(measured),
      runs: RUNS,
      samples: measured,
      ratio: median(measured) / median(baseline),
      baseline: 'plain GROUP BY over the entries',
    })
    sqliteMedians.set('portfolio', median(measured))
  })

  it('ledger.client-page', async () => {
    const plain = raw!.prepare(GROUP_BY_CLIENT)
    const ours = await ledger.figures.client(CLIENT_ID, period)
    const rows = plain.all(CLIENT_ID, period.from, period.to) as Array<{ kind: string; amount: number }>
    check(
      'client revenue',
      ours.figures.revenueMinor,
      rows.filter((r) => r.kind === 'invoice').reduce((a, r) => a + r.amount, 0),
    )
    const entries = raw!.prepare('SELECT COUNT(*) AS n FROM ledger_entries WHERE client_id = ?').get(CLIENT_ID) as {
      n: number
    }
    console.log(`(client ${CLIENT_ID}: ${entries.n} entries in all)`)
    const baseline = await sample(RUNS, () => plain.all(CLIENT_ID, period.from, period.to))
    const measured = await sample(RUNS, async () => {
      await ledger.figures.client(CLIENT_ID, period)
      await ledger.figures.months(CLIENT_ID, 24)
    })
    record({
      name: 'ledger.client-group-by (plain SQL over the entries)',
      unit: 'ms',
      median: median(baseline),
      runs: RUNS,
      samples: baseline,
    })
    record({
      name: 'ledger.client-page (figures for 12 months and 24 monthly points)',
      unit: 'ms',
      median: median(measured),
      runs: RUNS,
      samples: measured,
      ratio: median(measured) / median(baseline),
      baseline: 'plain GROUP BY over the client’s entries',
    })
    sqliteMedians.set('client', median(measured))
  })

  it('renderer.cold-start.ledger', async () => {
    // The window opened on the client list of this data folder, whose database (1,000,000 entries)
    // is read whole by the check before it opens: on a thread of its own while the window loads its
    // page (the app's way, integrity-thread.ts), against the way before it, the file checked on main's
    // thread and opened before the page is made, in turns.
    const megabytes = fs.statSync(path.join(dir, DATABASE_FILE_NAME)).size / 1024 / 1024
    const browser = await launchBrowser()
    const coldStart = async (checkOnMain: boolean): Promise<number> => {
      const started = performance.now()
      const app = await startApp(browser, { dataDir: dir, openAt: '/clients', checkOnMain })
      try {
        await firstRowVisible(app.page)
        return performance.now() - started
      } finally {
        await app.close()
      }
    }
    try {
      // The first start of the day takes the day's backup: not what is measured.
      await coldStart(false)
      const aside: number[] = []
      const onMain: number[] = []
      for (let run = 0; run < COLD_STARTS; run++)
        for (const checkOnMain of run % 2 === 0 ? [false, true] : [true, false])
          (checkOnMain ? onMain : aside).push(await coldStart(checkOnMain))
      const ON_MAIN = 'renderer.cold-start.ledger, checked on main’s thread before the page'
      record({ name: ON_MAIN, unit: 'ms', median: median(onMain), runs: onMain.length, samples: onMain })
      record({
        name: `renderer.cold-start.ledger (a ${megabytes.toFixed(0)} MB database, checked beside the window)`,
        unit: 'ms',
        median: median(aside),
        runs: aside.length,
        samples: aside,
        ratio: median(aside) / median(onMain),
        baseline: ON_MAIN,
      })
    } finally {
      await browser.close()
    }
  })
})

/** Records a PostgreSQL figure with its ratio to the same figure on SQLite in this run. */
function recordVersusSqlite(name: string, times: number[], sqliteKey: string): void {
  const sqlite = sqliteMedians.get(sqliteKey)
  if (!sqlite) return
  record({
    name: `${name} on PostgreSQL, beside SQLite`,
    unit: 'ms',
    median: median(times),
    runs: times.length,
    ratio: median(times) / sqlite,
    baseline: `SQLite’s ${sqlite.toFixed(1)} ms in this run`,
  })
}

describe('ledger benchmarks on PostgreSQL', () => {
  const period = periodOf('ttm', TODAY)

  it('ledger.portfolio-12-months on PostgreSQL', async ({ skip }) => {
    if (!pgLedger || !pgRaw) return skip()
    const plain = numberedPlaceholders(GROUP_BY)
    const ours = await pgLedger.figures.portfolio(period)
    const rows = (await pgRaw.query(plain, [period.from, period.to])).rows as Array<{ kind: string; amount: number }>
    check(
      'PostgreSQL revenue',
      ours.totals.revenueMinor,
      rows.filter((r) => r.kind === 'invoice').reduce((a, r) => a + r.amount, 0),
    )
    const baseline = await sample(RUNS, () => pgRaw!.query(plain, [period.from, period.to]))
    const measured = await sample(RUNS, () => pgLedger!.figures.portfolio(period))
    record({
      name: 'ledger.group-by-12-months on PostgreSQL (plain SQL over the entries)',
      unit: 'ms',
      median: median(baseline),
      runs: RUNS,
      samples: baseline,
    })
    record({
      name: 'ledger.portfolio-12-months on PostgreSQL',
      unit: 'ms',
      median: median(measured),
      runs: RUNS,
      samples: measured,
      ratio: median(measured) / median(baseline),
      baseline: 'plain GROUP BY over the entries on PostgreSQL',
    })
    recordVersusSqlite('ledger.portfolio-12-months', measured, 'portfolio')
  })

  it('ledger.client-page on PostgreSQL', async ({ skip }) => {
    if (!pgLedger || !pgRaw) return skip()
    const plain = numberedPlaceholders(GROUP_BY_CLIENT)
    const ours = await pgLedger.figures.client(CLIENT_ID, period)
    const rows = (await pgRaw.query(plain, [CLIENT_ID, period.from, period.to])).rows as Array<{
      kind: string
      amount: number
    }>
    check(
      'PostgreSQL client revenue',
      ours.figures.revenueMinor,
      rows.filter((r) => r.kind === 'invoice').reduce((a, r) => a + r.amount, 0),
    )
    const baseline = await sample(RUNS, () => pgRaw!.query(plain, [CLIENT_ID, period.from, period.to]))
    const measured = await sample(RUNS, async () => {
      await pgLedger!.figures.client(CLIENT_ID, period)
      await pgLedger!.figures.months(CLIENT_ID, 24)
    })
    record({
      name: 'ledger.client-group-by on PostgreSQL (plain SQL over the entries)',
      unit: 'ms',
      median: median(baseline),
      runs: RUNS,
      samples: baseline,
    })
    record({
      name: 'ledger.client-page on PostgreSQL (figures for 12 months and 24 monthly points)',
      unit: 'ms',
      median: median(measured),
      runs: RUNS,
      samples: measured,
      ratio: median(measured) / median(baseline),
      baseline: 'plain GROUP BY over the client’s entries on PostgreSQL',
    })
    recordVersusSqlite('ledger.client-page', measured, 'client')
  })
})

/** The touchpoints the last figures add: complaint handling over the same five years, at three rates. */
const TOUCHPOINTS = 100_000
const TOUCHPOINT_COLUMNS = 'client_id, kind, occurred_on, who, minutes, summary, created_at, rate_minor'
/** The n-th touchpoint's values as SQL expressions of `n` (the same rows on both engines). */
const touchpointValues = (day: string) =>
  `1 + (n * 7919) % ${CLIENTS}, 'call', ${day}, 'Ada', 5 + (n % 56), '', '', 4500 + 1500 * (n % 3)`

async function seedTouchpoints(): Promise<void> {
  const sqlite = new Database(path.join(dir, DATABASE_FILE_NAME))
  sqlite.exec(`WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < ${TOUCHPOINTS})
    INSERT INTO touchpoints (${TOUCHPOINT_COLUMNS})
    SELECT ${touchpointValues(`date('2021-11-23', '+' || ((n * 13) % ${DAYS}) || ' days')`)} FROM s`)
  sqlite.close()
  await pgRaw?.query(`INSERT INTO touchpoints (${TOUCHPOINT_COLUMNS})
    SELECT ${touchpointValues(`to_char(date '2021-11-23' + ((n * 13) % ${DAYS})::int, 'YYYY-MM-DD')`)} FROM generate_series(1, ${TOUCHPOINTS}) AS n`)
  // As autovacuum would after so many inserts: the visibility map lets an index be read alone.
  await pgRaw?.query('VACUUM ANALYZE touchpoints')
}

/**
 * The same portfolio once the ledger also holds 100,000 touchpoints (the time complaints took, costed
 * per client and rate), and the check of the ledger's whole that every entry, touchpoint and letter
 * saved makes inside its transaction (ledger-total.ts), on each engine.
 */
describe('ledger benchmarks with 100,000 touchpoints', () => {
  const period = periodOf('ttm', TODAY)

  it('ledger.portfolio-12-months with touchpoints, and the check of the whole', async () => {
    await seedTouchpoints()
    const engines = [
      { engine: 'SQLite', services: ledger, manager: opened!.dataSource.manager },
      ...(pgLedger ? [{ engine: 'PostgreSQL', services: pgLedger, manager: pgOpened!.dataSource.manager }] : []),
    ]
    for (const { engine, services, manager } of engines) {
      const on = engine === 'SQLite' ? '' : ' on PostgreSQL'
      const portfolio = await sample(RUNS, () => services.figures.portfolio(period))
      record({
        name: `ledger.portfolio-12-months with ${TOUCHPOINTS.toLocaleString('en')} touchpoints${on}`,
        unit: 'ms',
        median: median(portfolio),
        runs: RUNS,
        samples: portfolio,
        ratio: median(portfolio) / 30,
        baseline: 'the aim of 30 ms',
      })
      const whole = await sample(RUNS, () => ledgerTotalMinor(manager))
      record({
        name: `ledger.whole-check (each write adding to the ledger), ${TOUCHPOINTS.toLocaleString('en')} touchpoints${on}`,
        unit: 'ms',
        median: median(whole),
        runs: RUNS,
        samples: whole,
      })
    }
  })
})
