/**
 * The reminder schedule, a pure function, driven by an injected clock: across days, across the
 * change of clocks in Europe/London (last Sunday of March and of October), through quiet hours and
 * after the computer sleeps for days. What was notified is fed back in as the app stores it.
 */
import { describe, expect, it } from 'vitest'
import { addDays } from '../../electron/shared/dates'
import { wallClock } from '../../electron/shared/reminders/local-clock'
import {
  MAX_AT_ONCE,
  isQuiet,
  reminderSchedule,
  type ReminderPreferences,
  type ReminderSources,
  type ScheduleInput,
} from '../../electron/shared/reminders/schedule'
import { REMINDER_KINDS } from '../../electron/shared/reminders/words'

const LONDON = 'Europe/London'
const allOn: ReminderPreferences = {
  kinds: Object.fromEntries(REMINDER_KINDS.map((k) => [k, true])) as ReminderPreferences['kinds'],
  quietFrom: null,
  quietTo: null,
}
const none: ReminderSources = { followUps: [], commitments: [], checkIns: [] }

/** A desk that runs the schedule on each tick and remembers what it showed, as the app does. */
function desk(sources: ReminderSources, prefs: ReminderPreferences = allOn, timeZone = LONDON) {
  const notified = new Set<string>()
  return {
    notified,
    tick(now: Date | string, override: Partial<ScheduleInput> = {}) {
      const s = reminderSchedule({
        sources,
        prefs,
        warningDays: 3,
        now: new Date(now),
        timeZone,
        notified,
        ...override,
      })
      for (const n of s.notifications) for (const k of n.keys) notified.add(k)
      return s
    },
  }
}

describe('the owner’s wall clock', () => {
  it('reads the day and minute in the owner’s zone, not Greenwich’s', () => {
    // 23:30 UTC on 24 October 2026 is 00:30 BST on the 25th in London.
    expect(wallClock(new Date('2026-10-24T23:30:00Z'), LONDON)).toEqual({ day: '2026-10-25', minute: 30 })
    // After the clocks go back (01:00 UTC on 25 October), 23:30 UTC is 23:30 GMT on the same day.
    expect(wallClock(new Date('2026-10-25T23:30:00Z'), LONDON)).toEqual({ day: '2026-10-25', minute: 23 * 60 + 30 })
    expect(wallClock(new Date('2026-03-28T23:30:00Z'), 'America/New_York')).toEqual({
      day: '2026-03-28',
      minute: 19 * 60 + 30,
    })
  })
})

describe('quiet hours', () => {
  it('run past midnight, and none are set when either end is missing or both are equal', () => {
    expect(isQuiet(22 * 60, '21:00', '08:00')).toBe(true)
    expect(isQuiet(7 * 60 + 59, '21:00', '08:00')).toBe(true)
    expect(isQuiet(8 * 60, '21:00', '08:00')).toBe(false)
    expect(isQuiet(13 * 60, '12:00', '14:00')).toBe(true)
    expect(isQuiet(14 * 60, '12:00', '14:00')).toBe(false)
    expect(isQuiet(3 * 60, null, '08:00')).toBe(false)
    expect(isQuiet(3 * 60, '08:00', '08:00')).toBe(false)
  })

  it('hold reminders back until they end, then show them once the same day', () => {
    const d = desk(
      { ...none, followUps: [{ turnaroundId: 1, clientName: 'Acme', dueOn: '2026-06-10' }] },
      { ...allOn, quietFrom: '21:00', quietTo: '08:00' },
    )
    const night = d.tick('2026-06-10T05:30:00Z') // 06:30 BST
    expect(night.quiet).toBe(true)
    expect(night.notifications).toEqual([])
    expect(night.due).toHaveLength(1)
    expect(d.tick('2026-06-10T07:00:00Z').notifications).toHaveLength(1) // 08:00 BST
    expect(d.tick('2026-06-10T07:01:00Z').notifications).toEqual([])
  })
})

