/**
 * One whole turnaround with the keyboard alone: no click anywhere. Add the client (Ctrl+N), open a
 * turnaround, add issues, record the agreement and the client's commitment, plan, add a commitment,
 * log a touchpoint, write and save a letter, add a ledger entry, and decide. Each dialog opens on
 * its first field, Ctrl+S saves it, and after navigating the focus is on the page's heading.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { startApp, type RunningApp } from './support/app-harness'
import { useAppSession } from './support/lifecycle'

const session = useAppSession()
let app: RunningApp | undefined

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const pickerText = (d: Date) => `${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()}`

/** Presses Tab (or Shift+Tab) until the focus is on (or inside) what `selector` finds. */
async function tabTo(page: Page, selector: string, options: { back?: boolean; max?: number } = {}): Promise<void> {
  for (let i = 0; i < (options.max ?? 80); i++) {
    const there = await page.evaluate((s) => Boolean(document.activeElement?.closest(s)), selector)
    if (there) return
    await page.keyboard.press(options.back ? 'Shift+Tab' : 'Tab')
  }
  throw new Error(`Tab never reached ${selector}; the focus is on ${await focused(page)}`)
}

/** What has the focus, in a few words: its tag, id, test id and text. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement
    if (!el) return 'nothing'
    const testId = el.closest('[data-testid]')?.getAttribute('data-testid')
    return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${testId ? ` [${testId}]` : ''} "${(el.textContent ?? '').trim().slice(0, 40)}"`
  })

async function focusIs(page: Page, selector: string): Promise<void> {
  try {
    await expect.poll(() => page.evaluate((s) => Boolean(document.activeElement?.closest(s)), selector)).toBe(true)
  } catch {
    await app?.screenshot('keyboard/focus-lost')
    throw new Error(`The focus is not on ${selector} but on ${await focused(page)}`)
  }
}

/**
 * Moves along a page's tab list with the arrow keys until the chosen tab's text matches. A drawer or
 * dialog closed just before is let finish leaving first: Naive gives the focus back to its opener
 * when its exit animation ends, as a person's next key would come after it.
 */
async function chooseTab(page: Page, list: string, name: RegExp): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('.n-drawer, .n-modal-container [role="dialog"]'))
  await tabTo(page, `${list} [role="tab"][aria-selected="true"]`)
  for (let i = 0; i < 8; i++) {
    const text = await page.evaluate(() => document.activeElement?.textContent ?? '')
    if (name.test(text)) return
    await page.keyboard.press('ArrowRight')
  }
  throw new Error(`No tab ${name} in ${list}`)
}

describe('a turnaround with the keyboard alone', () => {
  it('runs from a new client to a decision', async () => {
    app = session.app = await startApp(session.browser())
    try {
      await wholeTurnaround(app)
    } catch (error) {
      await app.screenshot('keyboard/failure')
      throw error
    }
  })
})

