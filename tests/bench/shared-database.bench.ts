/**
 * The shared database's own figures, on PostgreSQL beside SQLite in the same run:
 * - a ledger import of a generated CSV (200,000 rows unless BENCH_IMPORT_ROWS says otherwise)
 *   through the app's import service, in this process, on each engine;
 * - a write's round trip as a second desktop sees it: two app instances on one schema, the write
 *   through one's dispatcher, timed until the other's change listener hands the change on, beside
 *   the same write's own time on PostgreSQL and on SQLite.
 * Without PostgreSQL the figures are skipped with the reason printed. A benchmark, not a test: it
 * measures and records (see measure.ts); it asserts nothing about time.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { DataSource } from 'typeorm'
import { afterAll, beforeAll, describe, it } from 'vitest'
import { listenForChanges, type ChangeListener } from '../../electron/main/db/change-feed'
import { engineOf } from '../../electron/main/db/engine'
import type { PostgresSettings } from '../../electron/main/db/engine/postgres-engine'
import { DATABASE_FILE_NAME, openDatabase, type OpenedDatabase } from '../../electron/main/db/open-database'
import { openPostgresDatabase } from '../../electron/main/db/open-postgres'
import type { AppContext } from '../../electron/main/features/handlers'
import { LedgerImportService } from '../../electron/main/features/ledger-import/import-service'
import { ProfileService } from '../../electron/main/features/profile/profile-service'
import type { ChangeArea } from '../../electron/shared/live/events'
import { PRESETS, resolvePreset } from '../../electron/shared/ledger-import/presets'
import { headlessDispatcher } from '../support/headless-app'
import { tempDir } from '../support/temp-db'
import { writeLedgerCsv } from './ledger-csv'
import { median, record, sample } from './measure'
import { benchPostgres, type BenchPostgres } from './postgres'
import { BUILT_READER_FILE } from '../e2e/support/paths'

const IMPORT_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 200_000)
const IMPORT_RUNS = Number(process.env.BENCH_RUNS ?? 1)
const CLIENTS = 2_000
const ROUND_TRIPS = 30
const NOW = new Date('2026-11-22T09:30:00Z')

let dir = ''
let csv = ''
let postgres: BenchPostgres | null = null
const opened: OpenedDatabase[] = []
const listeners: ChangeListener[] = []
const clientNames = Array.from({ length: CLIENTS }, (_, i) => `Bench Client ${String(i + 1).padStart(4, '0')}`)

beforeAll(async () => {
  dir = tempDir('turnaround-bench-shared-')
  csv = path.join(dir, 'ledger.csv')
  writeLedgerCsv(csv, clientNames, IMPORT_ROWS)
  postgres = await benchPostgres()
})

afterAll(async () => {
  for (const l of listeners) await l.stop()
  for (const o of opened) await o.dataSource.destroy()
  await postgres?.drop()
  if (dir) fs.rmSync(dir, { recursive: true, force: true })
})

const keep = (o: OpenedDatabase) => (opened.push(o), o)
let schemas = 0
const newSchema = () => `bench_shared_${process.pid}_${++schemas}`

async function openSqlite(): Promise<OpenedDatabase> {
  return keep(await openDatabase({ file: path.join(tempDir('turnaround-bench-shared-'), DATABASE_FILE_NAME) }))
}

async function openPostgres(settings: PostgresSettings): Promise<OpenedDatabase> {
  return keep(await openPostgresDatabase(settings))
}

/** What the import needs first: the profile, the clients by name, a worker with a cost rate. */
async function seedImportTarget(dataSource: DataSource): Promise<void> {
  await new ProfileService({ manager: dataSource.manager, now: () => NOW }).save({
    businessName: 'Bench Print',
    ownerName: 'Maya Okafor',
    address: '',
    email: '',
    phone: '',
    currency: 'USD',
    locale: '',
    hourlyWorthMinor: 9000,
    logoDataUrl: null,
  })
  const p = engineOf(dataSource).param
  await dataSource.transaction(async (m) => {
    for (const name of clientNames)
      await m.query(
        `INSERT INTO clients (name, status, name_key, search_text, created_at, updated_at) VALUES (${p(1)}, 'active', ${p(2)}, ${p(3)}, '', '')`,
        [name, name.toLowerCase(), name.toLowerCase()],
      )
    await m.query(
      "INSERT INTO staff (name, cost_rate_minor, created_at, updated_at) VALUES ('Priya Shah', 6000, '', '')",
    )
  })
}

/** One import of the CSV through the app's import service; its wall-clock time in ms. */
async function importOnce(dataSource: DataSource): Promise<number> {
  const service = new LedgerImportService({
    manager: dataSource.manager,
    now: () => NOW,
    chooseOpenFile: async () => csv,
    sendProgress: () => {},
    readerFile: BUILT_READER_FILE,
  })
  const started = performance.now()
  const chosen = await service.open(csv)
  const result = await service.run(
    chosen.token,
    {
      source: 'generic',
      fields: resolvePreset(PRESETS.generic, chosen.headers),
      kind: null,
      dateFormat: 'YYYY-MM-DD',
      createClients: false,
    },
    'stop',
  )
  const ms = performance.now() - started
  if (result.status !== 'imported' || result.imported !== IMPORT_ROWS)
    throw new Error(`the import did not write every row: ${JSON.stringify(result).slice(0, 500)}`)
  return ms
}

