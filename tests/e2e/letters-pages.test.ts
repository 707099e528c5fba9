/**
 * The letters on record a page at a time, in Chromium: 120 letters, the Letters page showing the
 * newest 50 with a pager that axe finds nothing wrong with, and the pager worked from the keyboard
 * alone (Tab to a page, Enter; Space on "Next page"), each page read from main as it is chosen.
 */
import { describe, expect, it } from 'vitest'
import { LetterEntity } from '../../electron/main/db/entities'
import { startApp } from './support/app-harness'
import { violations } from './support/axe'
import { seedAcmeTurnaround } from './support/letterhead-profile'
import { useAppSession } from './support/lifecycle'

const session = useAppSession()
const NOW = new Date(2026, 10, 22, 9, 30)

describe('the letters on record', () => {
  it('pages through 120 letters from the keyboard, and axe finds nothing on the page with its pager', async () => {
    const app = (session.app = await startApp(session.browser(), { now: () => NOW }))
    const { page } = app
    await seedAcmeTurnaround(page)
    // One letter saved through the app, then 119 copies of it over 30 days of October.
    await page.evaluate(async () => {
      const call = window.api.call
      const [acme] = await call['clients:list']({}).then((r) => (r.ok ? r.data.rows : []))
      const started = await call['letters:start']({ clientId: acme!.id, kind: 'check_in' })
      if (!started.ok) throw new Error(started.error.message)
      const saved = await call['letters:export']({ draft: started.data.draft })
      if (!saved.ok) throw new Error(saved.error.message)
    })
    const repo = app.db.dataSource.getRepository(LetterEntity)
    const [first] = await repo.find()
    const { id: _id, ...base } = first!
    const copies = Array.from({ length: 119 }, (_, i) => ({
      ...base,
      letterDate: `2026-10-${String(30 - (i % 30)).padStart(2, '0')}`,
      subject: `Checking in, letter ${i + 2}`,
    }))
    for (let i = 0; i < copies.length; i += 40) await repo.insert(copies.slice(i, i + 40))

    // The window opens again on the Letters page, as after a restart with the business set up.
    await page.goto(`${page.url().split('#')[0]}#/letters`)
    await page.reload()
    const rows = page.locator('.letters-table tbody tr')
    await rows.nth(49).waitFor()
    expect(await rows.count()).toBe(50)
    const pager = page.getByRole('navigation', { name: 'Pages' })
    expect(await pager.getByRole('button', { name: 'Page 3' }).isVisible()).toBe(true)
    expect(await pager.getByRole('button', { name: 'Page 1' }).getAttribute('aria-current')).toBe('page')
    expect(await violations(page, 'letters with a pager')).toEqual([])

    /** Waits until the pager marks `label` current and the table shows `rows` rows. */
    const shown = async (label: string, rows: number) => {
      await pager.getByRole('button', { name: label, exact: true }).and(page.locator('[aria-current="page"]')).waitFor()
      await page.waitForFunction((n) => document.querySelectorAll('.letters-table tbody tr').length === n, rows)
    }
    // From page 2, Tab reaches page 3; Enter chooses it, and the focus stays in the pager.
    await pager.getByRole('button', { name: 'Page 2' }).focus()
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Page 3')
    await page.keyboard.press('Enter')
    await shown('Page 3', 20)
    expect(await page.evaluate(() => document.activeElement?.closest('[role="navigation"]')?.ariaLabel)).toBe('Pages')
    await app.screenshot('letters/10-third-page')

    // Space on "Previous page": page 2, 50 rows again.
    await pager.getByRole('button', { name: 'Previous page' }).focus()
    await page.keyboard.press(' ')
    await shown('Page 2', 50)
  })
})
