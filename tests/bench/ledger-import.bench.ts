/**
 * Ledger import figures: a generated 200,000-row CSV (every kind, 2,000 clients, 5 years) imported
 * into a database that holds the clients, in a child process each run: rows per second (aim: at
 * least 100,000), also per second of the process's own CPU time (the machines these run on are
 * shared, so wall-clock time depends on what else runs), and the process's peak memory as the kernel
 * counts it (aim: under 200 MB). The rate is the owner's wait, until the import answers; the commit
 * leaves its checkpoint to a thread of its own, and the rate until that is done too is recorded
 * beside it, so the work moved off the wait is still counted. Each run is followed by the baseline in a child process of its own:
 * the same rows (as the import wrote them) put in by one plain prepared INSERT in one transaction
 * (ledger-import-child.ts), whose rate is printed and recorded with the import's ratio to it.
 * A benchmark: it records, and asserts nothing about time or memory.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { build } from 'vite'
import { afterAll, beforeAll, describe, it } from 'vitest'
import { BUILT_READER_FILE, ROOT } from '../e2e/support/paths'
import { call } from '../support/letters-fixture'
import { openTestApp, tempDir } from '../support/temp-db'
import { median, record } from './measure'
import { writeLedgerCsv } from './ledger-csv'

const ROWS = 200_000
const CLIENTS = 2_000
const RUNS = Number(process.env.BENCH_RUNS ?? 3)
const CHILD = path.join(ROOT, 'out', 'bench', 'ledger-import-child.js')
let dir: string
let seeded: string
let csv: string
let clientNames: string[]

beforeAll(async () => {
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      ssr: path.join(ROOT, 'tests/bench/ledger-import-child.ts'),
      outDir: path.dirname(CHILD),
      emptyOutDir: true,
      minify: false,
      target: 'node20',
      rolldownOptions: { output: { format: 'cjs', entryFileNames: path.basename(CHILD) } },
    },
  })
  dir = tempDir('turnaround-import-bench-')
  const app = await openTestApp(path.join(dir, 'seed'))
  await call(app, 'profile:save', {
    businessName: 'Bench Print',
    ownerName: 'Maya Okafor',
    currency: 'USD',
    hourlyWorthMinor: 9000,
  })
  clientNames = Array.from({ length: CLIENTS }, (_, i) => `Bench Client ${String(i + 1).padStart(4, '0')}`)
  await app.db.dataSource.transaction(async (m) => {
    for (const name of clientNames)
      await m.query(
        "INSERT INTO clients (name, status, name_key, search_text, created_at, updated_at) VALUES (?, 'active', ?, ?, '', '')",
        [name, name.toLowerCase(), name.toLowerCase()],
      )
  })
  await app.db.dataSource.query(
    "INSERT INTO staff (name, cost_rate_minor, created_at, updated_at) VALUES ('Priya Shah', 6000, '', '')",
  )
  seeded = app.ctx.databaseFile
  await app.close()
  csv = path.join(dir, 'ledger-200k.csv')
  writeLedgerCsv(csv, clientNames, ROWS)
})

afterAll(() => {
  if (process.env.BENCH_KEEP) console.log(`kept ${dir}`)
  else fs.rmSync(dir, { recursive: true, force: true })
})

const AIM_RATE = 100_000
const AIM_PEAK_MB = 200

interface PlainFigures {
  rows: number
  ms: number
  cpuMs: number
}

interface ChildFigures {
  status: string
  rows: number
  imported: number
  badRows: number
  ms: number
  cpuMs: number
  /** Until a checkpoint the commit left to a thread of its own is done (the rows in the database file). */
  checkpointedMs: number
  cpuThroughCheckpointMs: number
  readMs: number
  writeMs: number
  rssBeforeMb: number
  peakRssSampledMb: number
  maxRssMb: number
}