describe('what falls due', () => {
  const sources: ReminderSources = {
    followUps: [
      { turnaroundId: 1, clientName: 'Acme', dueOn: '2026-06-10' },
      { turnaroundId: 2, clientName: 'Bolt', dueOn: '2026-06-08' },
      { turnaroundId: 3, clientName: 'Crane', dueOn: '2026-06-09' },
      { turnaroundId: 4, clientName: 'Dune', dueOn: '2026-06-12' },
    ],
    commitments: [
      { id: 10, turnaroundId: 1, clientName: 'Acme', party: 'us', description: 'Send the plan', dueOn: '2026-06-12' },
      { id: 11, turnaroundId: 2, clientName: 'Bolt', party: 'us', description: 'Reprint', dueOn: '2026-06-20' },
      { id: 12, turnaroundId: 3, clientName: 'Crane', party: 'client', description: 'Pay', dueOn: '2026-06-09' },
      { id: 13, turnaroundId: 3, clientName: 'Crane', party: 'client', description: 'Renew', dueOn: '2026-06-10' },
    ],
    checkIns: [{ turnaroundId: 7, clientName: 'Gale', dueOn: '2026-06-10' }],
  }

  it('with every kind due at once, folds them into one summary that lands on Today', () => {
    const s = desk(sources).tick('2026-06-10T09:00:00Z')
    expect(s.day).toBe('2026-06-10')
    expect(s.notifications.map((n) => [n.kind, n.title, n.target])).toEqual([
      ['summary', '6 things need you today', '/today'],
    ])
    expect(s.notifications[0]?.body.split('\n')).toEqual([
      '3 follow-ups due today',
      'Commitment at risk: Acme',
      'Client’s date has passed: Crane',
      'Check-in due: Gale',
    ])
    expect(MAX_AT_ONCE).toBe(3)
  })

  it('with three kinds on, shows one per kind with names and what each is', () => {
    const prefs = { ...allOn, kinds: { ...allOn.kinds, check_in: false } }
    const s = desk(sources, prefs).tick('2026-06-10T09:00:00Z')
    expect(s.notifications).toEqual([
      {
        kind: 'follow_up',
        title: '3 follow-ups due today',
        body: 'Bolt, Crane and Acme',
        target: '/today',
        keys: ['follow_up:2:2026-06-10', 'follow_up:3:2026-06-10', 'follow_up:1:2026-06-10'],
      },
      {
        kind: 'commitment_at_risk',
        title: 'Commitment at risk',
        body: 'Acme: Send the plan',
        target: '/turnarounds/1?tab=commitments',
        keys: ['commitment_at_risk:10:2026-06-12'],
      },
      {
        kind: 'client_date_passed',
        title: 'Client’s date has passed',
        body: 'Crane: Pay',
        target: '/turnarounds/3?tab=commitments',
        keys: ['client_date_passed:12:2026-06-09'],
      },
    ])
    // The turned-off kind still counts in what is due (the tray and the badge show it).
    expect(s.due.map((t) => t.kind)).toContain('check_in')
    expect(s.due).toHaveLength(6)
  })

  it('notifies each thing once a day: the same tick again, or a restart with the stored keys, shows nothing', () => {
    const d = desk(sources)
    expect(d.tick('2026-06-10T09:00:00Z').notifications).toHaveLength(1)
    expect(d.tick('2026-06-10T09:01:00Z').notifications).toEqual([])
    const restarted = reminderSchedule({
      sources,
      prefs: allOn,
      warningDays: 3,
      now: new Date('2026-06-10T16:00:00Z'),
      timeZone: LONDON,
      notified: new Set(d.notified),
    })
    expect(restarted.notifications).toEqual([])
  })

  it('the next day, reminds again of follow-ups still not done, and of nothing already told once', () => {
    const d = desk(sources, { ...allOn, kinds: { ...allOn.kinds, check_in: false } })
    d.tick('2026-06-10T09:00:00Z')
    const next = d.tick('2026-06-11T09:00:00Z')
    // The follow-ups again; Crane's "Renew" of the 10th has passed overnight; Crane's "Pay" is not told twice.
    expect(next.notifications.map((n) => [n.title, n.body])).toEqual([
      ['3 follow-ups due today', 'Bolt, Crane and Acme'],
      ['Client’s date has passed', 'Crane: Renew'],
    ])
    // Two days later Dune is due too, and the at-risk commitment of the 12th is now overdue.
    const later = d.tick('2026-06-13T09:00:00Z')
    expect(later.notifications.map((n) => n.title)).toEqual(['4 follow-ups due today', 'Commitment overdue'])
    expect(later.notifications[0]?.body).toBe('Bolt, Crane, Acme and 1 more')
  })

  it('a renegotiated date reminds again; a kind turned off does not notify', () => {
    const d = desk(sources, { ...allOn, kinds: { ...allOn.kinds, follow_up: false, check_in: false } })
    expect(d.tick('2026-06-10T09:00:00Z').notifications.map((n) => n.kind)).toEqual([
      'commitment_at_risk',
      'client_date_passed',
    ])
    const moved: ReminderSources = {
      ...sources,
      commitments: sources.commitments.map((c) => (c.id === 10 ? { ...c, dueOn: '2026-06-11' } : c)),
    }
    const again = reminderSchedule({
      sources: moved,
      prefs: { ...allOn, kinds: { ...allOn.kinds, follow_up: false, check_in: false } },
      warningDays: 3,
      now: new Date('2026-06-10T10:00:00Z'),
      timeZone: LONDON,
      notified: d.notified,
    })
    expect(again.notifications.map((n) => n.keys)).toEqual([['commitment_at_risk:10:2026-06-11']])
  })
})

