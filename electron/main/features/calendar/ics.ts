/**
 * Calendar files: events at the owner's wall-clock time in their time zone (with its VTIMEZONE),
 * each with an alarm, written by ical-generator.
 */
import ical, { ICalAlarmType } from 'ical-generator'
import type { CalendarItem } from './calendar-items'
import { vtimezone } from './vtimezone'

/** When a dated thing is placed in the day, and for how long. */
export const EVENT_HOUR = 9
export const EVENT_MINUTES = 30
/** The alarm, before the event starts. */
export const ALARM_MINUTES_BEFORE = 15

export interface CalendarOptions {
  name: string
  /** The owner's IANA time zone. */
  timeZone: string
  now: Date
}

/**
 * A Date whose local fields read the wall-clock time wanted: ical-generator writes a zoned time
 * from a Date's local fields, with the TZID given.
 */
function wallTime(day: string, hour: number, minute: number): Date {
  const [y, m, d] = day.split('-').map(Number)
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1, hour, minute)
}

export function buildCalendar(items: readonly CalendarItem[], options: CalendarOptions): string {
  const years = items.map((i) => Number(i.on.slice(0, 4)))
  const from = Math.min(options.now.getUTCFullYear(), ...years)
  const to = Math.max(options.now.getUTCFullYear(), ...years)
  const cal = ical({
    name: options.name,
    prodId: { company: 'Turnaround Desk', product: 'Turnaround Desk', language: 'EN' },
    timezone: { name: options.timeZone, generator: (tz) => vtimezone(tz, from, to) },
  })
  for (const item of items) {
    const event = cal.createEvent({
      id: item.uid,
      start: wallTime(item.on, EVENT_HOUR, 0),
      end: wallTime(item.on, EVENT_HOUR, EVENT_MINUTES),
      timezone: options.timeZone,
      stamp: options.now,
      summary: item.summary,
      description: item.description,
    })
    event.createAlarm({ type: ICalAlarmType.display, trigger: ALARM_MINUTES_BEFORE * 60, description: item.summary })
  }
  // DTSTAMP is a UTC instant (RFC 5545 3.8.7.2); with a calendar zone ical-generator writes it as a
  // floating local time, so it is written here.
  const stamp = options.now.toISOString().replace(/[-:]|\.\d{3}/g, '')
  return cal.toString().replace(/^DTSTAMP:.*$/gm, `DTSTAMP:${stamp}`)
}
