/**
 * Every page at 1280×800 and 1920×1080, with the sample business and with an empty database,
 * saved under test-results/screenshots/screens for a person to look at. Each page must render
 * its heading without a page error.
 */
import type { Browser } from 'playwright-core'
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

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser.close()
})

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
    await app.screenshot(`screens/${label}-${size}-${path.slice(1)}`)
  }
}

describe('every page, looked at', () => {
  for (const viewport of VIEWPORTS) {
    const size = `${viewport.width}x${viewport.height}`

    it(`renders with an empty database at ${size}`, async () => {
      const app = await startApp(browser, { viewport })
      try {
        await app.page.getByRole('heading', { name: 'Welcome to Turnaround Desk' }).waitFor()
        await app.screenshot(`screens/empty-${size}-welcome`)
        await app.page.getByTestId('start-own').click()
        await app.screenshot(`screens/empty-${size}-welcome-own-business`)
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
      } finally {
        await app.close()
      }
    })

    it(`renders with the sample business at ${size}`, async () => {
      const app = await startApp(browser, { viewport })
      try {
        await app.page.getByTestId('explore-sample').click()
        await app.page.getByTestId('sample-banner').waitFor()
        await shootAll(app, 'sample', size)
        await app.page.getByRole('link', { name: 'Clients', exact: true }).click()
        await app.page.locator('.clients-table tbody tr', { hasText: 'Brightwater Dental' }).click()
        await app.page.getByRole('heading', { name: 'Brightwater Dental' }).waitFor()
        await app.screenshot(`screens/sample-${size}-client`)
        await app.page.getByTestId('edit-client').click()
        await app.page.locator('#client-name').waitFor()
        await app.screenshot(`screens/sample-${size}-client-edit`)
        await app.page.keyboard.press('Escape')
        await app.page.locator('.client-tabs .n-tabs-tab', { hasText: 'Ledger' }).click()
        await app.page.getByTestId('figure-revenue').waitFor()
        await app.screenshot(`screens/sample-${size}-client-ledger`)
        await app.page.getByRole('link', { name: 'Turnarounds', exact: true }).click()
        await app.page.locator('.turnarounds-table tbody tr', { hasText: 'Acme & Sons' }).click()
        await app.page.locator('.turnaround-header').waitFor()
        for (const tab of ['Overview', 'Issues', 'Plan', 'Commitments', 'Touchpoints']) {
          await app.page.locator('.turnaround-tabs .n-tabs-tab', { hasText: tab }).click()
          await app.screenshot(`screens/sample-${size}-turnaround-${tab.toLowerCase()}`)
        }
        await app.page.locator('.turnaround-tabs .n-tabs-tab', { hasText: 'Keep or let go?' }).click()
        await app.page.getByTestId('recommendation').waitFor()
        await app.page.waitForTimeout(500) // the tabs slide in: let the pane settle before the picture
        await app.screenshot(`screens/sample-${size}-turnaround-decision`)
        expect(app.pageErrors).toEqual([])
      } finally {
        await app.close()
      }
    })
  }
})
