/**
 * Every page at 1280×800 and 1920×1080, with the sample business and with an empty database,
 * saved under test-results/screenshots/screens for a person to look at. Each page must render
 * its heading without a page error, and nothing on it may run wider than the window.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, startApp, type RunningApp } from './support/app-harness'

const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
]
const PAGES = [
  { path: '/today', heading: 'Today' },
  { path: '/clients', heading: 'Clients' },
  { path: '/turnarounds', heading: 'Turnarounds' },
  { path: '/ledger', heading: 'Ledger' },
  { path: '/letters', heading: 'Letters' },
  { path: '/trends', heading: 'Trends' },
  { path: '/settings', heading: 'Settings' },
]

/**
 * What runs wider than the window: the document itself, the scrolling main pane, or any element in
 * it whose content is cut off sideways (a table row, a chart, a header) by more than a pixel.
 */
function horizontalOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = []
    const doc = document.documentElement
    if (doc.scrollWidth > doc.clientWidth + 1) found.push(`the page (${doc.scrollWidth} > ${doc.clientWidth})`)
    const main = document.querySelector('.app-main')
    if (main && main.scrollWidth > main.clientWidth + 1)
      found.push(`the main pane (${main.scrollWidth} > ${main.clientWidth})`)
    for (const el of Array.from(main?.querySelectorAll('*') ?? [])) {
      const style = getComputedStyle(el)
      if (!['auto', 'scroll', 'hidden', 'clip'].includes(style.overflowX)) continue
      // Cut short on purpose, with an ellipsis (the full text is in its title), or hidden from sight.
      if (style.textOverflow === 'ellipsis' || el.clientWidth <= 1) continue
      if (el.closest('.n-base-selection, .n-input, .n-tabs-nav, .n-tabs-rail, [data-allow-overflow]')) continue
      if (el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0)
        found.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')} (${el.scrollWidth} > ${el.clientWidth})`)
    }
    return found
  })
}

/** Every page checked for sideways overflow, named by where it was found (emptied for each test). */
let overflows: string[] = []

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser.close()
})

/** A screenshot to look at, and the page checked for sideways overflow. */
async function look(app: RunningApp, name: string): Promise<void> {
  await app.screenshot(`screens/${name}`)
  for (const what of await horizontalOverflow(app.page)) overflows.push(`${name}: ${what}`)
}

async function shootAll(app: RunningApp, label: string, size: string): Promise<void> {
  const { page } = app
  for (const { path, heading } of PAGES) {
    // Through the sidebar, as a person would.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: heading, exact: true }).click()
    await page.getByRole('heading', { name: heading, exact: true }).waitFor()
    await page
      .locator('.n-data-table-loading-wrapper')
      .waitFor({ state: 'detached' })
      .catch(() => undefined)
    await look(app, `${label}-${size}-${path.slice(1)}`)
  }
}

