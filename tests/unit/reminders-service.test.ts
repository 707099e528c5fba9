/**
 * The reminders and the calendar on a real database, through the real dispatcher: what was notified
 * is stored so a restart does not repeat it; the settings persist; a follow-up snoozed from Today
 * moves; .ics files and the feed read back with ical.js (every event, UID, start, alarm, zone); a
 * feed folder that cannot be written says so plainly and stops nothing else.
 */
import fs from 'node:fs'
import path from 'node:path'
import ICAL from 'ical.js'
import { afterEach, describe, expect, it } from 'vitest'
import { FEED_FILE_NAME } from '../../electron/main/features/calendar'
import type { Envelope } from '../../electron/shared/envelope'
import type { RemindersView } from '../../electron/shared/reminders/models'
import type { TodayData, TurnaroundDetail } from '../../electron/shared/turnarounds/models'
import { VALID_INPUTS } from '../support/valid-inputs'
import { openTestApp, tempDir, type TestApp } from '../support/temp-db'

let clock = new Date('2026-10-20T08:00:00Z')
const apps: TestApp[] = []
afterEach(async () => {
  for (const a of apps.splice(0)) await a.close()
})

async function start(dir = tempDir()): Promise<TestApp> {
  const app = await openTestApp(dir, () => clock)
  app.ports.timeZone = () => 'Europe/London'
  apps.push(app)
  return app
}