describe('across the change of clocks', () => {
  const followUp = (dueOn: string): ReminderSources => ({
    ...none,
    followUps: [{ turnaroundId: 5, clientName: 'Hollow', dueOn }],
  })

  it('when the clocks go back in London, the new day starts at local midnight, not at 00:00 UTC', () => {
    const d = desk(followUp('2026-10-25'))
    // 23:30 UTC on the 24th is already 00:30 on Sunday the 25th in London (BST).
    const s = d.tick('2026-10-24T23:30:00Z')
    expect(s.day).toBe('2026-10-25')
    expect(s.notifications.map((n) => n.keys)).toEqual([['follow_up:5:2026-10-25']])
    // 01:30 local happens twice that night (BST then GMT): the second time is the same day, shown nothing.
    expect(d.tick('2026-10-25T00:30:00Z').notifications).toEqual([])
    expect(d.tick('2026-10-25T01:30:00Z').notifications).toEqual([])
    // Monday starts at 00:00 GMT = 00:00 UTC; at 23:59 UTC on Sunday it is still Sunday.
    expect(d.tick('2026-10-25T23:59:00Z').day).toBe('2026-10-25')
    expect(d.tick('2026-10-26T00:00:00Z').notifications.map((n) => n.keys)).toEqual([['follow_up:5:2026-10-26']])
  })

  it('quiet hours follow the wall clock through the long night of October and the short one of March', () => {
    const prefs = { ...allOn, quietFrom: '22:00', quietTo: '07:00' }
    const oct = desk(followUp('2026-10-25'), prefs)
    // 06:30 GMT (after the change) is quiet; 07:00 GMT = 07:00 UTC is not.
    expect(oct.tick('2026-10-25T06:30:00Z').quiet).toBe(true)
    expect(oct.tick('2026-10-25T07:00:00Z').notifications).toHaveLength(1)
    const mar = desk(followUp('2026-03-29'), prefs)
    // On 29 March the clocks go forward at 01:00 UTC: 06:00 UTC is already 07:00 BST.
    expect(mar.tick('2026-03-29T05:59:00Z').quiet).toBe(true)
    expect(mar.tick('2026-03-29T06:00:00Z').notifications).toHaveLength(1)
  })
})

describe('after sleep', () => {
  it('a computer that wakes after four days shows today’s reminders once, not the missed days', () => {
    const sources: ReminderSources = {
      followUps: [
        { turnaroundId: 1, clientName: 'Acme', dueOn: '2026-06-10' },
        { turnaroundId: 2, clientName: 'Bolt', dueOn: '2026-06-11' },
      ],
      commitments: [
        // At risk while asleep, overdue on waking: only "overdue" is told.
        { id: 10, turnaroundId: 1, clientName: 'Acme', party: 'us', description: 'Send the plan', dueOn: '2026-06-12' },
      ],
      checkIns: [],
    }
    const d = desk(sources)
    expect(d.tick('2026-06-08T16:00:00Z').notifications).toEqual([]) // nothing due yet
    // Lid shut for four days; the first tick after waking.
    const woke = d.tick('2026-06-13T08:15:00Z')
    expect(woke.notifications.map((n) => [n.title, n.keys])).toEqual([
      ['2 follow-ups due today', ['follow_up:1:2026-06-13', 'follow_up:2:2026-06-13']],
      ['Commitment overdue', ['commitment_overdue:10:2026-06-12']],
    ])
    // Every tick after it, the same day (the wake event, the next minute) shows nothing more.
    for (let minute = 1; minute < 60; minute += 7)
      expect(d.tick(new Date(Date.parse('2026-06-13T08:15:00Z') + minute * 60_000)).notifications).toEqual([])
  })

  it('many kinds at once become one summary, never a stack of notifications', () => {
    const day = '2026-06-13'
    const sources: ReminderSources = {
      followUps: [{ turnaroundId: 1, clientName: 'Acme', dueOn: day }],
      commitments: [
        { id: 1, turnaroundId: 1, clientName: 'Acme', party: 'us', description: 'Call back', dueOn: day },
        { id: 2, turnaroundId: 2, clientName: 'Bolt', party: 'us', description: 'Refund', dueOn: addDays(day, -2) },
        { id: 3, turnaroundId: 2, clientName: 'Bolt', party: 'client', description: 'Pay', dueOn: addDays(day, -1) },
      ],
      checkIns: [{ turnaroundId: 9, clientName: 'Gale', dueOn: day }],
    }
    const s = desk(sources).tick(`${day}T09:00:00Z`)
    expect(s.notifications).toHaveLength(1)
    expect(s.notifications[0]).toMatchObject({ kind: 'summary', title: '5 things need you today', target: '/today' })
    expect(s.notifications[0]?.keys).toHaveLength(5)
    expect(s.notifications[0]?.body.split('\n')).toHaveLength(5)
  })
})