describe('ledger import', () => {
  it('imports 200,000 rows: rows per second and peak memory', () => {
    const runs: ChildFigures[] = []
    const plain: PlainFigures[] = []
    for (let run = 0; run < RUNS; run++) {
      const database = path.join(dir, `run-${run}.sqlite`)
      fs.copyFileSync(seeded, database)
      const output = execFileSync(process.execPath, [CHILD, database, csv, BUILT_READER_FILE], {
        cwd: ROOT,
        encoding: 'utf8',
        maxBuffer: 1024 * 1024,
      })
      const figures = JSON.parse(output.trim().split('\n').at(-1)!) as ChildFigures
      if (figures.status !== 'imported' || figures.imported !== ROWS)
        throw new Error(`the import did not write every row: ${output}`)
      runs.push(figures)
      const plainDatabase = path.join(dir, `plain-${run}.sqlite`)
      fs.copyFileSync(seeded, plainDatabase)
      const plainOutput = execFileSync(process.execPath, [CHILD, '--plain', database, plainDatabase], {
        cwd: ROOT,
        encoding: 'utf8',
      })
      const plainFigures = JSON.parse(plainOutput.trim().split('\n').at(-1)!) as PlainFigures
      if (plainFigures.rows !== ROWS) throw new Error(`the baseline did not insert every row: ${plainOutput}`)
      plain.push(plainFigures)
    }
    const rate = runs.map((r) => (ROWS * 1000) / r.ms)
    const cpuRate = runs.map((r) => (ROWS * 1000) / r.cpuMs)
    const peak = runs.map((r) => r.maxRssMb)
    const plainRate = plain.map((r) => (ROWS * 1000) / r.ms)
    const plainCpuRate = plain.map((r) => (ROWS * 1000) / r.cpuMs)
    const plainBaseline = 'a plain prepared INSERT of the same rows in one transaction, in the same run'
    const sizeMb = fs.statSync(csv).size / 1024 / 1024
    console.log(
      `ledger import: ${ROWS.toLocaleString('en')} rows, ${sizeMb.toFixed(1)} MB of CSV; per run ${runs.map((r) => `${r.ms.toFixed(0)} ms, ${r.cpuMs.toFixed(0)} ms of CPU (reading, with the rows read written alongside, ${r.readMs.toFixed(0)}; the rest of the write ${r.writeMs.toFixed(0)}; the checkpoint on its own thread done at ${r.checkpointedMs.toFixed(0)} ms, ${r.cpuThroughCheckpointMs.toFixed(0)} ms of CPU by then)`).join('; ')}`,
    )
    console.log(
      `ledger import: RSS before the import ${median(runs.map((r) => r.rssBeforeMb)).toFixed(0)} MB, sampled peak ${median(runs.map((r) => r.peakRssSampledMb)).toFixed(0)} MB`,
    )
    record({
      name: 'ledger import: 200,000-row CSV, rows per second',
      unit: 'rows/s',
      median: median(rate),
      runs: RUNS,
      samples: rate,
      ratio: median(rate) / AIM_RATE,
      baseline: 'the aim of 100,000 rows/s',
    })
    const throughCheckpoint = runs.map((r) => (ROWS * 1000) / r.checkpointedMs)
    record({
      name: 'ledger import: 200,000-row CSV, rows per second until they are in the database file (its checkpoint done)',
      unit: 'rows/s',
      median: median(throughCheckpoint),
      runs: RUNS,
      samples: throughCheckpoint,
      ratio: median(throughCheckpoint) / AIM_RATE,
      baseline: 'the aim of 100,000 rows/s',
    })
    record({
      name: 'ledger import: the same rows by a plain prepared INSERT, rows per second',
      unit: 'rows/s',
      median: median(plainRate),
      runs: RUNS,
      samples: plainRate,
    })
    record({
      name: 'ledger import: 200,000-row CSV, rows per second beside a plain INSERT',
      unit: 'rows/s',
      median: median(rate),
      runs: RUNS,
      ratio: median(rate) / median(plainRate),
      baseline: plainBaseline,
    })
    record({
      name: 'ledger import: 200,000-row CSV, rows per second of CPU time',
      unit: 'rows/s',
      median: median(cpuRate),
      runs: RUNS,
      samples: cpuRate,
      ratio: median(cpuRate) / AIM_RATE,
      baseline: 'the aim of 100,000 rows/s',
    })
    record({
      name: 'ledger import: the same rows by a plain prepared INSERT, rows per second of CPU time',
      unit: 'rows/s',
      median: median(plainCpuRate),
      runs: RUNS,
      samples: plainCpuRate,
    })
    record({
      name: 'ledger import: 200,000-row CSV, rows per second of CPU time beside a plain INSERT',
      unit: 'rows/s',
      median: median(cpuRate),
      runs: RUNS,
      ratio: median(cpuRate) / median(plainCpuRate),
      baseline: plainBaseline,
    })
    record({
      name: 'ledger import: 200,000-row CSV, peak memory of the process',
      unit: 'MB',
      median: median(peak),
      runs: RUNS,
      samples: peak,
      ratio: median(peak) / AIM_PEAK_MB,
      baseline: 'the aim of 200 MB',
    })
  })
})
