/**
 * Client register figures: opening the database, listing clients, and the renderer showing them.
 * A benchmark, not a test: it measures and records (see measure.ts); it asserts nothing about time.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, it } from 'vitest'
import { DATABASE_FILE_NAME, openDatabase } from '../../electron/main/db/open-database'
import type { ProfileInputData } from '../../electron/shared/schemas'
import { ClientListQuery } from '../../electron/shared/schemas'
import { launchBrowser, startApp, type RunningApp } from '../e2e/support/app-harness'
import { openTestApp, tempDir } from '../support/temp-db'
import { median, record, sampleSection, sample } from './measure'
import { seedClients } from './seed'

const PROFILE: ProfileInputData = {
  businessName: 'Brightwater Consulting',
  ownerName: 'Jonas Lindqvist',
  address: '',
  email: '',
  phone: '',
  currency: 'GBP',
  hourlyWorthMinor: 8500,
  logoDataUrl: null,
}

const ROWS = '.clients-table tbody tr'
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

async function firstRowVisible(page: Page): Promise<void> {
  await page.locator(ROWS).first().waitFor({ state: 'visible' })
}

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
    keep({ name: 'db.open.empty', unit: 'ms', median: median(times), runs: times.length })
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
    keep({ name: 'db.open.5000', unit: 'ms', median: m, runs: times.length, ...versus(m, 'db.open.empty') })
  })

  it('clients.list.first-page.50 and .5000', async () => {
    const query = ClientListQuery.parse({})
    for (const [count, dir] of [
      [50, dir50],
      [5000, dir5000],
    ] as const) {
      const app = await openTestApp(dir)
      try {
        const first = await app.services.clients.list(query)
        if (first.total !== count || first.rows.length !== Math.min(count, query.limit)) throw new Error(`unexpected first page: ${first.rows.length} of ${first.total}`)
        const times = await sample(30, () => app.services.clients.list(query))
        const name = `clients.list.first-page.${count}`
        const m = median(times)
        keep({ name, unit: 'ms', median: m, runs: times.length, ...(count === 5000 ? versus(m, 'clients.list.first-page.50') : {}) })
      } finally {
        await app.close()
      }
    }
  })

  it('clients.list.search.5000', async () => {
    const query = ClientListQuery.parse({ search: 'ab' })
    const app = await openTestApp(dir5000)
    try {
      const first = await app.services.clients.list(query)
      console.log(`(search 'ab' matches ${first.total} of 5,000 clients)`)
      const times = await sample(30, () => app.services.clients.list(query))
      keep({ name: 'clients.list.search.5000', unit: 'ms', median: median(times), runs: times.length })
    } finally {
      await app.close()
    }
  })

  it('renderer.cold-start.5000', async () => {
    browser = await launchBrowser()
    const b = browser
    const times = await sampleSection(5, async (timer) => {
      timer.start()
      const app = await startApp(b, { dataDir: dir5000 })
      try {
        await firstRowVisible(app.page)
        timer.stop()
        warnAboutPageErrors(app)
      } finally {
        await app.close()
      }
    })
    keep({ name: 'renderer.cold-start.5000', unit: 'ms', median: median(times), runs: times.length })
  })

  it('renderer.first-page.5000', async () => {
    browser ??= await launchBrowser()
    const app = await startApp(browser, { dataDir: dir5000 })
    try {
      const { page } = app
      await firstRowVisible(page)
      const times = await sampleSection(10, async (timer) => {
        await app.menu('go-settings')
        await page.getByRole('heading', { name: 'Settings', exact: true }).waitFor()
        await page.locator('.clients-table').waitFor({ state: 'detached' })
        timer.start()
        await app.menu('go-clients')
        await firstRowVisible(page)
      })
      warnAboutPageErrors(app)
      keep({ name: 'renderer.first-page.5000', unit: 'ms', median: median(times), runs: times.length })
    } finally {
      await app.close()
    }
  })
})
