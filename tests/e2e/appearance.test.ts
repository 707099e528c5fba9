/**
 * Light, dark and the system's scheme, chosen in Settings and kept on this computer; the zoom on
 * Ctrl+= / Ctrl+- / Ctrl+0, remembered; every page looked at in the dark scheme and at 200%.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { startApp, type RunningApp } from './support/app-harness'
import { useAppSession } from './support/lifecycle'

const session = useAppSession()
const PAGES = ['Today', 'Clients', 'Turnarounds', 'Ledger', 'Letters', 'Trends', 'Settings']

const scheme = (page: Page) => page.evaluate(() => document.documentElement.dataset.theme)

async function go(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click()
  await page.getByRole('heading', { name, exact: true, level: 1 }).waitFor()
  await page
    .locator('.n-data-table-loading-wrapper')
    .waitFor({ state: 'detached' })
    .catch(() => undefined)
}

async function shootAll(app: RunningApp, folder: string): Promise<void> {
  const { page } = app
  for (const name of PAGES) {
    await go(page, name)
    await page.waitForTimeout(200)
    await app.screenshot(`${folder}/${name.toLowerCase()}`)
  }
  await go(page, 'Turnarounds')
  await page.locator('.turnarounds-table tbody tr', { hasText: 'Acme & Sons' }).click()
  await page.locator('.turnaround-header').waitFor()
  await app.screenshot(`${folder}/turnaround`)
  await go(page, 'Clients')
  await page.locator('.clients-table tbody tr', { hasText: 'Acme & Sons' }).click()
  await page.locator('.client-tabs [role="tab"]', { hasText: 'Ledger' }).click()
  await page.getByTestId('figure-revenue').waitFor()
  await app.screenshot(`${folder}/client-ledger`)
}

describe('appearance', () => {
  it('follows the system, or the choice in Settings, and keeps it on this computer', async () => {
    let app = (session.app = await startApp(session.browser()))
    const { dataDir } = app
    await app.page.emulateMedia({ colorScheme: 'dark' })
    await app.page.getByTestId('explore-sample').click()
    await app.page.getByTestId('sample-banner').waitFor()
    // "As the system": the OS says dark, then light.
    expect(await scheme(app.page)).toBe('dark')
    await app.page.emulateMedia({ colorScheme: 'light' })
    await expect.poll(() => scheme(app.page)).toBe('light')

    // Chosen in Settings: dark whatever the system says.
    await go(app.page, 'Settings')
    await app.page.getByTestId('theme-dark').click()
    await expect.poll(() => scheme(app.page)).toBe('dark')
    expect(app.appearance.themes.at(-1)).toBe('dark')
    expect(JSON.parse(fs.readFileSync(path.join(dataDir, 'appearance.json'), 'utf8'))).toMatchObject({ theme: 'dark' })
    await shootAll(app, 'appearance/dark')

    // Zoom by keyboard: in twice, out once, remembered; Ctrl+0 back to actual size.
    await app.page.keyboard.press('Control+=')
    await app.page.keyboard.press('Control+=')
    await app.page.keyboard.press('Control+-')
    await expect.poll(() => app.appearance.zooms.at(-1)).toBe(1.1)
    await go(app.page, 'Settings')
    await expect.poll(() => app.page.getByTestId('appearance-zoom').textContent()).toBe('110%')

    // As after a restart: the choice and the zoom are still there.
    session.app = undefined
    await app.close()
    app = session.app = await startApp(session.browser(), { dataDir })
    await app.page.getByRole('heading', { name: 'Today', exact: true }).waitFor()
    await expect.poll(() => scheme(app.page)).toBe('dark')
    await go(app.page, 'Settings')
    await expect.poll(() => app.page.getByTestId('appearance-zoom').textContent()).toBe('110%')
    await app.page.keyboard.press('Control+0')
    await expect.poll(() => app.appearance.zooms.at(-1)).toBe(1)
    await app.page.getByTestId('theme-system').click()
    await expect.poll(() => scheme(app.page)).toBe('light')
  })

  it('stays usable at 200%: every page looked at, nothing cut off sideways', async () => {
    // A 1280×800 window at 200% lays out like a 640×400 one drawn with twice the pixels.
    const app = (session.app = await startApp(session.browser(), { viewport: { width: 640, height: 400 }, scale: 2 }))
    await app.page.getByTestId('explore-sample').click()
    await app.page.getByTestId('sample-banner').waitFor()
    for (const name of PAGES) {
      await go(app.page, name)
      await app.page.waitForTimeout(200)
      await app.screenshot(`appearance/zoom-200/${name.toLowerCase()}`)
      // The page itself never scrolls sideways; wide tables scroll within themselves.
      const overflow = await app.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
      expect(overflow, name).toBeLessThanOrEqual(0)
    }
    await go(app.page, 'Turnarounds')
    await app.page.locator('.turnarounds-table tbody tr', { hasText: 'Acme & Sons' }).click()
    await app.page.locator('.turnaround-header').waitFor()
    await app.screenshot('appearance/zoom-200/turnaround')
  })
})
