/**
 * The ledger import end to end in Chromium: a Harvest export chosen through the (fake) open dialog,
 * its preset recognised, the preview, the import and its result; a file with bad rows stopped with
 * every bad line listed, then its readable rows imported, then nothing added the second time; a
 * large file cancelled while it is read, leaving the ledger untouched.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { startApp, type RunningApp } from './support/app-harness'
import { useAppSession } from './support/lifecycle'
import { PAUSED_READER_FILE, ROOT } from './support/paths'

const session = useAppSession()
const FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'import')

async function seed(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const api = window.api.call
    await api['profile:save']({
      businessName: 'Harbour Lane Print & Design',
      ownerName: 'Maya Okafor',
      currency: 'USD',
      hourlyWorthMinor: 9000,
    })
    for (const name of ['Acme Ltd', 'Blue Finch Studio']) {
      const made = await api['clients:create']({ name })
      if (!made.ok) throw new Error(made.error.message)
    }
  })
}

async function openImportPage(app: RunningApp): Promise<void> {
  const { page } = app
  await seed(page)
  await page.goto(`${page.url().split('#')[0]}#/ledger/import`)
  await page.reload()
  await page.getByRole('heading', { name: 'Import ledger entries' }).waitFor()
}

const count = async (app: RunningApp) =>
  Number(((await app.db.dataSource.query('SELECT count(*) AS n FROM ledger_entries')) as Array<{ n: number }>)[0]!.n)

describe('importing a ledger CSV', () => {
  it('imports a Harvest time report: choose, columns, preview, import, result', async () => {
    const app = (session.app = await startApp(session.browser()))
    const { page } = app
    await openImportPage(app)
    await app.screenshot('ledger-import/01-choose')

    app.setOpenFile(path.join(FIXTURES, 'harvest-detailed-time.csv'))
    await page.getByTestId('import-choose-file').click()
    await page.getByTestId('import-file-name').filter({ hasText: 'harvest-detailed-time.csv' }).waitFor()
    expect(await page.getByTestId('import-source').textContent()).toContain('Harvest: detailed time report')
    await app.screenshot('ledger-import/02-columns')

    await page.getByTestId('import-preview').click()
    const table = page.getByTestId('import-preview-table')
    await table.waitFor()
    await page.getByText('All of them can be read.').waitFor()
    expect(await table.locator('tbody tr').count()).toBe(4)
    expect(await table.locator('tbody tr').first().textContent()).toContain('1 h 30 min · Maya Okafor at US$90.00/h')
    await app.screenshot('ledger-import/03-preview')

    await page.getByTestId('import-run').click()
    await page.getByTestId('import-result').filter({ hasText: 'Import finished' }).waitFor()
    expect(await page.getByTestId('import-imported').textContent()).toBe('4')
    expect(await page.getByTestId('import-result').textContent()).toContain('4 entries added to the ledger (US$401.25)') // 135.00 + 11.25 + 210.00 (no staff here: the owner's 90.00 an hour) + 45.00
    expect(await count(app)).toBe(4)
    await app.screenshot('ledger-import/04-result')
    await page.setViewportSize({ width: 1920, height: 1080 })
    await app.screenshot('ledger-import/04-result-1920')
    await page.getByRole('button', { name: 'Import another file' }).click()
    await page.getByTestId('import-choose-file').click()
    await page.getByTestId('import-preview').waitFor()
    await app.screenshot('ledger-import/02-columns-1920')
  })

  it('stops on bad rows and lists them by line, imports the readable rows on request, and adds nothing the second time', async () => {
    const app = (session.app = await startApp(session.browser()))
    const { page } = app
    await openImportPage(app)
    app.setOpenFile(path.join(FIXTURES, 'bad-rows.csv'))
    await page.getByTestId('import-choose-file').click()
    await page.getByTestId('import-preview').click()
    expect(await page.getByTestId('import-preview-problems').textContent()).toBe('8 of them cannot be read.')
    await expect.poll(() => page.locator('.bad-row').count()).toBe(8)
    await app.screenshot('ledger-import/05-preview-with-problems')

    await page.getByTestId('import-run').click()
    await page.getByTestId('import-result').filter({ hasText: '8 of 10 rows cannot be read' }).waitFor()
    const bad = page.getByTestId('import-bad-rows')
    expect(await bad.locator('tbody tr').count()).toBe(8)
    expect(await bad.locator('tbody tr').nth(3).textContent()).toContain('6In EUR, but your books are kept in USD')
    expect(await count(app)).toBe(0)
    await app.screenshot('ledger-import/06-stopped')

    await page.getByTestId('import-good-rows').click()
    await page.getByTestId('import-result').filter({ hasText: 'Import finished' }).waitFor()
    expect(await page.getByTestId('import-imported').textContent()).toBe('2')
    expect(await count(app)).toBe(2)

    // The same file again: the readable rows are already there.
    await page.getByRole('button', { name: 'Import another file' }).click()
    await page.getByTestId('import-choose-file').click()
    await page.getByTestId('import-preview').click()
    await page.getByTestId('import-run').click()
    await page.getByTestId('import-good-rows').click()
    await page.getByTestId('import-result').filter({ hasText: 'Import finished' }).waitFor()
    expect(await page.getByTestId('import-imported').textContent()).toBe('0')
    expect(await page.getByTestId('import-duplicates').textContent()).toBe('2')
    expect(await count(app)).toBe(2)
    await app.screenshot('ledger-import/07-duplicates')
  })

  it('shows progress on a large file and cancels without writing anything', async () => {
    // The reading thread is held after its first report until the cancel: the import is seen running
    // however fast this machine would otherwise finish it.
    const app = (session.app = await startApp(session.browser(), { ports: { importReaderFile: PAUSED_READER_FILE } }))
    const { page } = app
    await openImportPage(app)
    const big = path.join(app.dataDir, 'big.csv')
    const lines = ['date,client,kind,description,amount']
    for (let i = 0; i < 400_000; i++)
      lines.push(
        `2026-0${(i % 9) + 1}-1${i % 10},${i % 2 ? 'Acme Ltd' : 'Blue Finch Studio'},expense,Row ${i},${i % 900}.${String(i % 100).padStart(2, '0')}`,
      )
    fs.writeFileSync(big, `${lines.join('\n')}\n`)
    app.setOpenFile(big)
    await page.getByTestId('import-choose-file').click()
    await page.getByTestId('import-preview').click()
    await page.getByTestId('import-run').click()
    await page
      .getByTestId('import-running')
      .getByText(/[1-9][\d,]* rows read/)
      .waitFor()
    await app.screenshot('ledger-import/08-progress')
    await page.getByTestId('import-cancel').click()
    await page.getByTestId('import-result').filter({ hasText: 'Import cancelled' }).waitFor()
    expect(await count(app)).toBe(0)
    await app.screenshot('ledger-import/09-cancelled')
  })
})
