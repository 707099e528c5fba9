/**
 * The Today page on chosen days: follow-ups, commitments at risk and overdue, and check-ins appear
 * and move as the calendar advances (main's clock and the page's clock both set to the day).
 */
import { describe, expect, it } from 'vitest'
import { newDataDir, startApp, type RunningApp } from './support/app-harness'
import { useAppSession } from './support/lifecycle'
import { openNorthwindTurnaround } from './support/northwind'

const session = useAppSession()
let app: RunningApp | undefined

const on = (day: string) => () => new Date(`${day}T10:00:00`)
const lines = (app: RunningApp, testId: string) => app.page.getByTestId(testId).locator('li').allInnerTexts()

describe('the Today page', () => {
  it('shows what is due on each chosen day, and each line leads to the place to act', async () => {
    const dataDir = newDataDir()
    app = session.app = await startApp(session.browser(), { dataDir, now: on('2026-03-02') })
    const turnaroundId = await openNorthwindTurnaround(app.page, '2026-03-02')
    await app.page.evaluate(async (id) => {
      const call = window.api.call
      await call['commitments:save']({
        turnaroundId: id,
        commitment: { party: 'us', description: 'Send the corrected March report', dueOn: '2026-03-05' },
      })
      await call['commitments:save']({
        turnaroundId: id,
        commitment: { party: 'client', description: 'Pay invoice 2291', dueOn: '2026-03-10' },
      })
    }, turnaroundId)
    await app.close()

    // 3 March: nothing to follow up yet (due the 4th); the report due the 5th is at risk.
    app = session.app = await startApp(session.browser(), { dataDir, now: on('2026-03-03') })
    await app.page.getByRole('link', { name: 'Today', exact: true }).click()
    await app.page.getByTestId('today-commitments').waitFor()
    expect(await app.page.getByTestId('today-follow-ups').count()).toBe(0)
    expect(await lines(app, 'today-commitments')).toEqual([
      expect.stringMatching(/At risk.*Northwind Bakery.*Send the corrected March report/s),
    ])
    await app.screenshot('today/2026-03-03')
    await app.close()

    // 6 March: the follow-up is overdue since the 4th, the report is overdue, the invoice not yet in view.
    app = session.app = await startApp(session.browser(), { dataDir, now: on('2026-03-06') })
    await app.page.getByRole('link', { name: 'Today', exact: true }).click()
    await app.page.getByTestId('today-follow-ups').waitFor()
    expect(await lines(app, 'today-follow-ups')).toEqual([
      expect.stringMatching(/Northwind Bakery.*overdue since 4 Mar 2026/s),
    ])
    expect(await lines(app, 'today-commitments')).toEqual([
      expect.stringMatching(/Overdue.*Send the corrected March report/s),
    ])
    await app.screenshot('today/2026-03-06')

    // Acting on the overdue commitment: the line leads to the turnaround's commitments.
    await app.page.getByTestId('today-commitments').getByRole('link', { name: 'Northwind Bakery' }).click()
    await app.page.locator('.commitments-table').waitFor()
    const report = app.page.locator('.commitments-table tr', { hasText: 'Send the corrected March report' })
    await report.getByRole('button', { name: 'Done…' }).click()
    const doneOn = app.page.getByTestId('commitment-done-on').locator('input')
    expect(await doneOn.inputValue()).toBe('6 Mar 2026')
    // A day still to come is refused next to the field, and nothing is marked.
    await doneOn.fill('7 Mar 2026')
    await app.page.keyboard.press('Enter')
    await app.page.getByTestId('commitment-done-save').click()
    await app.page
      .locator('.commitment-done-dialog .n-form-item-feedback__line', {
        hasText: 'The day it was done cannot be in the future.',
      })
      .waitFor()
    expect((await app.db.dataSource.query("SELECT COUNT(*) AS n FROM commitments WHERE status = 'done'"))[0].n).toBe(0)
    // The day it was really done: the 5th, on time.
    await doneOn.fill('5 Mar 2026')
    await app.page.keyboard.press('Enter')
    await app.page.getByTestId('commitment-done-save').click()
    await app.page.locator('.commitments-table [data-state="done"]').waitFor()
    await report.getByText('Done 5 Mar 2026').waitFor()
    await app.close()

    // 9 March: the report is done; the client's invoice, due the 10th, is now at risk.
    app = session.app = await startApp(session.browser(), { dataDir, now: on('2026-03-09') })
    await app.page.getByRole('link', { name: 'Today', exact: true }).click()
    await app.page.getByTestId('today-commitments').waitFor()
    expect(await lines(app, 'today-commitments')).toEqual([
      expect.stringMatching(/At risk.*Pay invoice 2291.*The client/s),
    ])
    await app.screenshot('today/2026-03-09')
  })
})
