/**
 * The owner's wall clock: the calendar day and the minute of the day an instant is in a time zone.
 * Read with Intl, so a test can ask for Europe/London across the change of clocks whatever the
 * machine's own zone is; left out, the zone is the computer's.
 */
export interface WallClock {
  /** YYYY-MM-DD */
  day: string
  /** Minutes since local midnight, 0-1439. */
  minute: number
}

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? ''
  let f = formatters.get(key)
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
    formatters.set(key, f)
  }
  return f
}

export function wallClock(now: Date, timeZone?: string): WallClock {
  const parts: Record<string, string> = {}
  for (const p of formatter(timeZone).formatToParts(now)) parts[p.type] = p.value
  const hour = Number(parts.hour) % 24
  return { day: `${parts.year}-${parts.month}-${parts.day}`, minute: hour * 60 + Number(parts.minute) }
}

/** "HH:MM" as minutes since midnight; null when it is not a time of day. */
export function minuteOfDay(hhmm: string): number | null {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm)
  return m ? Number(m[1]) * 60 + Number(m[2]) : null
}
