/**
 * The reminder schedule as a pure function of the data, the clock and what was already notified.
 *
 * - Only today counts. Whatever the clock did before (a night asleep, a week with the lid shut),
 *   the schedule looks at what is due on the owner's day now and notifies each thing once: a
 *   machine that wakes after three days gets today's reminders, once, never the missed days'.
 * - Each thing is notified once per date it falls due on (a commitment renegotiated to a new date
 *   reminds again); a follow-up still not done reminds again each day, once.
 * - Several things of one kind together make one notification ("3 follow-ups due today"); when more
 *   kinds than MAX_AT_ONCE fall due together they make one summary instead of a stack.
 * - Nothing is notified in quiet hours or for a kind the owner turned off; what was held back by
 *   quiet hours comes once they end, on the same day.
 */
import { addDays, daysBetween } from '../dates'
import { minuteOfDay, wallClock } from './local-clock'
import { REMINDER_KINDS, remindersTitle, type ReminderKind } from './words'

export interface FollowUpSource {
  turnaroundId: number
  clientName: string
  dueOn: string
}
export interface CommitmentSource {
  id: number
  turnaroundId: number
  clientName: string
  party: 'us' | 'client'
  description: string
  dueOn: string
}
/** A dated part of the client's commitment, still open. */
export interface ClientPartSource {
  id: number
  turnaroundId: number
  clientName: string
  description: string
  dueOn: string
}
export interface CheckInSource {
  turnaroundId: number
  clientName: string
  dueOn: string
}

/**
 * What may fall due: open turnarounds' follow-ups, open commitments and parts of the client's
 * commitment, closed turnarounds' check-ins.
 */
export interface ReminderSources {
  followUps: readonly FollowUpSource[]
  commitments: readonly CommitmentSource[]
  /** Reminded as the client's commitments are: once their date has passed. */
  clientParts?: readonly ClientPartSource[]
  checkIns: readonly CheckInSource[]
}

export interface ReminderPreferences {
  kinds: Record<ReminderKind, boolean>
  /** Quiet hours as "HH:MM" (may run past midnight); none when either is null or both are equal. */
  quietFrom: string | null
  quietTo: string | null
}

export interface ScheduleInput {
  sources: ReminderSources
  prefs: ReminderPreferences
  /** The warning window: a commitment is at risk this many days before its date. */
  warningDays: number
  now: Date
  /** The owner's time zone (IANA); the computer's when left out. */
  timeZone?: string
  /** Keys of what was already notified (see reminderKey). */
  notified: ReadonlySet<string>
}

/** One thing that needs the owner today. */
export interface DueThing {
  kind: ReminderKind
  /** Stable for the thing and the date it falls due on; stored once notified. */
  key: string
  turnaroundId: number
  clientName: string
  /** What it is, in a few words. */
  text: string
  dueOn: string
  /** The turnaround's tab that holds it, where that is not its kind's: a part of the client's commitment is on the overview. */
  tab?: 'overview'
}

export interface ReminderNotification {
  /** The kind, or 'summary' when several kinds were folded into one. */
  kind: ReminderKind | 'summary'
  title: string
  body: string
  /** Where a click takes the owner: a path of the app's router. */
  target: string
  /** The keys this notification covers: stored as notified once shown. */
  keys: string[]
}

export interface Schedule {
  /** The owner's day now. */
  day: string
  /** True inside quiet hours: nothing is notified. */
  quiet: boolean
  /** Everything that needs the owner today, whether or not notified (the tray and the badge count it). */
  due: DueThing[]
  /** What to show now. */
  notifications: ReminderNotification[]
}

/** More notifications at once than this become one summary. */
export const MAX_AT_ONCE = 3
/** Names in a grouped notification's body before "and N more". */
const NAMES_SHOWN = 3

export function isQuiet(minute: number, from: string | null, to: string | null): boolean {
  const f = from === null ? null : minuteOfDay(from)
  const t = to === null ? null : minuteOfDay(to)
  if (f === null || t === null || f === t) return false
  return f < t ? minute >= f && minute < t : minute >= f || minute < t
}

function ago(dueOn: string, today: string): string {
  const days = daysBetween(dueOn, today)
  if (days <= 0) return 'today'
  return days === 1 ? 'since yesterday' : `for ${days} days`
}

