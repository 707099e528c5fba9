/**
 * Reminders and acting from Today, in Chromium against the built renderer and the real main-process
 * services: the clock moves forward, the reminder check runs through the real loop and service, the
 * notification's click lands on the turnaround; snooze, done on a chosen day, renegotiate and a
 * follow-up logged with its minutes, all from Today without leaving it; Settings > Reminders and
 * the calendar feed persist across a restart.
 */
import fs from 'node:fs'
import path from 'node:path'
import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { newDataDir, startApp, type RunningApp } from './support/app-harness'
import { useAppSession } from './support/lifecycle'

const session = useAppSession()
let app: RunningApp | undefined

/** 10:00 in London on a day (BST in October before the 25th: 09:00 UTC). */
const at = (day: string) => new Date(`${day}T09:00:00Z`)
const lines = (a: RunningApp, testId: string) => a.page.getByTestId(testId).locator('li').allInnerTexts()
const row = (a: RunningApp, testId: string, text: string) => a.page.getByTestId(testId).locator('li', { hasText: text })
const query = (a: RunningApp, sql: string) => a.db.dataSource.query(sql) as Promise<Array<Record<string, unknown>>>

async function seed(a: RunningApp): Promise<void> {
  await a.page.evaluate(async () => {
    const call = window.api.call
    const must = <T>(e: { ok: true; data: T } | { ok: false; error: { message: string } }): T => {
      if (!e.ok) throw new Error(e.error.message)
      return e.data
    }
    must(
      await call['profile:save']({
        businessName: 'Brightwater Consulting',
        ownerName: 'Jonas Lindqvist',
        currency: 'EUR',
        hourlyWorthMinor: 9500,
      }),
    )
    for (const name of ['Northwind Bakery', 'Harbour Print']) {
      const client = must(await call['clients:create']({ name }))
      const t = must(
        await call['turnarounds:open']({
          clientId: client.id,
          openedOn: '2026-10-20',
          firstHeardBy: 'Jonas Lindqvist',
          followUpEveryDays: 2,
        }),
      )
      must(
        await call['commitments:save']({
          turnaroundId: t.id,
          commitment: {
            party: 'us',
            description: name === 'Northwind Bakery' ? 'Send the corrected report' : 'Reprint the flyers',
            dueOn: '2026-10-23',
          },
        }),
      )
    }
  })
}

