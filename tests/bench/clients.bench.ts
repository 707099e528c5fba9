/**
 * Client register figures: opening the database, listing clients, and the renderer showing them.
 * A benchmark, not a test: it measures and records (see measure.ts); it asserts nothing about time.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, it } from 'vitest'
import { DATABASE_FILE_NAME, openDatabase } from '../../electron/main/db/open-database'
import type { ClientListQueryData, ProfileInputData } from '../../electron/shared/schemas'
import { ClientListQuery } from '../../electron/shared/schemas'
import { launchBrowser, startApp, type RunningApp } from '../e2e/support/app-harness'
import { openTestApp, tempDir } from '../support/temp-db'
import { firstRowVisible, ROWS } from './first-row'
import { median, record, sampleSection, sample } from './measure'
import { seedClients } from './seed'

const PROFILE: ProfileInputData = {
  businessName: 'Brightwater Consulting',
  ownerName: 'Jonas Lindqvist',
  address: '',
  email: '',
  phone: '',
  currency: 'GBP',
  locale: '',
  hourlyWorthMinor: 8500,
  logoDataUrl: null,
}

const medians = new Map<string, number>()
const dirs: string[] = []
let browser: Browser | undefined

function benchDir(): string {
  const dir = tempDir('turnaround-bench-')
  dirs.push(dir)
  return dir
}

/** A data folder holding a profile and `count` clients, closed again so each figure opens it afresh. */
async function dataset(count: number): Promise<string> {
  const app = await openTestApp(benchDir())
  try {
    await app.services.profile.save(PROFILE)
    await seedClients(app.db.dataSource, count)
    const [row] = (await app.db.dataSource.query('SELECT COUNT(*) AS n FROM clients')) as Array<{ n: number }>
    if (row?.n !== count) throw new Error(`seeding went wrong: ${String(row?.n)} clients instead of ${count}`)
  } finally {
    await app.close()
  }
  return app.dir
}

function keep(input: Parameters<typeof record>[0]): void {
  record(input)
  medians.set(input.name, input.median)
}

/** `ratio` and `baseline` against a figure recorded earlier in this run, when there is one. */
function versus(median: number, baseline: string): { ratio?: number; baseline?: string } {
  const base = medians.get(baseline)
  return base ? { ratio: median / base, baseline } : {}
}

function warnAboutPageErrors(app: RunningApp): void {
  if (app.pageErrors.length > 0) console.warn(`page errors while measuring: ${app.pageErrors.join(' | ')}`)
}

/** The aim for the cold start to a usable list of 5,000 clients. */
const COLD_START_AIM_MS = 500
/**
 * Another build to compare the cold start with in the same run: the `out` folder of another
 * checkout (say the main branch's) after its own `npm run bench` or e2e run built its renderer and
 * the preload's stand-in there. Each figure is then also taken on it, and this build's is printed
 * with its ratio to it.
 */
const BASELINE_BUILD = process.env.BENCH_BASELINE_BUILD
/** Cold starts per build (BENCH_COLD_STARTS; 5 by default, 9 beside a baseline build). */
const COLD_STARTS = Number(process.env.BENCH_COLD_STARTS ?? (BASELINE_BUILD ? 9 : 5))

let dir5000 = ''
let dir50 = ''

beforeAll(async () => {
  const started = performance.now()
  dir5000 = await dataset(5000)
  dir50 = await dataset(50)
  console.log(`(seeded 5,000 + 50 clients in ${(performance.now() - started).toFixed(0)} ms)`)
})

afterAll(async () => {
  await browser?.close()
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true })
})

