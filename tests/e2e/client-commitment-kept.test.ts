/**
 * A person marks a part of the client's commitment kept on the turnaround page, finds an overdue
 * part on Today and marks it not kept there (it leaves Today), restarts the app and finds each
 * part as they left it. The pages with the parts' states pass axe.
 */
import { describe, expect, it } from 'vitest'
import { newDataDir, startApp, type RunningApp } from './support/app-harness'
import { violations } from './support/axe'
import { useAppSession } from './support/lifecycle'
import { openNorthwindTurnaround } from './support/northwind'

const session = useAppSession()
let app: RunningApp | undefined

const on = (day: string) => () => new Date(`${day}T10:00:00`)

async function openTurnaround(app: RunningApp): Promise<void> {
  await app.page.getByRole('link', { name: 'Turnarounds', exact: true }).click()
  await app.page.locator('.turnarounds-table tbody tr', { hasText: 'Northwind Bakery' }).click()
  await app.page.locator('.turnaround-header').waitFor()
  await app.page.locator('.turnaround-client-commitment').scrollIntoViewIfNeeded()
}

describe('whether the client kept their commitment', () => {
  it('is marked on the turnaround page and on Today, and kept across a restart', async () => {
    const dataDir = newDataDir()
    app = session.app = await startApp(session.browser(), { dataDir, now: on('2026-03-10') })
    const turnaroundId = await openNorthwindTurnaround(app.page, '2026-03-01')
    const [pay, refer, renew] = await app.page.evaluate(async (id) => {
      const call = window.api.call
      const part = { amountMinor: null, metWhen: '' }
      const set = await call['turnarounds:set-client-commitment']({
        id,
        parts: [
          { ...part, kind: 'pay_invoice', description: 'Pay invoice 2291', dueOn: '2026-03-06' },
          { ...part, kind: 'referral', description: 'Recommend us to the <b>farm shop</b>', dueOn: '2026-03-25' },
          { ...part, kind: 'renew', description: 'Renew the support plan', dueOn: null },
        ],
      })
      if (!set.ok) throw new Error(set.error.message)
      return set.data.clientCommitments.map((p) => p.id)
    }, turnaroundId)
    await app.page.reload()
    const { page } = app
    const status = (id: number | undefined) => page.getByTestId(`client-part-status-${String(id)}`)

    // The turnaround page: each part says how it stands; the referral is marked kept on the 8th.
    await openTurnaround(app)
    expect(await status(pay).innerText()).toMatch(/Overdue\s*due 6 Mar 2026/)
    expect(await status(refer).innerText()).toMatch(/Open\s*due 25 Mar 2026/)
    expect(await status(renew).innerText()).toMatch(/Open\s*no date/)
    // From the keyboard: the part's buttons are reached with Tab and pressed with Enter.
    await status(refer).getByRole('button', { name: 'Kept…' }).focus()
    await page.keyboard.press('Enter')
    const keptOn = page.getByTestId('client-part-kept-on').locator('input')
    expect(await keptOn.inputValue()).toBe('10 Mar 2026')
    await page
      .locator('.client-part-kept-dialog')
      .getByText('Recommend us to the <b>farm shop</b> (due 25 Mar 2026)')
      .waitFor()
    await keptOn.fill('8 Mar 2026')
    await page.keyboard.press('Enter')
    await app.screenshot('client-commitment/kept-dialog')
    await page.getByTestId('client-part-kept-save').click()
    await page.locator(`[data-testid="client-part-status-${String(refer)}"][data-status="kept"]`).waitFor()
    expect(await status(refer).innerText()).toMatch(/Kept\s*on 8 Mar 2026/)
    await page.locator('.n-message').waitFor({ state: 'detached', timeout: 15_000 })
    await app.screenshot('client-commitment/turnaround-parts')

    // Today: the overdue invoice reads as the client's; marked not kept there, it leaves.
    await page.getByRole('link', { name: 'Today', exact: true }).click()
    const list = page.getByTestId('today-client-parts')
    await list.waitFor()
    expect(await list.locator('li').allInnerTexts()).toEqual([
      expect.stringMatching(/Overdue\s*Northwind Bakery\s*Client: Pay invoice 2291\s*due 6 Mar 2026/),
    ])
    expect(await violations(page, 'Today with the client’s commitment')).toEqual([])
    await app.screenshot('client-commitment/today')
    await list.getByRole('button', { name: 'More actions' }).focus()
    await page.keyboard.press('Enter')
    await page.locator('.n-dropdown-option', { hasText: 'Not kept' }).waitFor()
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    await list.waitFor({ state: 'detached' })
    await app.close()

    // After a restart every part is as it was left.
    app = session.app = await startApp(session.browser(), { dataDir, now: on('2026-03-10') })
    await openTurnaround(app)
    const again = app.page
    await again.locator(`[data-testid="client-part-status-${String(pay)}"][data-status="not_kept"]`).waitFor()
    expect(await again.getByTestId(`client-part-status-${String(refer)}`).innerText()).toMatch(/Kept\s*on 8 Mar 2026/)
    expect(await again.getByTestId(`client-part-status-${String(renew)}`).getAttribute('data-status')).toBe('open')
    expect(
      await app.db.dataSource.query('SELECT settled_as, kept_on FROM turnaround_client_commitments ORDER BY position'),
    ).toEqual([
      { settled_as: 'not_kept', kept_on: null },
      { settled_as: 'kept', kept_on: '2026-03-08' },
      { settled_as: null, kept_on: null },
    ])
    expect(await violations(again, 'turnaround with the client’s commitment marked')).toEqual([])
    await app.screenshot('client-commitment/turnaround-after-restart')
    expect(app.pageErrors).toEqual([])
  })
})
