/**
 * Calendar files read back with ical.js: each event at 9:00 on its day in the owner's zone, the
 * VTIMEZONE made from the system's zone data placing it at the right instant in summer and winter,
 * north and south of the equator, and in a zone without summer time; the UID and the alarm.
 */
import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { buildCalendar } from '../../electron/main/features/calendar/ics'
import { offsetChanges } from '../../electron/main/features/calendar/vtimezone'
import type { CalendarItem } from '../../electron/main/features/calendar/calendar-items'

const item = (on: string, uid = `commitment-${on}@turnaround-desk`): CalendarItem => ({
  kind: 'commitment',
  uid,
  on,
  summary: `Due ${on}: a line, with; the characters iCalendar escapes\\`,
  description: 'Our commitment',
})

function instants(timeZone: string, days: string[]) {
  const text = buildCalendar(
    days.map((d) => item(d)),
    { name: 'Test', timeZone, now: new Date('2026-06-01T12:00:00Z') },
  )
  const root = new ICAL.Component(ICAL.parse(text))
  for (const tz of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(tz))
  const events = root.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v))
  return { text, events, utc: events.map((e) => e.startDate.toJSDate().toISOString()) }
}

describe('calendar files', () => {
  it('stamp each event with the instant it was written, in UTC', () => {
    const { text, events } = instants('Europe/Berlin', ['2026-01-15', '2026-07-15'])
    expect(text.match(/^DTSTAMP:.*$/gm)).toEqual(['DTSTAMP:20260601T120000Z', 'DTSTAMP:20260601T120000Z'])
    expect(events[0]?.component.getFirstPropertyValue('dtstamp')?.toString()).toBe('2026-06-01T12:00:00Z')
  })

  it('place 9:00 local at the right instant in winter and summer, in both hemispheres', () => {
    expect(instants('Europe/London', ['2026-01-15', '2026-07-15']).utc).toEqual([
      '2026-01-15T09:00:00.000Z',
      '2026-07-15T08:00:00.000Z',
    ])
    expect(instants('America/New_York', ['2026-01-15', '2026-07-15']).utc).toEqual([
      '2026-01-15T14:00:00.000Z',
      '2026-07-15T13:00:00.000Z',
    ])
    // Sydney's summer is January: UTC+11, winter UTC+10.
    expect(instants('Australia/Sydney', ['2026-01-15', '2026-07-15']).utc).toEqual([
      '2026-01-14T22:00:00.000Z',
      '2026-07-14T23:00:00.000Z',
    ])
    expect(instants('Asia/Kolkata', ['2026-01-15', '2027-07-15']).utc).toEqual([
      '2026-01-15T03:30:00.000Z',
      '2027-07-15T03:30:00.000Z',
    ])
  })

  it('keeps the UID, the summary as typed, the zone and a display alarm 15 minutes before', () => {
    const { text, events } = instants('Europe/London', ['2026-10-26'])
    const [e] = events
    expect(e?.uid).toBe('commitment-2026-10-26@turnaround-desk')
    expect(e?.summary).toBe('Due 2026-10-26: a line, with; the characters iCalendar escapes\\')
    expect(e?.startDate.zone?.tzid).toBe('Europe/London')
    expect(e?.endDate.toString()).toBe('2026-10-26T09:30:00')
    const alarm = e?.component.getFirstSubcomponent('valarm')
    expect(alarm?.getFirstPropertyValue('action')).toBe('DISPLAY')
    expect(String(alarm?.getFirstPropertyValue('trigger'))).toBe('-PT15M')
    expect(text).toContain('X-WR-TIMEZONE:Europe/London')
  })

  it('finds each change of clocks to the minute', () => {
    const changes = offsetChanges('Europe/London', Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1))
    expect(changes.map((c) => [new Date(c.at).toISOString(), c.from, c.to])).toEqual([
      ['2026-03-29T01:00:00.000Z', 0, 60],
      ['2026-10-25T01:00:00.000Z', 60, 0],
    ])
  })
})