async function ok<T>(app: TestApp, channel: string, input?: unknown): Promise<T> {
  const envelope = (await app.call(channel, input)) as Envelope<T>
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.message}`)
  return envelope.data
}

/** A business with one open turnaround (follow-up every 2 days), our commitment and the client's. */
async function seed(app: TestApp): Promise<TurnaroundDetail> {
  await ok(app, 'profile:save', VALID_INPUTS['profile:save'])
  await ok(app, 'clients:create', { name: 'Northwind Bakery' })
  const t = await ok<TurnaroundDetail>(app, 'turnarounds:open', {
    clientId: 1,
    openedOn: '2026-10-20',
    firstHeardBy: 'Ada',
    channel: 'call',
    followUpEveryDays: 2,
  })
  await ok(app, 'commitments:save', {
    turnaroundId: t.id,
    commitment: { party: 'us', description: 'Deliver the reprint', dueOn: '2026-10-26' },
  })
  return ok(app, 'commitments:save', {
    turnaroundId: t.id,
    commitment: { party: 'client', description: 'Pay the invoice', dueOn: '2026-10-23' },
  })
}

describe('reminders on the real database', () => {
  it('notifies once, stores it, and a restart on the same day does not repeat it', async () => {
    const dir = tempDir()
    const app = await start(dir)
    await seed(app)
    expect(await app.services.reminders.check(clock)).toMatchObject({ day: '2026-10-20', notifications: [] })

    clock = new Date('2026-10-22T08:00:00Z') // the follow-up falls due
    const first = await app.services.reminders.check(clock)
    expect(first?.notifications.map((n) => [n.title, n.body, n.target])).toEqual([
      ['Follow-up due', 'Northwind Bakery: follow-up due today', '/turnarounds/1?tab=touchpoints'],
    ])
    expect((await app.services.reminders.check(clock))?.notifications).toEqual([])
    await app.close()
    apps.splice(0)

    const again = await start(dir)
    clock = new Date('2026-10-22T15:00:00Z')
    const later = await again.services.reminders.check(clock)
    expect(later?.notifications).toEqual([])
    expect(later?.due).toHaveLength(1)

    // 23:30 UTC on the 23rd is already the 24th in London: the follow-up again (still not done), our
    // commitment of the 26th within the two-day warning window, the client's date of the 23rd passed.
    clock = new Date('2026-10-23T23:30:00Z')
    const saturday = await again.services.reminders.check(clock)
    expect(saturday?.day).toBe('2026-10-24')
    expect(saturday?.notifications.map((n) => [n.title, n.body])).toEqual([
      ['Follow-up due', 'Northwind Bakery: follow-up overdue for 2 days'],
      ['Commitment at risk', 'Northwind Bakery: Deliver the reprint'],
      ['Client’s date has passed', 'Northwind Bakery: Pay the invoice'],
    ])
    // The day the clocks go back: 23:30 UTC on the 25th is 23:30 GMT, still the 25th; only the follow-up.
    clock = new Date('2026-10-25T23:30:00Z')
    const sunday = await again.services.reminders.check(clock)
    expect(sunday?.day).toBe('2026-10-25')
    expect(sunday?.notifications.map((n) => n.title)).toEqual(['Follow-up due'])
    expect(await again.db.dataSource.query('SELECT COUNT(*) AS n FROM reminders_sent')).toEqual([{ n: 5 }])
  })

  it('keeps the settings, and the first start’s answer, across a restart', async () => {
    clock = new Date('2026-10-24T10:00:00Z')
    const dir = tempDir()
    const app = await start(dir)
    const fresh = await ok<RemindersView>(app, 'reminders:get')
    expect(fresh.settings).toMatchObject({ closeToTray: true, startAtLogin: false, askedOn: null })
    expect(Object.values(fresh.settings.kinds)).toEqual([true, true, true, true, true])
    const changed: string[] = []
    app.ports.remindersChanged = (s) => changed.push(JSON.stringify(s.startAtLogin))
    await ok(app, 'reminders:save', { ...VALID_INPUTS['reminders:save'], startAtLogin: true })
    await ok(app, 'reminders:answer-ask', { remind: true })
    await app.close()
    apps.splice(0)
    const back = await ok<RemindersView>(await start(dir), 'reminders:get')
    expect(back.settings).toMatchObject({
      quietFrom: '21:00',
      quietTo: '08:00',
      startAtLogin: true,
      askedOn: '2026-10-24',
      kinds: { client_date_passed: false, follow_up: true },
    })
  })

  it('refuses quiet hours with one end only, next to the field', async () => {
    const app = await start()
    const res = (await app.call('reminders:save', {
      ...VALID_INPUTS['reminders:save'],
      quietTo: null,
    })) as Envelope<unknown>
    expect(res).toMatchObject({ ok: false, error: { field: 'quietTo' } })
  })

  it('a follow-up snoozed from Today leaves Today and comes back on the day chosen', async () => {
    clock = new Date('2026-10-22T08:00:00Z')
    const app = await start()
    await seed(app)
    expect((await ok<TodayData>(app, 'today:get')).followUps).toHaveLength(1)
    const refused = (await app.call('follow-ups:snooze', { turnaroundId: 1, until: '2026-10-22' })) as Envelope<unknown>
    expect(refused).toMatchObject({ ok: false, error: { field: 'until' } })
    // Not put off for ever: a year at most.
    const tooFar = (await app.call('follow-ups:snooze', { turnaroundId: 1, until: '9999-12-31' })) as Envelope<unknown>
    expect(tooFar).toMatchObject({ ok: false, error: { field: 'until', message: expect.stringContaining('a year') } })
    expect(await ok(app, 'follow-ups:snooze', { turnaroundId: 1, until: '2027-10-22' })).toMatchObject({
      nextFollowUpOn: '2027-10-22',
    })
    expect(await ok(app, 'follow-ups:snooze', { turnaroundId: 1, until: '2026-10-24' })).toEqual({
      turnaroundId: 1,
      nextFollowUpOn: '2026-10-24',
    })
    expect((await ok<TodayData>(app, 'today:get')).followUps).toEqual([])
    clock = new Date('2026-10-24T08:00:00Z')
    expect((await ok<TodayData>(app, 'today:get')).followUps.map((f) => f.nextFollowUpOn)).toEqual(['2026-10-24'])
  })
})

type Parsed = { uid: string; summary: string; start: ICAL.Time; tzid: string | null; trigger: string | null }

function readEvents(file: string): Parsed[] {
  const root = new ICAL.Component(ICAL.parse(fs.readFileSync(file, 'utf8')))
  for (const tz of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(tz))
  return root.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v)
    const alarm = v.getFirstSubcomponent('valarm')
    return {
      uid: e.uid,
      summary: e.summary,
      start: e.startDate,
      tzid: (v.getFirstProperty('dtstart')?.getParameter('tzid') as string | undefined) ?? null,
      trigger: alarm ? String(alarm.getFirstPropertyValue('trigger')) : null,
    }
  })
}

/** The seeded business on 22 October, with its calendar feed kept in a fresh folder. */
async function seededWithFeed(): Promise<{ app: TestApp; folder: string }> {
  clock = new Date('2026-10-22T08:00:00Z')
  const app = await start()
  await seed(app)
  const folder = tempDir('turnaround-feed-')
  app.ports.chooseFolder = async () => folder
  await ok(app, 'calendar:choose-feed-folder')
  return { app, folder }
}

describe('the calendar', () => {
  it('Add to calendar writes one event with its alarm, at 9:00 in the owner’s zone, where the owner saves it', async () => {
    clock = new Date('2026-10-22T08:00:00Z')
    const app = await start()
    await seed(app)
    const { file } = await ok<{ file: string }>(app, 'calendar:add', { kind: 'commitment', id: 1 })
    expect(app.ports.saveDialogs.at(-1)).toMatchObject({ title: 'Add to calendar' })
    expect(path.extname(file)).toBe('.ics')
    const [event, ...rest] = readEvents(file)
    expect(rest).toEqual([])
    expect(event).toMatchObject({
      uid: 'commitment-1@turnaround-desk',
      summary: 'Northwind Bakery: Deliver the reprint',
      tzid: 'Europe/London',
      trigger: '-PT15M',
    })
    // 26 October is after the clocks went back: 09:00 GMT is 09:00 UTC.
    expect(event?.start.toString()).toBe('2026-10-26T09:00:00')
    expect(event?.start.toJSDate().toISOString()).toBe('2026-10-26T09:00:00.000Z')

    app.ports.nextSavePath = null
    expect(await ok(app, 'calendar:add', { kind: 'follow_up', id: 1 })).toEqual({ file: null })
    // A place that cannot be written is said plainly, without the system's error.
    app.ports.nextSavePath = path.join(tempDir(), 'gone', 'Follow up.ics')
    const unwritable = (await app.call('calendar:add', { kind: 'follow_up', id: 1 })) as Envelope<unknown>
    expect(unwritable).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: 'The calendar file could not be saved there: that folder does not exist. Choose another place.',
      },
    })
    const gone = (await app.call('calendar:add', { kind: 'check_in', id: 1 })) as Envelope<unknown>
    expect(gone).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('keeps a feed of every open commitment, follow-up and check-in with stable UIDs, rewritten after each change', async () => {
    clock = new Date('2026-10-22T08:00:00Z')
    const app = await start()
    await seed(app)
    const folder = tempDir('turnaround-feed-')
    app.ports.chooseFolder = async () => folder
    const view = await ok<RemindersView>(app, 'calendar:choose-feed-folder')
    expect(view.feed).toMatchObject({ folder, problem: null, events: 3 })
    const feed = path.join(folder, FEED_FILE_NAME)
    const before = readEvents(feed)
    expect(before.map((e) => [e.uid, e.start.toString(), e.tzid, e.trigger])).toEqual([
      ['follow-up-1@turnaround-desk', '2026-10-22T09:00:00', 'Europe/London', '-PT15M'],
      ['commitment-2@turnaround-desk', '2026-10-23T09:00:00', 'Europe/London', '-PT15M'],
      ['commitment-1@turnaround-desk', '2026-10-26T09:00:00', 'Europe/London', '-PT15M'],
    ])
    // Summer time before the 25th: 09:00 BST is 08:00 UTC.
    expect(before[0]?.start.toJSDate().toISOString()).toBe('2026-10-22T08:00:00.000Z')

    // Renegotiating moves the event (same UID); done removes it; a touchpoint moves the follow-up.
    await ok(app, 'commitments:renegotiate', { id: 1, newDueOn: '2026-10-30', reason: 'Paper shortage' })
    await ok(app, 'commitments:mark-done', { id: 2, doneOn: '2026-10-22' })
    await ok(app, 'touchpoints:save', {
      clientId: 1,
      turnaroundId: 1,
      touchpoint: { kind: 'call', occurredOn: '2026-10-22', who: 'Ada', minutes: 10 },
    })
    // The feed is written once the requests have answered, once for the three changes.
    await app.services.calendar.settled()
    expect(readEvents(feed).map((e) => [e.uid, e.start.toString()])).toEqual([
      ['follow-up-1@turnaround-desk', '2026-10-24T09:00:00'],
      ['commitment-1@turnaround-desk', '2026-10-30T09:00:00'],
    ])

    // Closing turns the follow-up and the open commitment into a check-in months later.
    await ok(app, 'turnarounds:close', { id: 1, outcome: 'recovered', closedOn: '2026-10-22', note: '' })
    await app.services.calendar.settled()
    expect(readEvents(feed).map((e) => e.uid)).toEqual(['check-in-1@turnaround-desk'])
    expect(fs.readdirSync(folder)).toEqual([FEED_FILE_NAME])
  })

  it('names the new owner in the feed once the turnaround is handed over', async () => {
    const { app, folder } = await seededWithFeed()
    const feed = path.join(folder, FEED_FILE_NAME)
    const followUp = () => fs.readFileSync(feed, 'utf8').replace(/\r\n /g, '').split('BEGIN:VEVENT')[1] ?? ''
    expect(followUp()).toContain('(Ada owns it)')
    await ok(app, 'turnarounds:hand-over', { id: 1, toOwner: 'Grace', reason: 'Holiday', handedOn: '2026-10-22' })
    await app.services.calendar.settled()
    expect(followUp()).toContain('(Grace owns it)')
  })

  it('a feed folder that cannot be written gives a plain message and every change still saves', async () => {
    const { app, folder } = await seededWithFeed()
    fs.rmSync(folder, { recursive: true })
    const saved = await ok<TurnaroundDetail>(app, 'commitments:save', {
      turnaroundId: 1,
      commitment: { party: 'us', description: 'Call back', dueOn: '2026-10-28' },
    })
    expect(saved.commitments).toHaveLength(3)
    const view = await ok<RemindersView>(app, 'reminders:get')
    expect(view.feed.problem).toBe(
      `The calendar feed could not be written to ${folder}: that folder does not exist. Choose another folder, or check this one.`,
    )
    expect(view.feed.problem).not.toMatch(/ENOENT|Error|\bat /)
    // Stopping the feed clears the message.
    expect((await ok<RemindersView>(app, 'calendar:stop-feed')).feed).toMatchObject({ folder: null, problem: null })
  })
})