/** Everything due on `today`: the same things the Today page lists, each with its key. */
export function dueToday(sources: ReminderSources, today: string, warningDays: number): DueThing[] {
  const due: DueThing[] = []
  for (const f of sources.followUps) {
    if (f.dueOn > today) continue
    due.push({
      kind: 'follow_up',
      // A follow-up not done reminds again each day: its key carries today.
      key: `follow_up:${f.turnaroundId}:${today}`,
      turnaroundId: f.turnaroundId,
      clientName: f.clientName,
      text: f.dueOn < today ? `follow-up overdue ${ago(f.dueOn, today)}` : 'follow-up due today',
      dueOn: f.dueOn,
    })
  }
  const horizon = addDays(today, warningDays)
  for (const c of sources.commitments) {
    let kind: ReminderKind | null = null
    if (c.party === 'client') kind = c.dueOn < today ? 'client_date_passed' : null
    else if (c.dueOn < today) kind = 'commitment_overdue'
    else if (c.dueOn <= horizon) kind = 'commitment_at_risk'
    if (!kind) continue
    due.push({
      kind,
      key: `${kind}:${c.id}:${c.dueOn}`,
      turnaroundId: c.turnaroundId,
      clientName: c.clientName,
      text: c.description,
      dueOn: c.dueOn,
    })
  }
  for (const p of sources.clientParts ?? []) {
    if (p.dueOn >= today) continue
    due.push({
      kind: 'client_date_passed',
      key: `client_date_passed:part-${p.id}:${p.dueOn}`,
      turnaroundId: p.turnaroundId,
      clientName: p.clientName,
      text: p.description,
      dueOn: p.dueOn,
      tab: 'overview',
    })
  }
  for (const c of sources.checkIns) {
    if (c.dueOn > today) continue
    due.push({
      kind: 'check_in',
      key: `check_in:${c.turnaroundId}:${c.dueOn}`,
      turnaroundId: c.turnaroundId,
      clientName: c.clientName,
      text: 'check in with the client',
      dueOn: c.dueOn,
    })
  }
  return due.sort(
    (a, b) =>
      a.dueOn.localeCompare(b.dueOn) ||
      REMINDER_KINDS.indexOf(a.kind) - REMINDER_KINDS.indexOf(b.kind) ||
      a.clientName.localeCompare(b.clientName) ||
      a.key.localeCompare(b.key),
  )
}

const TAB: Record<ReminderKind, string> = {
  follow_up: '?tab=touchpoints',
  commitment_at_risk: '?tab=commitments',
  commitment_overdue: '?tab=commitments',
  client_date_passed: '?tab=commitments',
  check_in: '',
}

function names(things: readonly DueThing[]): string {
  const unique = [...new Set(things.map((t) => t.clientName))]
  const shown = unique.slice(0, NAMES_SHOWN)
  const more = unique.length - shown.length
  if (more > 0) return `${shown.join(', ')} and ${more} more`
  return shown.length > 1 ? `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}` : (shown[0] ?? '')
}

function notificationFor(kind: ReminderKind, things: readonly DueThing[]): ReminderNotification {
  const first = things[0] as DueThing
  const one = things.length === 1
  return {
    kind,
    title: remindersTitle(kind, things.length),
    body: one ? `${first.clientName}: ${first.text}` : names(things),
    target: one ? `/turnarounds/${first.turnaroundId}${first.tab ? `?tab=${first.tab}` : TAB[kind]}` : '/today',
    keys: things.map((t) => t.key),
  }
}

export function reminderSchedule(input: ScheduleInput): Schedule {
  const clock = wallClock(input.now, input.timeZone)
  const due = dueToday(input.sources, clock.day, input.warningDays)
  const quiet = isQuiet(clock.minute, input.prefs.quietFrom, input.prefs.quietTo)
  if (quiet) return { day: clock.day, quiet, due, notifications: [] }

  const fresh = due.filter((t) => input.prefs.kinds[t.kind] && !input.notified.has(t.key))
  const groups = REMINDER_KINDS.map((kind) => fresh.filter((t) => t.kind === kind)).filter((g) => g.length > 0)
  let notifications = groups.map((g) => notificationFor((g[0] as DueThing).kind, g))
  if (notifications.length > MAX_AT_ONCE) {
    notifications = [
      {
        kind: 'summary',
        title: `${fresh.length} things need you today`,
        body: notifications
          .map((n) =>
            n.keys.length === 1 ? `${n.title}: ${names(fresh.filter((t) => n.keys.includes(t.key)))}` : n.title,
          )
          .join('\n'),
        target: '/today',
        keys: fresh.map((t) => t.key),
      },
    ]
  }
  return { day: clock.day, quiet, due, notifications }
}