describe('client register benchmarks', () => {
  it('db.open.empty', async () => {
    const times = await sampleSection(7, async (timer) => {
      const dir = benchDir()
      timer.start()
      const db = await openDatabase({ file: path.join(dir, DATABASE_FILE_NAME) })
      timer.stop()
      await db.dataSource.destroy()
      fs.rmSync(dir, { recursive: true, force: true })
    })
    keep({ name: 'db.open.empty', unit: 'ms', median: median(times), runs: times.length, samples: times })
  })

  it('db.open.5000', async () => {
    const times = await sampleSection(7, async (timer) => {
      timer.start()
      const db = await openDatabase({ file: path.join(dir5000, DATABASE_FILE_NAME) })
      timer.stop()
      if (db.applied.length > 0) throw new Error('db.open.5000 ran migrations: the dataset was not fully migrated')
      await db.dataSource.destroy()
    })
    const m = median(times)
    keep({
      name: 'db.open.5000',
      unit: 'ms',
      median: m,
      runs: times.length,
      samples: times,
      ...versus(m, 'db.open.empty'),
    })
  })

  /** Median of 30 `services.clients.list` calls with `query` on the data folder `dir`. */
  async function listFigure(
    name: string,
    dir: string,
    query: ClientListQueryData,
    expectedTotal: number | null,
    baseline?: string,
  ): Promise<void> {
    const app = await openTestApp(dir)
    try {
      const first = await app.services.clients.list(query)
      if (expectedTotal !== null && first.total !== expectedTotal)
        throw new Error(`${name}: the dataset holds ${first.total} clients, not ${expectedTotal}`)
      if (query.search) console.log(`(search '${query.search}' matches ${first.total} clients)`)
      const times = await sample(30, () => app.services.clients.list(query))
      const m = median(times)
      keep({
        name,
        unit: 'ms',
        median: m,
        runs: times.length,
        samples: times,
        ...(baseline ? versus(m, baseline) : {}),
      })
    } finally {
      await app.close()
    }
  }

  it('clients.list.first-page.50', () => listFigure('clients.list.first-page.50', dir50, ClientListQuery.parse({}), 50))

  it('clients.list.first-page.5000', () =>
    listFigure('clients.list.first-page.5000', dir5000, ClientListQuery.parse({}), 5000, 'clients.list.first-page.50'))

  it('clients.list.search.5000', () =>
    listFigure('clients.list.search.5000', dir5000, ClientListQuery.parse({ search: 'ab' }), null))

  it('renderer.cold-start.5000', async () => {
    browser = await launchBrowser()
    const b = browser
    const builds = BASELINE_BUILD ? [{ baseline: false }, { baseline: true }] : [{ baseline: false }]
    const total = new Map<boolean, number[]>(builds.map((x) => [x.baseline, []]))
    const inPage = new Map<boolean, number[]>(builds.map((x) => [x.baseline, []]))
    // With a baseline build, the two builds' cold starts take turns (the first of each pair
    // alternating too), so that a change in the machine's load falls on both alike.
    const order = (run: number) => (run % 2 === 0 ? builds : [...builds].reverse())
    for (let run = 0; run < COLD_STARTS; run++) {
      for (const { baseline } of order(run)) {
        const [time] = await sampleSection(1, async (timer) => {
          timer.start()
          // The window opens on the client list (the app starts on Today; here it is the list that is timed).
          const app = await startApp(b, {
            dataDir: dir5000,
            openAt: '/clients',
            ...(baseline ? { build: BASELINE_BUILD } : {}),
          })
          try {
            inPage.get(baseline)!.push(await firstRowVisible(app.page))
            timer.stop()
            warnAboutPageErrors(app)
          } finally {
            await app.close()
          }
        })
        total.get(baseline)!.push(time!)
      }
    }
    const aim = { ratio: (m: number) => m / COLD_START_AIM_MS, baseline: `the aim of ${COLD_START_AIM_MS} ms` }
    const figure = (name: string, samples: number[], against?: string) => {
      const m = median(samples)
      keep({
        name,
        unit: 'ms',
        median: m,
        runs: samples.length,
        samples,
        ...(against ? versus(m, against) : { ratio: aim.ratio(m), baseline: aim.baseline }),
      })
      if (against) console.log(`  (${aim.ratio(m).toFixed(2)}x ${aim.baseline})`)
    }
    const NAME = 'renderer.cold-start.5000'
    // The page's part alone: from its first request to the visible row (without opening the
    // database, the browser context and the page, which Electron does differently).
    const IN_PAGE = `${NAME}, in the page`
    if (BASELINE_BUILD) {
      console.log(`(baseline build: ${BASELINE_BUILD})`)
      figure(`${NAME}, baseline build`, total.get(true)!)
      figure(`${IN_PAGE}, baseline build`, inPage.get(true)!)
    }
    figure(NAME, total.get(false)!, BASELINE_BUILD ? `${NAME}, baseline build` : undefined)
    figure(IN_PAGE, inPage.get(false)!, BASELINE_BUILD ? `${IN_PAGE}, baseline build` : undefined)
  })

  /** Median of 10 returns to the list (from Settings) in one window of `build` (this tree's when undefined). */
  async function firstPageTimes(b: Browser, build: string | undefined): Promise<number[]> {
    const app = await startApp(b, { dataDir: dir5000, openAt: '/clients', ...(build ? { build } : {}) })
    try {
      const { page } = app
      await firstRowVisible(page)
      const shown = await page.locator(ROWS).count()
      const firstRow = (await page.locator(ROWS).first().innerText()).replace(/\s+/g, ' ').slice(0, 60)
      console.log(`(${build ? 'baseline build: ' : ''}the list shows ${shown} rows; first: ${firstRow})`)
      const times = await sampleSection(10, async (timer) => {
        await app.menu('go-settings')
        await page.getByRole('heading', { name: 'Settings', exact: true }).waitFor()
        await page.locator('.clients-table').waitFor({ state: 'detached' })
        timer.start()
        await app.menu('go-clients')
        await firstRowVisible(page)
      })
      warnAboutPageErrors(app)
      return times
    } finally {
      await app.close()
    }
  }

  it('renderer.first-page.5000', async () => {
    browser ??= await launchBrowser()
    const NAME = 'renderer.first-page.5000'
    const BASE = `${NAME}, baseline build`
    if (BASELINE_BUILD) {
      const times = await firstPageTimes(browser, BASELINE_BUILD)
      keep({ name: BASE, unit: 'ms', median: median(times), runs: times.length, samples: times })
    }
    const times = await firstPageTimes(browser, undefined)
    const m = median(times)
    keep({
      name: NAME,
      unit: 'ms',
      median: m,
      runs: times.length,
      samples: times,
      ...(BASELINE_BUILD ? versus(m, BASE) : {}),
    })
  })
})