describe('reminders and acting from Today', () => {
  it('a reminder fires when the clock moves on, its click lands on the turnaround, and Today acts in place', async () => {
    const dataDir = newDataDir()
    app = session.app = await startApp(session.browser(), { dataDir, now: () => at('2026-10-20') })
    await seed(app)
    await app.page.reload()
    await app.page.getByRole('link', { name: 'Today', exact: true }).waitFor()
    expect(await app.remind(at('2026-10-20'))).toMatchObject({ day: '2026-10-20', notifications: [] })
    expect(app.notifications).toEqual([])

    // Two days on: both follow-ups fall due together and both commitments come within the window.
    const schedule = await app.remind(at('2026-10-22'))
    expect(schedule?.day).toBe('2026-10-22')
    expect(app.notifications.map((n) => [n.title, n.body])).toEqual([
      ['2 follow-ups due today', 'Harbour Print and Northwind Bakery'],
      ['2 commitments at risk', 'Harbour Print and Northwind Bakery'],
    ])
    expect(app.tray.badge).toBe(4)
    expect(app.tray.toolTip).toBe('Turnaround Desk: 4 things due today')
    // Asked again the same minute (or after waking): nothing more.
    await app.remind(new Date(at('2026-10-22').getTime() + 60_000))
    expect(app.notifications).toHaveLength(2)
    expect(await query(app, 'SELECT COUNT(*) AS n FROM reminders_sent')).toEqual([{ n: 4 }])

    // The tray's item for one thing lands on its turnaround, on the tab to act on.
    const item = app.tray.menu.find((i) => i.label === 'Follow-up due: Northwind Bakery')
    item?.click?.()
    await expect.poll(() => app?.page.url()).toMatch(/#\/turnarounds\/1\?tab=touchpoints$/)
    await app.page.locator('.turnaround-tabs .n-tabs-tab--active', { hasText: 'Touchpoints' }).waitFor()
    // The grouped notification lands on Today.
    app.notifications[0]?.click()
    await expect.poll(() => app?.page.url()).toMatch(/#\/today$/)
    await app.page.getByTestId('today-follow-ups').waitFor()

    // The first start's question, answered once.
    await app.page.getByTestId('reminders-ask').waitFor()
    await app.screenshot('reminders/today-first-start')
    await app.page.getByTestId('reminders-ask').getByRole('button', { name: 'Keep reminders on' }).click()
    await app.page.getByTestId('reminders-ask').waitFor({ state: 'detached' })
    expect(await query(app, 'SELECT asked_on FROM reminder_settings')).toEqual([{ asked_on: '2026-10-22' }])
    await app.screenshot('reminders/today-with-actions')

    // Snooze Harbour Print until tomorrow, from the line's menu.
    await row(app, 'today-follow-ups', 'Harbour Print').getByRole('button', { name: 'Snooze ▾' }).click()
    await app.page.getByText('Tomorrow', { exact: true }).click()
    await app.page.getByText('Follow-up with Harbour Print snoozed until 23 Oct 2026.').waitFor()
    expect(await lines(app, 'today-follow-ups')).toEqual([expect.stringMatching(/^Northwind Bakery/)])
    expect(await query(app, 'SELECT follow_up_snoozed_until AS s FROM turnarounds ORDER BY id')).toEqual([
      { s: null },
      { s: '2026-10-23' },
    ])

    // Northwind's report was done yesterday: marked done on the 21st, in place.
    await row(app, 'today-commitments', 'Send the corrected report').getByRole('button', { name: 'Done…' }).click()
    const doneOn = app.page.getByTestId('commitment-done-on').locator('input')
    await doneOn.fill('21 Oct 2026')
    await app.page.keyboard.press('Enter')
    await app.page.getByTestId('commitment-done-save').click()
    await row(app, 'today-commitments', 'Send the corrected report').waitFor({ state: 'detached' })
    expect(await query(app, "SELECT status, done_on FROM commitments WHERE description LIKE 'Send%'")).toEqual([
      { status: 'done', done_on: '2026-10-21' },
    ])

    // The flyers move to a new date, with the reason, in place.
    await row(app, 'today-commitments', 'Reprint the flyers').getByRole('button', { name: 'More actions' }).click()
    await app.page.getByText('Agree a new date…', { exact: true }).click()
    await app.page.getByTestId('renegotiate-new-date').locator('input').fill('30 Oct 2026')
    await app.page.keyboard.press('Enter')
    await app.page.locator('#renegotiate-reason').fill('The paper arrives on the 29th')
    await app.page.getByTestId('renegotiate-save').click()
    await app.page.getByTestId('today-commitments').waitFor({ state: 'detached' })
    expect(
      await query(
        app,
        "SELECT status, due_on, renegotiation_reason AS r FROM commitments WHERE description LIKE 'Reprint%'",
      ),
    ).toEqual([{ status: 'renegotiated', due_on: '2026-10-30', r: 'The paper arrives on the 29th' }])

    // The follow-up with Northwind done: the touchpoint is logged with its minutes.
    await row(app, 'today-follow-ups', 'Northwind Bakery').getByRole('button', { name: 'Log follow-up…' }).click()
    await app.page.locator('#follow-up-minutes').fill('20')
    await app.page.locator('#follow-up-summary').fill('Called: the report is with them.')
    await app.page.getByTestId('follow-up-save').click()
    await app.page.getByTestId('today-follow-ups').waitFor({ state: 'detached' })
    expect(await query(app, 'SELECT turnaround_id AS t, kind, minutes, occurred_on AS d FROM touchpoints')).toEqual([
      { t: 1, kind: 'call', minutes: 20, d: '2026-10-22' },
    ])
    expect(app.page.url()).toMatch(/#\/today$/)
    await app.page.getByText('Nothing due today').waitFor()
    await app.close()

    // The next day after a restart: Harbour's snoozed follow-up is back, and reminded once.
    app = session.app = await startApp(session.browser(), { dataDir, now: () => at('2026-10-23') })
    await app.page.getByTestId('today-follow-ups').waitFor()
    expect(await lines(app, 'today-follow-ups')).toEqual([expect.stringMatching(/^Harbour Print.*today/s)])
    await app.remind(at('2026-10-23'))
    await app.remind(at('2026-10-23'))
    expect(app.notifications.map((n) => [n.title, n.body])).toEqual([
      ['Follow-up due', 'Harbour Print: follow-up due today'],
    ])
    app.notifications[0]?.click()
    await expect.poll(() => app?.page.url()).toMatch(/#\/turnarounds\/2\?tab=touchpoints$/)
    await app.page
      .getByRole('heading', { name: /Harbour Print/ })
      .first()
      .waitFor()

    // Add to calendar from the turnaround: its follow-up (header) and a commitment (its row).
    const readIcs = (file: string) =>
      new ICAL.Component(ICAL.parse(fs.readFileSync(path.join(app?.saveDir ?? '', file), 'utf8')))
        .getAllSubcomponents('vevent')
        .map((v) => new ICAL.Event(v))
    await app.page.getByTestId('calendar-follow_up-2').click()
    await app.page.getByText('Saved. Open the file to add the event to your calendar.').first().waitFor()
    const followUpFile = fs.readdirSync(app.saveDir).find((f) => f.startsWith('Follow up with Harbour Print'))
    expect(followUpFile).toBe('Follow up with Harbour Print 2026-10-23.ics')
    expect(readIcs(followUpFile as string).map((e) => [e.uid, e.startDate.toString()])).toEqual([
      ['follow-up-2@turnaround-desk', '2026-10-23T09:00:00'],
    ])
    await app.page.locator('.turnaround-tabs .n-tabs-tab', { hasText: 'Commitments' }).click()
    await app.page.getByTestId('calendar-commitment-2').click()
    await app.screenshot('reminders/turnaround-commitments')
    const flyers = 'Harbour Print Reprint the flyers 2026-10-30.ics'
    await expect.poll(() => fs.existsSync(path.join(app?.saveDir ?? '', flyers))).toBe(true)
    expect(readIcs(flyers).map((e) => e.uid)).toEqual(['commitment-2@turnaround-desk'])
  })

  it('Settings > Reminders keeps its choices, and the calendar feed is written where the owner chose', async () => {
    const dataDir = newDataDir()
    app = session.app = await startApp(session.browser(), { dataDir, now: () => at('2026-10-22') })
    await seed(app)
    await app.page.reload()
    await app.page.getByRole('link', { name: 'Today', exact: true }).waitFor()
    await app.menu('go-settings')
    const card = app.page.getByTestId('settings-reminders')
    await card.waitFor()
    await card.getByTestId('reminder-kind-check_in').click()
    await card.getByTestId('reminders-quiet-from').locator('input').fill('21:00')
    await card.getByTestId('reminders-quiet-from').locator('input').press('Enter')
    await card.getByTestId('reminders-quiet-to').locator('input').fill('08:00')
    await card.getByTestId('reminders-quiet-to').locator('input').press('Enter')
    await card.getByTestId('reminders-start-at-login').click()
    await card.getByTestId('reminders-save').click()
    await app.page.getByText('Reminder settings saved.').waitFor()

    const feedDir = path.join(dataDir, 'calendar')
    fs.mkdirSync(feedDir)
    app.setFolder(feedDir)
    await card.getByTestId('calendar-feed-choose').click()
    await card.getByText(/Kept at .*Turnaround Desk\.ics.*\(4 events\)/).waitFor()
    await card.scrollIntoViewIfNeeded()
    await app.screenshot('reminders/settings-reminders')
    await app.close()

    app = session.app = await startApp(session.browser(), { dataDir, now: () => at('2026-10-22') })
    await app.menu('go-settings')
    const again = app.page.getByTestId('settings-reminders')
    await again.waitFor()
    await expect.poll(() => again.getByTestId('reminders-quiet-from').locator('input').inputValue()).toBe('21:00')
    expect(await again.getByTestId('reminders-quiet-to').locator('input').inputValue()).toBe('08:00')
    expect(await again.getByTestId('reminder-kind-check_in').getAttribute('aria-checked')).toBe('false')
    expect(await again.getByTestId('reminders-start-at-login').getAttribute('aria-checked')).toBe('true')

    // Every open follow-up and commitment in the feed, in London time, each with its alarm.
    const text = fs.readFileSync(path.join(feedDir, 'Turnaround Desk.ics'), 'utf8')
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v))
    expect(events.map((e) => [e.uid, e.summary, e.startDate.toString()])).toEqual([
      ['follow-up-1@turnaround-desk', 'Follow up with Northwind Bakery', '2026-10-22T09:00:00'],
      ['follow-up-2@turnaround-desk', 'Follow up with Harbour Print', '2026-10-22T09:00:00'],
      ['commitment-1@turnaround-desk', 'Northwind Bakery: Send the corrected report', '2026-10-23T09:00:00'],
      ['commitment-2@turnaround-desk', 'Harbour Print: Reprint the flyers', '2026-10-23T09:00:00'],
    ])
    expect(text).toContain('DTSTART;TZID=Europe/London:20261022T090000')
    expect(text.match(/BEGIN:VALARM/g)).toHaveLength(4)

    // A folder that cannot be written (gone, a file in its place): the message says so plainly, and
    // saving a commitment still works.
    fs.rmSync(feedDir, { recursive: true })
    fs.writeFileSync(feedDir, 'not a folder')
    await app.page.evaluate(async () => {
      const saved = await window.api.call['commitments:save']({
        turnaroundId: 1,
        commitment: { party: 'us', description: 'Call back', dueOn: '2026-10-28' },
      })
      if (!saved.ok) throw new Error(saved.error.message)
    })
    expect(await query(app, "SELECT COUNT(*) AS n FROM commitments WHERE description = 'Call back'")).toEqual([
      { n: 1 },
    ])
    await app.menu('go-today')
    await app.menu('go-settings')
    const problem = app.page.getByTestId('calendar-feed-problem')
    await problem.waitFor()
    expect(await problem.innerText()).toBe(
      `The calendar feed could not be written to ${feedDir}: that folder does not exist. Choose another folder, or check this one.`,
    )
  })
})
