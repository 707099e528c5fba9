/**
 * Window hardening in Chromium: a note holding links to an outside site is shown as text; an
 * outside link that does get clicked, or a script's window.open, leaves the app where it is. The
 * real handlers from electron/main/security.ts decide (applied to the page by chromium-hardening.ts):
 * navigation away is prevented, new windows are denied, and only http(s) and mailto links are
 * handed to the system browser.
 */
import { describe, expect, it } from 'vitest'
import { newDataDir, startApp } from './support/app-harness'
import { hardenInChromium } from './support/chromium-hardening'
import { useAppSession } from './support/lifecycle'
import { openTestApp } from '../support/temp-db'

const session = useAppSession()
const NOTE =
  'Call back about <a href="https://evil.example/steal">the invoice</a>\nSee https://evil.example/plain and <script>alert(1)</script>'

describe('window hardening', () => {
  it('keeps the app in its window: links in notes are text, outside navigation is prevented, window.open is denied', async () => {
    const dataDir = newDataDir()
    const seed = await openTestApp(dataDir)
    await seed.call('profile:save', {
      businessName: 'Brightwater',
      ownerName: 'Jonas',
      email: '',
      currency: 'GBP',
      hourlyWorthMinor: 9500,
    })
    await seed.call('clients:create', { name: 'Link Ltd', email: '', notes: NOTE })
    await seed.close()

    const app = (session.app = await startApp(session.browser(), { dataDir }))
    const { page } = app
    await page.getByRole('heading', { name: 'Today', exact: true }).waitFor()
    await app.menu('go-clients')
    await page.getByRole('heading', { name: 'Clients', exact: true }).waitFor()
    const hardened = await hardenInChromium(page)
    const appUrl = page.url().split('#')[0]
    await page.evaluate(() => (window.location.hash = '#/clients/1'))
    const notes = page.locator('.client-notes')
    await notes.waitFor()

    // The note is text: no link, no script, every character shown as typed.
    expect(await notes.textContent()).toContain('<a href="https://evil.example/steal">the invoice</a>')
    expect(await page.locator('a[href*="evil.example"]').count()).toBe(0)
    expect(await page.locator('.client-notes script').count()).toBe(0)
    await app.screenshot('window-hardening-note')

    // An outside link clicked anyway (as if one slipped in) does not navigate the app.
    await page.evaluate(() => {
      const a = document.createElement('a')
      a.href = 'https://evil.example/steal'
      a.textContent = 'outside'
      document.body.append(a)
      a.click()
    })
    await expect.poll(() => hardened.blockedNavigations).toEqual(['https://evil.example/steal'])
    expect(page.url().split('#')[0]).toBe(appUrl)
    await notes.waitFor()

    // So is a script sending the window elsewhere.
    await page.evaluate(() => window.location.assign('http://evil.example/plain'))
    await expect.poll(() => hardened.blockedNavigations.length).toBe(2)
    expect(page.url().split('#')[0]).toBe(appUrl)

    // window.open is denied: no second window stays open, the app stays put.
    await page.evaluate(() => void window.open('https://evil.example/popup', '_blank'))
    await expect.poll(() => hardened.deniedWindows).toContain('https://evil.example/popup')
    await expect.poll(() => page.context().pages().length).toBe(1)
    expect(page.url().split('#')[0]).toBe(appUrl)

    // The links went to the system browser instead (file and script addresses never do: security.test.ts).
    expect(hardened.openedExternally).toEqual([
      'https://evil.example/steal',
      'http://evil.example/plain',
      'https://evil.example/popup',
    ])
    await notes.waitFor()
  })
})
