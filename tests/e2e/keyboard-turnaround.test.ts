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

/** Tabs to each field in turn and types its text, as a person filling in a form does. */
async function typeInto(page: Page, fields: ReadonlyArray<readonly [selector: string, text: string]>): Promise<void> {
  for (const [selector, text] of fields) {
    await tabTo(page, selector)
    await page.keyboard.type(text)
  }
}

/** Tabs to the button `testId` names and presses Enter on it. */
async function pressButton(page: Page, testId: string, options: { back?: boolean } = {}): Promise<void> {
  await tabTo(page, `[data-testid="${testId}"]`, options)
  await page.keyboard.press('Enter')
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
 * Waits for a dialog to have opened as a person sees it: its entrance animation over and the focus
 * in it. Naive's focus trap may move the focus as the entrance ends, so a key pressed during it can
 * land elsewhere than where tabbing left it (under load, Enter on "Write the letter" did nothing).
 */
async function dialogOpened(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const dialog = document.querySelector('.n-modal-container [role="dialog"]')
    if (!dialog || !dialog.contains(document.activeElement)) return false
    return !dialog.closest('[class*="transition-enter"]') && !dialog.querySelector('[class*="transition-enter"]')
  })
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
  await typeInto(page, [
    ['#client-name', 'Northwind Bakery'],
    ['#client-company', 'Northwind Foods Ltd'],
  ])
  await press('Control+s')
  await page.locator('.clients-table tbody tr', { hasText: 'Northwind Bakery' }).waitFor()

  // Open a turnaround from the Turnarounds page: the focus lands on its heading.
  await press('Control+3')
  await focusIs(page, 'main h1')
  await pressButton(page, 'open-turnaround')
  await focusIs(page, '#open-client')
  await type('Northwind')
  await page.locator('.n-base-select-option', { hasText: 'Northwind Bakery' }).waitFor()
  await press('Enter')
  await typeInto(page, [
    ['#open-client-words', 'You never deliver on time and nobody tells us anything.'],
    ['#open-expectation', 'Reports on the 5th of each month.'],
  ])
  await press('Control+s')
  await page.locator('.turnaround-header h1', { hasText: 'Northwind Bakery' }).waitFor()
  await focusIs(page, 'main h1')

  // Issues: the tab list is reached with Tab and moved with the arrow keys.
  await chooseTab(page, '.turnaround-tabs', /^Issues/)
  for (const statement of ['The March report had the wrong VAT figures', 'The April report arrived 9 days late']) {
    await pressButton(page, 'add-issue')
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
  await pressButton(page, 'record-agreement')
  await page.getByTestId('agreement-recorded').waitFor()
  await typeInto(page, [['#client-commitment-description-0', 'Renew the annual contract in January']])
  await pressButton(page, 'save-client-commitment')
  await expect
    .poll(() => page.locator('.turnaround-header [data-stage]').getAttribute('data-stage'))
    .toBe('client_committed')

  // The plan: an action, its impact chosen with the arrow keys.
  await chooseTab(page, '.turnaround-tabs', /^Plan/)
  await pressButton(page, 'add-action')
  await focusIs(page, '#action-title')
  await typeInto(page, [
    ['#action-title', 'Put the report date in the shared calendar'],
    ['#action-effort', '0.5'],
  ])
  await press('Control+s')
  await page.locator('.plan-table').getByText('Put the report date in the shared calendar').waitFor()

  // A commitment with a typed date.
  await chooseTab(page, '.turnaround-tabs', /^Commitments/)
  await typeInto(page, [['#commitment-description', 'Send the corrected March report']])
  await tabTo(page, '[data-testid="commitment-due"] input')
  await press('Control+a')
  await type(pickerText(new Date()))
  await press('Enter')
  await pressButton(page, 'add-commitment')
  await page.locator('.commitments-table').getByText('Send the corrected March report').waitFor()

  // A touchpoint.
  await chooseTab(page, '.turnaround-tabs', /^Touchpoints/)
  await pressButton(page, 'log-touchpoint')
  await typeInto(page, [
    ['#touchpoint-minutes', '25'],
    ['#touchpoint-summary', 'Called to confirm the plan.'],
  ])
  await press('Control+s')
  await page.locator('.touchpoints-table').getByText('Called to confirm the plan.').waitFor()

  // Write and save a letter.
  await pressButton(page, 'turnaround-write-letter', { back: true })
  await dialogOpened(page)
  await pressButton(page, 'write-letter-go')
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
  await pressButton(page, 'ledger-add')
  await typeInto(page, [
    ['#entry-description', 'Corrected report, not charged'],
    ['#entry-amount', '120'],
  ])
  await press('Control+s')
  await page.locator('[data-testid="ledger-entries"] tbody tr', { hasText: 'Corrected report' }).waitFor()

  // Decide: keep or let go.
  await chooseTab(page, '.client-tabs', /Keep or let go/)
  await tabTo(page, '[data-testid^="decision-"] input')
  await press('ArrowRight')
  await pressButton(page, 'decision-record')
  await page.getByTestId('last-decision').or(page.getByTestId('decision-history')).first().waitFor()

  const counts = await app.db.dataSource.query(
    'SELECT (SELECT COUNT(*) FROM turnaround_issues) AS issues, (SELECT COUNT(*) FROM turnaround_actions) AS actions, (SELECT COUNT(*) FROM commitments) AS commitments, (SELECT COUNT(*) FROM touchpoints) AS touchpoints',
  )
  expect(counts[0]).toMatchObject({ issues: 2, actions: 1, commitments: 1 })
  expect(counts[0].touchpoints).toBeGreaterThanOrEqual(2)
}