async function wholeTurnaround(app: RunningApp): Promise<void> {
  const { page } = app
  const type = (text: string) => page.keyboard.type(text)
  const press = (key: string) => page.keyboard.press(key)
  await page.evaluate(() =>
    window.api.call['profile:save']({
      businessName: 'Brightwater Consulting',
      ownerName: 'Jonas Lindqvist',
      currency: 'EUR',
      hourlyWorthMinor: 9500,
    }),
  )
  await page.reload()
  await page.getByRole('heading', { name: 'Today', exact: true }).waitFor()

  // The skip link is the first stop and takes the focus to the page's heading.
  await press('Tab')
  expect(await focused(page)).toContain('Skip to the page')
  await press('Enter')
  await focusIs(page, 'main h1')

  // Add a client: Ctrl+N, the name field has the focus, Ctrl+S saves.
  await press('Control+n')
  await focusIs(page, '#client-name')
  await type('Northwind Bakery')
  await tabTo(page, '#client-company')
  await type('Northwind Foods Ltd')
  await press('Control+s')
  await page.locator('.clients-table tbody tr', { hasText: 'Northwind Bakery' }).waitFor()

  // Open a turnaround from the Turnarounds page: the focus lands on its heading.
  await press('Control+3')
  await focusIs(page, 'main h1')
  await tabTo(page, '[data-testid="open-turnaround"]')
  await press('Enter')
  await focusIs(page, '#open-client')
  await type('Northwind')
  await page.locator('.n-base-select-option', { hasText: 'Northwind Bakery' }).waitFor()
  await press('Enter')
  await tabTo(page, '#open-client-words')
  await type('You never deliver on time and nobody tells us anything.')
  await tabTo(page, '#open-expectation')
  await type('Reports on the 5th of each month.')
  await press('Control+s')
  await page.locator('.turnaround-header h1', { hasText: 'Northwind Bakery' }).waitFor()
  await focusIs(page, 'main h1')

  // Issues: the tab list is reached with Tab and moved with the arrow keys.
  await chooseTab(page, '.turnaround-tabs', /^Issues/)
  for (const statement of ['The March report had the wrong VAT figures', 'The April report arrived 9 days late']) {
    await tabTo(page, '[data-testid="add-issue"]')
    await press('Enter')
    await focusIs(page, '#issue-statement')
    await type(statement)
    await press('Control+s')
    await page.locator('.issues-table').getByText(statement).waitFor()
    // Back where it was opened from.
    await focusIs(page, '[data-testid="add-issue"]')
  }
  // A row opens with Enter and Esc closes it again.
  await tabTo(page, '.issues-table tbody tr')
  await press('Enter')
  await focusIs(page, '#issue-statement')
  await press('Escape')
  await page.locator('.n-drawer').waitFor({ state: 'detached' })

  // The agreement and the client's commitment.
  await chooseTab(page, '.turnaround-tabs', /^Overview/)
  await tabTo(page, '[data-testid="record-agreement"]')
  await press('Enter')
  await page.getByTestId('agreement-recorded').waitFor()
  await tabTo(page, '#client-commitment-description-0')
  await type('Renew the annual contract in January')
  await tabTo(page, '[data-testid="save-client-commitment"]')
  await press('Enter')
  await expect
    .poll(() => page.locator('.turnaround-header [data-stage]').getAttribute('data-stage'))
    .toBe('client_committed')

  // The plan: an action, its impact chosen with the arrow keys.
  await chooseTab(page, '.turnaround-tabs', /^Plan/)
  await tabTo(page, '[data-testid="add-action"]')
  await press('Enter')
  await focusIs(page, '#action-title')
  await type('Put the report date in the shared calendar')
  await tabTo(page, '#action-effort')
  await type('0.5')
  await press('Control+s')
  await page.locator('.plan-table').getByText('Put the report date in the shared calendar').waitFor()

  // A commitment with a typed date.
  await chooseTab(page, '.turnaround-tabs', /^Commitments/)
  await tabTo(page, '#commitment-description')
  await type('Send the corrected March report')
  await tabTo(page, '[data-testid="commitment-due"] input')
  await press('Control+a')
  await type(pickerText(new Date()))
  await press('Enter')
  await tabTo(page, '[data-testid="add-commitment"]')
  await press('Enter')
  await page.locator('.commitments-table').getByText('Send the corrected March report').waitFor()

  // A touchpoint.
  await chooseTab(page, '.turnaround-tabs', /^Touchpoints/)
  await tabTo(page, '[data-testid="log-touchpoint"]')
  await press('Enter')
  await tabTo(page, '#touchpoint-minutes')
  await type('25')
  await tabTo(page, '#touchpoint-summary')
  await type('Called to confirm the plan.')
  await press('Control+s')
  await page.locator('.touchpoints-table').getByText('Called to confirm the plan.').waitFor()

  // Write and save a letter.
  await tabTo(page, '[data-testid="turnaround-write-letter"]', { back: true })
  await press('Enter')
  await tabTo(page, '[data-testid="write-letter-go"]')
  await press('Enter')
  await page.getByTestId('letter-save').waitFor()
  await focusIs(page, 'main h1')
  await press('Control+s')
  await page.getByTestId('letter-saved').waitFor()

  // A ledger entry, from the client's Ledger tab.
  await press('Control+2')
  await focusIs(page, 'main h1')
  await tabTo(page, '.clients-table tbody tr')
  await press('Enter')
  await page.getByRole('heading', { name: 'Northwind Bakery', level: 1 }).waitFor()
  await chooseTab(page, '.client-tabs', /^Ledger/)
  await tabTo(page, '[data-testid="ledger-add"]')
  await press('Enter')
  await tabTo(page, '#entry-description')
  await type('Corrected report, not charged')
  await tabTo(page, '#entry-amount')
  await type('120')
  await press('Control+s')
  await page.locator('[data-testid="ledger-entries"] tbody tr', { hasText: 'Corrected report' }).waitFor()

  // Decide: keep or let go.
  await chooseTab(page, '.client-tabs', /Keep or let go/)
  await tabTo(page, '[data-testid^="decision-"] input')
  await press('ArrowRight')
  await tabTo(page, '[data-testid="decision-record"]')
  await press('Enter')
  await page.getByTestId('last-decision').or(page.getByTestId('decision-history')).first().waitFor()

  const counts = await app.db.dataSource.query(
    'SELECT (SELECT COUNT(*) FROM turnaround_issues) AS issues, (SELECT COUNT(*) FROM turnaround_actions) AS actions, (SELECT COUNT(*) FROM commitments) AS commitments, (SELECT COUNT(*) FROM touchpoints) AS touchpoints',
  )
  expect(counts[0]).toMatchObject({ issues: 2, actions: 1, commitments: 1 })
  expect(counts[0].touchpoints).toBeGreaterThanOrEqual(2)
}
