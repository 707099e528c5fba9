/**
 * One complete turnaround, as a new owner would run it: open it, make the issues specific, get the
 * list agreed, record the client's commitment, follow up in writing, plan with quick wins, keep,
 * move and miss commitments, log touchpoints, and close it as recovered.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { localIsoDate } from '../../electron/shared/dates'
import { startApp, type RunningApp } from './support/app-harness'
import { useAppSession } from './support/lifecycle'

const session = useAppSession()
let app: RunningApp | undefined

const stage = (page: Page) => page.locator('.turnaround-header [data-stage]').getAttribute('data-stage')

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const pickerText = (d: Date) => `${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()}`

async function tab(page: Page, name: RegExp): Promise<void> {
  await page.locator('.turnaround-tabs .n-tabs-tab', { hasText: name }).click()
}

async function addIssue(
  page: Page,
  statement: string,
  options: { general?: boolean; staff?: string } = {},
): Promise<void> {
  await page.getByTestId('add-issue').click()
  await page.locator('#issue-statement').fill(statement)
  if (options.general) await page.getByTestId('issue-general').click()
  if (options.staff) await page.locator('#issue-staff').fill(options.staff)
  await page.getByTestId('issue-save').click()
  await page.locator('.issues-table').getByText(statement).waitFor()
}

async function addAction(page: Page, title: string, impact: number, hours: string): Promise<void> {
  await page.getByTestId('add-action').click()
  await page.locator('#action-title').fill(title)
  await page.getByTestId(`impact-${impact}`).click()
  await page.locator('#action-effort').fill(hours)
  await page.getByTestId('action-save').click()
  await page.locator('.plan-table').getByText(title).waitFor()
}

describe('a turnaround from start to finish', () => {
  it('runs from the complaint to a recovered client', async () => {
    app = session.app = await startApp(session.browser())
    const { page } = app
    await page.evaluate(async () => {
      await window.api.call['profile:save']({
        businessName: 'Brightwater Consulting',
        ownerName: 'Jonas Lindqvist',
        currency: 'EUR',
        hourlyWorthMinor: 9500,
      })
      await window.api.call['clients:create']({ name: 'Northwind Bakery', company: 'Northwind Foods Ltd' })
    })
    await page.reload()
    await page.getByRole('link', { name: 'Turnarounds', exact: true }).click()
    await page.getByText('No open turnarounds').waitFor()
    await app.screenshot('turnaround/01-empty-list')

    // Open it: who heard it, the client's words, what they expect.
    await page.getByTestId('open-turnaround').click()
    await page.locator('#open-client').click()
    await page.keyboard.type('Northwind')
    await page.locator('.n-base-select-option', { hasText: 'Northwind Bakery' }).click()
    expect(await page.locator('#open-first-heard-by').inputValue()).toBe('Jonas Lindqvist')
    await page.locator('#open-client-words').fill('You never deliver on time and nobody tells us anything.')
    await page.locator('#open-expectation').fill('Reports on the 5th of each month, and a call when something slips.')
    await app.screenshot('turnaround/02-open-dialog')
    await page.getByTestId('open-turnaround-save').click()
    await page.locator('.turnaround-header h1', { hasText: 'Northwind Bakery' }).waitFor()
    expect(await stage(page)).toBe('listening')
    await app.screenshot('turnaround/03-opened')

    // Issues: a generality cannot be agreed until it is made specific.
    await tab(page, /^Issues/)
    await addIssue(page, 'They never deliver on time', { general: true })
    await addIssue(page, 'The March report had the wrong VAT figures', { staff: 'Tom' })
    await tab(page, /^Overview/)
    await page.getByTestId('record-agreement').click()
    await page
      .getByText(/Make these issues specific or drop them first/)
      .first()
      .waitFor()
    expect(await stage(page)).toBe('listening')
    await tab(page, /^Issues/)
    await page.locator('.issues-table').getByText('They never deliver on time').click()
    await page.locator('#issue-statement').fill('The March and April reports arrived 6 and 9 days late')
    await page.getByTestId('issue-general').click()
    await page.locator('#issue-success').fill('Reports arrive by the 5th for three months running')
    await page.getByTestId('issue-save').click()
    await page.locator('.issues-table').getByText('The March and April reports arrived 6 and 9 days late').waitFor()
    await app.screenshot('turnaround/04-issues')

    await tab(page, /^Overview/)
    await page.getByTestId('record-agreement').click()
    await page.getByTestId('agreement-recorded').waitFor()
    await expect.poll(() => stage(page)).toBe('issues_agreed')

    // The client's commitment: renew the contract and give a referral, each measurable.
    await page.getByTestId('client-commitment-kind-0').click()
    await page.locator('.n-base-select-option', { hasText: 'Renew' }).click()
    await page.locator('#client-commitment-description-0').fill('Renew the annual contract in January')
    await page.locator('#client-commitment-amount-0').fill('4800')
    await page.getByTestId('add-client-commitment-part').click()
    await page.locator('#client-commitment-description-1').fill('Recommend us to their accountant')
    await page.locator('#client-commitment-met-1').fill('The accountant asks us for a quote')
    await page.getByTestId('save-client-commitment').click()
    await expect.poll(() => stage(page)).toBe('client_committed')
    await page.reload()
    await page.locator('#client-commitment-description-1').waitFor()
    expect(await page.locator('#client-commitment-description-0').inputValue()).toBe(
      'Renew the annual contract in January',
    )
    expect(await page.locator('#client-commitment-met-1').inputValue()).toBe('The accountant asks us for a quote')
    await page.locator('.turnaround-client-commitment').scrollIntoViewIfNeeded()
    await app.screenshot('turnaround/04b-client-commitment')

    // Follow up in writing: an email logged as a touchpoint.
    await tab(page, /^Touchpoints/)
    await page.getByTestId('log-touchpoint').click()
    // The dialog opens on its first field, Kind, with no calendar over it.
    await expect
      .poll(() => page.evaluate(() => !!document.activeElement?.closest('[data-testid="touchpoint-kind"]')))
      .toBe(true)
    await page.waitForTimeout(300) // past the moment the app moves the focus to a dialog's first field
    expect(await page.evaluate(() => !!document.activeElement?.closest('[data-testid="touchpoint-kind"]'))).toBe(true)
    expect(await page.locator('.n-date-panel').count()).toBe(0)
    await page.getByTestId('touchpoint-kind').click()
    await page.locator('.n-base-select-option', { hasText: 'Email' }).click()
    await page.locator('#touchpoint-minutes').fill('25')
    await page
      .locator('#touchpoint-summary')
      .fill('Sent the meeting summary, the agreed issues and the date the plan will come.')
    await page.getByTestId('touchpoint-save').click()
    await page.locator('.touchpoints-table').getByText('Sent the meeting summary').waitFor()
    await expect.poll(() => stage(page)).toBe('follow_up_sent')

    // The plan: the best impact for the effort comes first as a quick win.
    await tab(page, /^Plan/)
    await addAction(page, 'Rebuild the reporting process', 4, '16')
    await addAction(page, 'Put the report date in the shared calendar', 4, '0.5')
    await addAction(page, 'Correct and resend the March report', 5, '2')
    const titles = () => page.locator('.plan-table tbody tr .title').allTextContents()
    await expect
      .poll(titles)
      .toEqual([
        'Quick winPut the report date in the shared calendar',
        'Quick winCorrect and resend the March report',
        'Rebuild the reporting process',
      ])
    // The owner reorders by hand: the resend goes first.
    await page.getByRole('button', { name: 'Move “Correct and resend the March report” up' }).click()
    await expect.poll(async () => (await titles())[0]).toBe('Quick winCorrect and resend the March report')
    await page.getByTestId('agree-plan').click()
    await page.getByTestId('plan-agreed').waitFor()
    await expect.poll(() => stage(page)).toBe('plan_agreed')
    await app.screenshot('turnaround/05-plan')

    // Commitments: one met, one moved to a new date and then missed.
    await tab(page, /^Commitments/)
    const addCommitment = async (text: string) => {
      await page.locator('#commitment-description').fill(text)
      // Typed as the picker shows dates in this locale (en-GB: "22 Nov 2026").
      await page.getByTestId('commitment-due').locator('input').fill(pickerText(new Date()))
      await page.keyboard.press('Enter')
      await page.getByTestId('add-commitment').click()
      await page.locator('.commitments-table').getByText(text).waitFor()
    }
    await addCommitment('Send the corrected March report')
    await addCommitment('Call Priya about the April figures')
    await expect.poll(() => page.locator('.commitments-table [data-state="at_risk"]').count()).toBe(2)
    await app.screenshot('turnaround/06-commitments-at-risk')
    await page
      .locator('.commitments-table tr', { hasText: 'Send the corrected March report' })
      .getByRole('button', { name: 'Done…' })
      .click()
    await page.getByTestId('commitment-done-save').click()
    const call = page.locator('.commitments-table tr', { hasText: 'Call Priya' })
    const tomorrow = new Date(Date.now() + 24 * 60 * 60 * 1000)
    await call.getByRole('button', { name: 'New date…' }).click()
    await page.getByTestId('renegotiate-new-date').locator('input').fill(pickerText(tomorrow))
    await page.keyboard.press('Enter')
    await page.locator('#renegotiate-reason').fill('Priya is at the trade fair today')
    await page.getByTestId('renegotiate-save').click()
    await call.getByText(/^Moved from .+: Priya is at the trade fair today$/).waitFor()
    expect(
      await app.db.dataSource.query(
        "SELECT status, due_on, renegotiation_reason AS r FROM commitments WHERE description LIKE 'Call Priya%'",
      ),
    ).toEqual([{ status: 'renegotiated', due_on: localIsoDate(tomorrow), r: 'Priya is at the trade fair today' }])
    await call.getByRole('button', { name: 'Missed' }).click()
    await page.getByTestId('on-time-share').getByText('50%').waitFor()
    await expect.poll(() => stage(page)).toBe('in_progress')
    await app.screenshot('turnaround/07-commitments')

    // Close as recovered.
    await tab(page, /^Overview/)
    await page.getByTestId('outcome-recovered').click()
    await page.locator('#closing-note').fill('Reports are now in the shared calendar with a reminder two days ahead.')
    await page.getByTestId('close-turnaround').click()
    await page.getByRole('button', { name: 'Close turnaround', exact: true }).click()
    await page.getByTestId('closed-outcome').waitFor()
    await expect.poll(() => stage(page)).toBe('closed_recovered')
    await app.screenshot('turnaround/08-closed')

    // Everything is in the database, and the client is recovered.
    const [client] = await app.db.dataSource.query("SELECT status FROM clients WHERE name = 'Northwind Bakery'")
    expect(client.status).toBe('recovered')
    const counts = await app.db.dataSource.query(
      'SELECT (SELECT COUNT(*) FROM turnaround_issues) AS issues, (SELECT COUNT(*) FROM turnaround_actions) AS actions, (SELECT COUNT(*) FROM commitments) AS commitments, (SELECT COUNT(*) FROM touchpoints) AS touchpoints',
    )
    expect(counts[0]).toEqual({ issues: 2, actions: 3, commitments: 2, touchpoints: 1 })
  })
})

describe('opening a turnaround from the client page', () => {
  it('starts with that client chosen, even far down the list', async () => {
    app = session.app = await startApp(session.browser())
    const { page } = app
    await page.getByTestId('explore-sample').click()
    await page.getByTestId('sample-banner').waitFor()
    await app.menu('go-clients')
    await page.locator('#client-search').fill('Zoë')
    await page.locator('.clients-table tbody tr', { hasText: 'Zoë Brennan' }).click()
    await page.locator('.client-view h1', { hasText: 'Zoë Brennan' }).waitFor()
    await page.getByTestId('client-open-turnaround').click()
    await expect
      .poll(() => page.locator('.turnaround-open-dialog .n-base-selection').first().innerText())
      .toContain('Zoë Brennan')
    await page.locator('#open-client-words').fill('Nobody called me back about the proofs.')
    await page.getByTestId('open-turnaround-save').click()
    await page.locator('.turnaround-header h1', { hasText: 'Zoë Brennan' }).waitFor()
    const [client] = await app.db.dataSource.query("SELECT status FROM clients WHERE name = 'Zoë Brennan'")
    expect(client.status).toBe('in_turnaround')
  })
})
