/**
 * A VTIMEZONE for an IANA zone, read from the system's own time-zone data through Intl: each change
 * of offset in the years given, found to the minute, written as its own observance. Calendars then
 * place every event at the owner's wall-clock time, summer or winter, without a zone database of ours.
 */

/** The zone's offset from UTC in minutes at an instant (positive east of Greenwich). */
const formatters = new Map<string, Intl.DateTimeFormat>()

export function offsetMinutes(timeZone: string, at: number): number {
  const parts: Record<string, number> = {}
  const f =
    formatters.get(timeZone) ??
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
  formatters.set(timeZone, f)
  for (const p of f.formatToParts(new Date(at))) if (p.type !== 'literal') parts[p.type] = Number(p.value)
  const asUtc = Date.UTC(
    parts.year ?? 0,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  )
  return Math.round((asUtc - Math.floor(at / 1000) * 1000) / 60_000)
}

export interface OffsetChange {
  /** The instant of the change (UTC ms). */
  at: number
  from: number
  to: number
}

const HOUR = 3_600_000
const DAY = 24 * HOUR

/** Every change of offset between two instants. */
export function offsetChanges(timeZone: string, from: number, to: number): OffsetChange[] {
  const changes: OffsetChange[] = []
  let before = offsetMinutes(timeZone, from)
  for (let t = from + DAY; t <= to; t += DAY) {
    const after = offsetMinutes(timeZone, t)
    if (after === before) continue
    let lo = t - DAY
    let hi = t
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 2 / 60_000) * 60_000
      if (offsetMinutes(timeZone, mid) === before) lo = mid
      else hi = mid
    }
    changes.push({ at: hi, from: before, to: after })
    before = after
  }
  return changes
}

const pad = (n: number) => String(n).padStart(2, '0')

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+'
  const m = Math.abs(minutes)
  return `${sign}${pad(Math.floor(m / 60))}${pad(m % 60)}`
}

/** Local wall-clock time as iCalendar text (YYYYMMDDTHHMMSS) for an instant at an offset. */
function localText(at: number, offset: number): string {
  const d = new Date(at + offset * 60_000)
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`
}

/** The VTIMEZONE block for a zone, covering the years from `fromYear` to `toYear` inclusive. */
export function vtimezone(timeZone: string, fromYear: number, toYear: number): string {
  const start = Date.UTC(fromYear, 0, 1)
  const end = Date.UTC(toYear + 1, 0, 1)
  const first = offsetMinutes(timeZone, start)
  const changes = offsetChanges(timeZone, start, end)
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`]
  const observance = (kind: 'STANDARD' | 'DAYLIGHT', at: number, from: number, to: number) =>
    lines.push(
      `BEGIN:${kind}`,
      `DTSTART:${localText(at, from)}`,
      `TZOFFSETFROM:${offsetText(from)}`,
      `TZOFFSETTO:${offsetText(to)}`,
      `END:${kind}`,
    )
  observance('STANDARD', start, first, first)
  // A move forward is summer time; a move back returns to standard time.
  for (const c of changes) observance(c.to > c.from ? 'DAYLIGHT' : 'STANDARD', c.at, c.from, c.to)
  lines.push('END:VTIMEZONE')
  return lines.join('\r\n')
}
