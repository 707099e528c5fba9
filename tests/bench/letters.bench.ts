/**
 * Letters figures: one follow-up letter from its template to PDF bytes (template rendering, layout,
 * the embedded font), and a batch of 100 check-in letters for 100 clients exported as files, kept on
 * record and logged (ms per letter), each by the clock and in the process's own CPU time (less
 * swayed by other work on a shared machine), with its ratio to the aim. The batch again on a shared
 * PostgreSQL database (benchmarks' postgres.ts), beside SQLite's in the same run. A benchmark, not a
 * test: it records, it asserts nothing about time.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, it } from 'vitest'
import type { LetterDraftResult } from '../../electron/shared/letters/models'
import { NOW, PROFILE, call, fullClient } from '../support/letters-fixture'
import { openTestApp, type TestApp } from '../support/temp-db'
import { median, record, sampleSection } from './measure'
import { benchPostgres, type BenchPostgres } from './postgres'

/** The aims: one follow-up letter, and a letter of a batch. */
const AIM_ONE_MS = 15
const AIM_BATCH_MS = 10

/** CPU time (user and system) of this process, in ms. */
const cpuMs = () => {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1000
}

/** Records a figure by the clock and one in CPU time, both against the aim. */
function recordBoth(name: string, wall: number[], cpu: number[], aim: number): void {
  const baseline = `the aim of ${aim} ms`
  const runs = wall.length
  record({ name, unit: 'ms', median: median(wall), runs, samples: wall, ratio: median(wall) / aim, baseline })
  const cpuName = `${name}, CPU time`
  record({ name: cpuName, unit: 'ms', median: median(cpu), runs, samples: cpu, ratio: median(cpu) / aim, baseline })
}

let app: TestApp
let postgres: BenchPostgres | null = null
let pgApp: TestApp | null = null
beforeAll(async () => {
  app = await openTestApp(undefined, () => NOW)
  await call(app, 'profile:save', PROFILE)
  postgres = await benchPostgres()
  if (postgres) {
    const settings = await postgres.settings(`bench_letters_${process.pid}`)
    pgApp = await openTestApp(undefined, () => NOW, {}, settings)
    await call(pgApp, 'profile:save', PROFILE)
  }
})
afterAll(async () => {
  await app.close()
  await pgApp?.close()
  await postgres?.drop()
})

/** Per letter of a batch of 100 check-ins for 100 clients, exported as files: by the clock and in CPU time. */
async function batchOf100(on: TestApp): Promise<{ wall: number[]; cpu: number[] }> {
  const clients: number[] = []
  for (let i = 0; i < 100; i++)
    clients.push((await fullClient(on, `Batch Client ${String(i + 1).padStart(3, '0')}`)).client.id)
  // The fake save dialog answers with the suggested name in the test's folder: one file per client.
  const batchFiles = () => fs.readdirSync(on.dir).filter((f) => f.includes('Check-in - Batch Client'))
  const cpu: number[] = []
  const times = await sampleSection(3, async (timer) => {
    for (const f of batchFiles()) fs.rmSync(path.join(on.dir, f))
    const started = cpuMs()
    timer.start()
    for (const clientId of clients) {
      const { draft } = await call<LetterDraftResult>(on, 'letters:start', { clientId, kind: 'check_in' })
      await call(on, 'letters:export', { draft, minutes: 5 })
    }
    timer.stop()
    cpu.push((cpuMs() - started) / 100)
    if (batchFiles().length !== 100) throw new Error('the batch did not write 100 files')
  })
  return { wall: times.map((t) => t / 100), cpu }
}

const BATCH = 'letters: 100 check-in letters exported in a batch, per letter'
let sqliteBatch: number | undefined

describe('letters', () => {
  it('renders one follow-up letter to PDF', async () => {
    const { client } = await fullClient(app)
    const { drafts, letters } = app.services.letters
    // Warm: the font is parsed once per app run.
    await letters.render((await drafts.start({ clientId: client.id, kind: 'follow_up', goodwill: '' })).draft)
    const cpu: number[] = []
    const times = await sampleSection(40, async (timer) => {
      const started = cpuMs()
      timer.start()
      const { draft } = await drafts.start({ clientId: client.id, kind: 'follow_up', goodwill: '' })
      await letters.render(draft)
      timer.stop()
      cpu.push(cpuMs() - started)
    })
    recordBoth('letters: one follow-up, template to PDF bytes', times, cpu, AIM_ONE_MS)
  })

  it('exports 100 check-in letters for 100 clients in one batch', async () => {
    const { wall, cpu } = await batchOf100(app)
    recordBoth(BATCH, wall, cpu, AIM_BATCH_MS)
    sqliteBatch = median(wall)
  })

  it('exports the same batch on PostgreSQL', async ({ skip }) => {
    if (!pgApp) return skip()
    const { wall, cpu } = await batchOf100(pgApp)
    const name = `${BATCH} on PostgreSQL`
    recordBoth(name, wall, cpu, AIM_BATCH_MS)
    if (sqliteBatch)
      record({
        name: `${name}, beside SQLite`,
        unit: 'ms',
        median: median(wall),
        runs: wall.length,
        ratio: median(wall) / sqliteBatch,
        baseline: `SQLite’s ${sqliteBatch.toFixed(1)} ms in this run`,
      })
  })
})
