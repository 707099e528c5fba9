/**
 * The ledger end to end in Chromium: a small ledger entered by hand on the client's page (an
 * invoice, a payment settling part of it, time by a staff member tagged to the turnaround, an entry
 * in another currency refused beside its field), the figures and the monthly chart; the decision
 * panel of the client in a turnaround, "cut ties" recorded and the status changed; the Ledger page
 * with the whale curve. Screenshots under test-results/screenshots/ledger.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { startApp } from './support/app-harness'
import { useAppSession } from './support/lifecycle'

const session = useAppSession()
const NOW = new Date(2026, 10, 22, 9, 30)

async function seed(page: Page): Promise<{ clientId: number; turnaroundId: number }> {
  return page.evaluate(async () => {
    const api = window.api.call
    await api['profile:save']({
      businessName: 'Harbour Lane Print & Design',
      ownerName: 'Maya Okafor',
      currency: 'GBP',
      hourlyWorthMinor: 8500,
    })
    await api['staff:save']({ staff: { name: 'Tom', costRateMinor: 3200 } })
    await api['risk-limits:save']({
      horizonYears: 1,
      maxTurnaroundSharePct: 25,
      maxTurnaroundMinutes: 120,
      minEffectiveRateMinor: 0,
      defaultReferralValueMinor: 0,
    })
    const client = await api['clients:create']({ name: 'Quayside Yacht Club' })
    if (!client.ok) throw new Error(client.error.message)
    const opened = await api['turnarounds:open']({
      clientId: client.data.id,
      openedOn: '2026-11-10',
      firstHeardBy: 'Maya Okafor',
    })
    if (!opened.ok) throw new Error(opened.error.message)
    return { clientId: client.data.id, turnaroundId: opened.data.id }
  })
}

async function choose(page: Page, testId: string, option: string): Promise<void> {
  await page.getByTestId(testId).click()
  await page.locator('.n-base-select-option', { hasText: option }).first().click()
}

describe('the ledger', () => {
  it('takes a small ledger by hand, shows its figures and charts, and records cutting ties', async () => {
    const app = (session.app = await startApp(session.browser(), { now: () => NOW }))
    const { page } = app
    const { clientId } = await seed(page)
    await page.goto(`${page.url().split('#')[0]}#/clients/${clientId}`)
    await page.reload()
    await page.getByRole('heading', { name: 'Quayside Yacht Club' }).waitFor()
    await page.locator('.client-tabs .n-tabs-tab', { hasText: 'Ledger' }).click()
    await page.getByText('No entries yet').waitFor()

    // An invoice of £2,000.00.
    await page.getByTestId('ledger-add').click()
    await page.locator('#entry-amount').fill('2000')
    await page.locator('#entry-reference').fill('HL-2291')
    await page.getByTestId('entry-save').click()
    await page.locator('[data-testid="ledger-entries"] tbody tr', { hasText: 'HL-2291' }).waitFor()

    // A payment in dollars is refused beside the currency; in pounds it settles part of the invoice.
    await page.getByTestId('ledger-add').click()
    await choose(page, 'entry-kind', 'Payment')
    await page.locator('#entry-amount').fill('500')
    await choose(page, 'entry-invoice', 'HL-2291')
    await page.locator('#entry-currency').fill('USD')
    await page.getByTestId('entry-save').click()
    await page.getByText('This business keeps its ledger in GBP').waitFor()
    await app.screenshot('ledger/01-other-currency-refused')
    await page.locator('#entry-currency').fill('GBP')
    await page.getByTestId('entry-save').click()
    await page.locator('[data-testid="ledger-entries"] tbody tr', { hasText: 'Partly paid' }).waitFor()

    // 90 minutes of Tom's time on the turnaround: 1.5 h × £32.00 = £48.00.
    await page.getByTestId('ledger-add').click()
    await choose(page, 'entry-kind', 'Time')
    await choose(page, 'entry-worker', 'Tom')
    await page.locator('#entry-minutes').fill('90')
    await page.locator('#entry-description').click()
    expect(await page.getByTestId('entry-time-cost').textContent()).toContain('£48.00')
    await choose(page, 'entry-turnaround', 'Opened')
    await page.getByTestId('entry-save').click()
    await page.locator('[data-testid="ledger-entries"] tbody tr', { hasText: 'Tom, 1 h 30 min' }).waitFor()

    // An expense added, edited, then deleted in the drawer.
    await page.getByTestId('ledger-add').click()
    await choose(page, 'entry-kind', 'Expense')
    await page.locator('#entry-amount').fill('10')
    await page.locator('#entry-description').fill('Courier <b>express</b>')
    await page.getByTestId('entry-save').click()
    const expense = page.locator('[data-testid="ledger-entries"] tbody tr', { hasText: 'Courier <b>express</b>' })
    await expense.waitFor()
    await expense.getByRole('button', { name: /Edit the entry/ }).click()
    // Saved with the keyboard this time: Ctrl+S presses the drawer's primary action.
    await page.locator('#entry-amount').fill('12.50')
    await page.keyboard.press('Control+s')
    await expense.getByText('£12.50').waitFor()
    await expect.poll(() => page.getByTestId('figure-direct-cost').textContent()).toContain('£60.50') // 48.00 + 12.50
    await expense.getByRole('button', { name: /Edit the entry/ }).click()
    await page.locator('.n-drawer').getByRole('button', { name: 'Delete' }).click()
    await page.locator('.n-dialog').getByRole('button', { name: 'Delete' }).click()
    await expense.waitFor({ state: 'detached' })

    // The figures for the last 12 months: revenue 2,000.00, collected 500.00, margin 2,000 − 48 = 1,952.00.
    await expect.poll(() => page.getByTestId('figure-revenue').textContent()).toContain('£2,000.00')
    expect(await page.getByTestId('figure-collected').textContent()).toContain('£500.00')
    expect(await page.getByTestId('figure-collected').textContent()).toContain(
      'Outstanding (invoiced − paid) £1,500.00',
    )
    expect(await page.getByTestId('figure-margin').textContent()).toContain('£1,952.00')
    expect(await page.getByTestId('turnaround-costs').textContent()).toContain('£48.00')
    await page.getByTestId('client-months-chart').locator('canvas').waitFor()
    await app.screenshot('ledger/02-client-ledger')

    // The decision panel: 1 h 30 min is within 2 h; £48.00 within 25% of £1,952.00 → give the client their way.
    await page.locator('.client-tabs .n-tabs-tab', { hasText: 'Keep or let go?' }).click()
    await page.getByTestId('recommendation').waitFor()
    expect(await page.getByTestId('recommendation').textContent()).toContain('Give the client their way')
    await page.getByTestId('worth-chart').locator('canvas').waitFor()
    await app.screenshot('ledger/03-decision-panel')
    await page.getByTestId('decision-cut_ties').click()
    await page.locator('#decision-note').fill('Seven years, but the committee will not accept any plan.')
    await page.getByTestId('decision-record').click()
    await page.getByTestId('parting-offer').waitFor()
    await page.locator('.client-sub', { hasText: 'Let go' }).waitFor()
    expect(await page.getByTestId('decision-history').first().textContent()).toContain('Cut ties')
    await app.screenshot('ledger/04-cut-ties')
    const [row] = await app.db.dataSource.query('SELECT status FROM clients WHERE id = ?', [clientId])
    expect(row).toEqual({ status: 'let_go' })

    // The parting letter opens in the letters flow.
    await page.getByTestId('write-parting-letter').click()
    await page.getByRole('heading', { name: 'Parting letter to Quayside Yacht Club' }).waitFor()

    // The Ledger page: the portfolio, the whale curve and the ranked margins.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Ledger', exact: true }).click()
    await page.getByRole('heading', { name: 'Ledger', exact: true }).waitFor()
    await page.getByTestId('whale-curve').locator('canvas').waitFor()
    await page.getByTestId('margin-by-client').locator('canvas').waitFor()
    expect(await page.getByTestId('portfolio-table').textContent()).toContain('Quayside Yacht Club')
    await app.screenshot('ledger/05-ledger-page')
    const table = page.getByTestId('portfolio-table')
    await table.locator('th', { hasText: 'Worth' }).waitFor()

    // The client's Ledger tab keeps the decision and shows what the relationship is worth.
    await table.getByRole('link', { name: 'Quayside Yacht Club' }).click()
    await page.getByRole('heading', { name: 'Quayside Yacht Club' }).waitFor()
    await page.locator('.client-tabs .n-tabs-tab', { hasText: 'Ledger' }).click()
    expect(await page.getByTestId('last-decision').textContent()).toContain('Cut ties')
    expect(await page.getByTestId('figure-worth').textContent()).toContain('Relationship worth')
    await app.screenshot('ledger/05b-client-after-cut-ties')

    // Settings: a staff member added with a rate typed beside the field; the risk limits saved.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings', exact: true }).click()
    await page.getByTestId('staff-add').click()
    await page.locator('#staff-name').fill('Tom')
    await page.locator('#staff-rate').fill('30')
    await page.getByTestId('staff-save').click()
    await page.getByText('Tom is already on the staff list.').waitFor()
    await page.locator('#staff-name').fill('Jess')
    await page.getByTestId('staff-save').click()
    await page.getByTestId('staff-table').getByText('Jess').waitFor()
    await page.locator('#limits-hours').fill('30')
    await page.getByTestId('risk-limits-save').click()
    await page.getByText('Risk limits saved.').waitFor()
    const [limits] = await app.db.dataSource.query('SELECT max_turnaround_minutes AS minutes FROM business_profile')
    expect(limits).toEqual({ minutes: 1800 })
    await page.getByTestId('settings-staff').scrollIntoViewIfNeeded()
    await app.screenshot('ledger/06-settings-staff-and-limits')
  })
})