/** An app instance (a desktop) on `dataSource`: its real handlers behind its real dispatcher. */
function desktop(dataSource: DataSource) {
  const ctx: AppContext = { dataSource, dataDir: '', databaseFile: '', version: 'bench', deskId: crypto.randomUUID() }
  const dispatcher = headlessDispatcher(ctx, () => NOW)
  return {
    deskId: ctx.deskId!,
    call: async (channel: string, input: unknown) => {
      const answer = (await dispatcher.dispatch({ url: '' }, channel, input)) as { ok: boolean }
      if (!answer.ok) throw new Error(`${channel}: ${JSON.stringify(answer)}`)
      return answer
    },
  }
}

/** The write both figures time: a new client, as the Clients page's form saves it. */
const write = (d: ReturnType<typeof desktop>, run: number) =>
  d.call('clients:create', { name: `Round Trip ${run} ${crypto.randomUUID().slice(0, 8)}` })

describe('the shared database (PostgreSQL beside SQLite)', () => {
  it(`ledger import of ${IMPORT_ROWS.toLocaleString('en')} rows on PostgreSQL`, async ({ skip }) => {
    if (!postgres) return skip()
    const sqliteTimes: number[] = []
    const pgTimes: number[] = []
    // In turns, a fresh database each run, so the machine's other work weighs on both alike.
    for (let run = 0; run < IMPORT_RUNS; run++) {
      const sqlite = await openSqlite()
      await seedImportTarget(sqlite.dataSource)
      sqliteTimes.push(await importOnce(sqlite.dataSource))
      const pg = await openPostgres(await postgres.settings(newSchema()))
      await seedImportTarget(pg.dataSource)
      pgTimes.push(await importOnce(pg.dataSource))
    }
    const sqliteRate = sqliteTimes.map((ms) => (IMPORT_ROWS * 1000) / ms)
    const pgRate = pgTimes.map((ms) => (IMPORT_ROWS * 1000) / ms)
    console.log(
      `(import of ${IMPORT_ROWS} rows in this process: SQLite ${sqliteTimes.map((t) => t.toFixed(0)).join(', ')} ms; PostgreSQL ${pgTimes.map((t) => t.toFixed(0)).join(', ')} ms)`,
    )
    record({
      name: `ledger import on SQLite, in process: ${IMPORT_ROWS}-row CSV, rows per second`,
      unit: 'rows/s',
      median: median(sqliteRate),
      runs: IMPORT_RUNS,
      samples: sqliteRate,
    })
    record({
      name: `ledger import on PostgreSQL: ${IMPORT_ROWS}-row CSV, rows per second`,
      unit: 'rows/s',
      median: median(pgRate),
      runs: IMPORT_RUNS,
      samples: pgRate,
      ratio: median(pgRate) / median(sqliteRate),
      baseline: 'the same import on SQLite in this run',
    })
  })

  for (const debounceMs of [300, 0])
    it(`a write's round trip to a second desktop, changes gathered for ${debounceMs} ms`, async ({ skip }) => {
      if (!postgres) return skip()
      const settings = await postgres.settings(newSchema(), 3)
      const one = desktop((await openPostgres(settings)).dataSource)
      const two = desktop((await openPostgres(settings)).dataSource)
      const sqliteDesk = desktop((await openSqlite()).dataSource)
      let heard: ((areas: ChangeArea[]) => void) | null = null
      const listener = listenForChanges(
        settings,
        two.deskId,
        {
          changed: (areas) => heard?.(areas),
          connection: () => {},
        },
        { debounceMs },
      )
      listeners.push(listener)
      while (!listener.connected()) await new Promise((r) => setTimeout(r, 20))
      // Warm both: the pools' connections, the statements.
      for (let i = 0; i < 3; i++) {
        await write(one, -1)
        await write(sqliteDesk, -1)
      }
      await new Promise((r) => setTimeout(r, debounceMs + 200))
      const roundTrip = await sample(ROUND_TRIPS, async (run) => {
        const arrived = new Promise<void>((resolve, reject) => {
          const guard = setTimeout(() => reject(new Error('the second desktop heard nothing')), 20_000)
          heard = (areas) => {
            if (!areas.includes('clients')) return
            clearTimeout(guard)
            heard = null
            resolve()
          }
        })
        await write(one, run)
        await arrived
      })
      const pgWrite = await sample(ROUND_TRIPS, (run) => write(one, run))
      const sqliteWrite = await sample(ROUND_TRIPS, (run) => write(sqliteDesk, run))
      await listener.stop()
      const label = `changes gathered for ${debounceMs} ms`
      record({
        name: `a write through the dispatcher on SQLite (new client; beside the round trip, ${label})`,
        unit: 'ms',
        median: median(sqliteWrite),
        runs: ROUND_TRIPS,
        samples: sqliteWrite,
      })
      record({
        name: `a write through the dispatcher on PostgreSQL (new client; beside the round trip, ${label})`,
        unit: 'ms',
        median: median(pgWrite),
        runs: ROUND_TRIPS,
        samples: pgWrite,
        ratio: median(pgWrite) / median(sqliteWrite),
        baseline: 'the same write on SQLite',
      })
      record({
        name: `a write's round trip to a second desktop on PostgreSQL (${label})`,
        unit: 'ms',
        median: median(roundTrip),
        runs: ROUND_TRIPS,
        samples: roundTrip,
        ratio: median(roundTrip) / median(pgWrite),
        baseline: 'the same write alone on PostgreSQL',
      })
      record({
        name: `a write's round trip to a second desktop (${label}), beside SQLite`,
        unit: 'ms',
        median: median(roundTrip),
        runs: ROUND_TRIPS,
        ratio: median(roundTrip) / median(sqliteWrite),
        baseline: 'the same write on SQLite in this run',
      })
    })
})