describe('every page, looked at', () => {
  for (const viewport of VIEWPORTS) {
    const size = `${viewport.width}x${viewport.height}`

    it(`renders with an empty database at ${size}`, async () => {
      overflows = []
      const app = await startApp(browser, { viewport })
      try {
        await app.page.getByRole('heading', { name: 'Welcome to Turnaround Desk' }).waitFor()
        await look(app, `empty-${size}-welcome`)
        await app.page.getByTestId('start-own').click()
        await look(app, `empty-${size}-welcome-own-business`)
        await app.page.evaluate(() =>
          window.api.call['profile:save']({
            businessName: 'Brightwater Consulting',
            ownerName: 'Jonas Lindqvist',
            currency: 'EUR',
            hourlyWorthMinor: 9500,
          }),
        )
        await app.page.reload()
        await app.page.getByRole('heading', { name: 'Today', exact: true }).waitFor()
        await app.menu('go-clients')
        await app.page.getByRole('heading', { name: 'Clients', exact: true }).waitFor()
        await shootAll(app, 'empty', size)
        expect(app.pageErrors).toEqual([])
        expect(overflows).toEqual([])
      } finally {
        await app.close()
      }
    })

    it(`renders with the sample business at ${size}`, async () => {
      overflows = []
      const app = await startApp(browser, { viewport })
      try {
        await app.page.getByTestId('explore-sample').click()
        await app.page.getByTestId('sample-banner').waitFor()
        // The toast saying so stands beside the page, never over its content.
        const toast = await app.page.locator('.n-message', { hasText: 'Loaded a sample business' }).boundingBox()
        const content = await app.page.locator('.app-main').boundingBox()
        expect(toast && content && toast.x + toast.width <= content.x).toBe(true)
        await shootAll(app, 'sample', size)
        // The charts' values opened as tables: a wide one scrolls in its own frame, the page keeps its width.
        await app.page.getByRole('link', { name: 'Trends', exact: true }).click()
        for (const values of await app.page.locator('details.chart-values summary').all()) await values.click()
        await look(app, `sample-${size}-trends-values`)
        expect(overflows).toEqual([])
        // Margin by client: a line for every client's name, read across, not slanted and skipped.
        await app.page.getByRole('link', { name: 'Ledger', exact: true }).click()
        const chart = app.page.getByTestId('margin-by-client').locator('canvas')
        await chart.waitFor()
        const rows = await app.page.getByTestId('portfolio-table').locator('.n-data-table-tr').count()
        const clients = Number(
          (await app.page.locator('.ledger-view, main').first().innerText()).match(/(\d+) clients with entries/)?.[1],
        )
        expect(clients).toBeGreaterThan(20)
        expect(rows).toBeGreaterThan(0)
        expect((await chart.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(clients * 20)
        await chart.scrollIntoViewIfNeeded()
        await look(app, `sample-${size}-ledger-margin-by-client`)
        await app.page.getByRole('link', { name: 'Clients', exact: true }).click()
        await app.page.locator('.clients-table tbody tr', { hasText: 'Brightwater Dental' }).click()
        await app.page.getByRole('heading', { name: 'Brightwater Dental' }).waitFor()
        await look(app, `sample-${size}-client`)
        await app.page.getByTestId('edit-client').click()
        await app.page.locator('#client-name').waitFor()
        await look(app, `sample-${size}-client-edit`)
        await app.page.keyboard.press('Escape')
        await app.page.locator('.client-tabs .n-tabs-tab', { hasText: 'Ledger' }).click()
        await app.page.getByTestId('figure-revenue').waitFor()
        await look(app, `sample-${size}-client-ledger`)
        await app.page.getByRole('link', { name: 'Turnarounds', exact: true }).click()
        await app.page.locator('.turnarounds-table tbody tr', { hasText: 'Acme & Sons' }).click()
        await app.page.locator('.turnaround-header').waitFor()
        for (const tab of ['Overview', 'Issues', 'Plan', 'Commitments', 'Touchpoints']) {
          await app.page.locator('.turnaround-tabs .n-tabs-tab', { hasText: tab }).click()
          await look(app, `sample-${size}-turnaround-${tab.toLowerCase()}`)
        }
        await app.page.locator('.turnaround-tabs .n-tabs-tab', { hasText: 'Keep or let go?' }).click()
        await app.page.getByTestId('recommendation').waitFor()
        await app.page.waitForTimeout(500) // the tabs slide in: let the pane settle before the picture
        await look(app, `sample-${size}-turnaround-decision`)
        // Main's recommendation writes its date as the page does ("1 Nov 2026" in en-GB, as in the header).
        expect(await app.page.getByTestId('recommendation').innerText()).toMatch(
          /agreed on \d{1,2} [A-Z][a-z]{2,3} \d{4}\./,
        )
        expect(app.pageErrors).toEqual([])
        expect(overflows).toEqual([])
      } finally {
        await app.close()
      }
    })
  }
})
