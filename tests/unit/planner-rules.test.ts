import { describe, expect, it } from 'vitest'
import { addDays, daysBetween, isoDate } from '../../electron/shared/dates'
import {
  NEXT_LETTER,
  NEXT_STEP,
  QUICK_WIN_LIMIT,
  QUICK_WIN_MAX_EFFORT_MINUTES,
  actionScore,
  commitmentState,
  deriveStage,
  nextFollowUpOn,
  rankActions,
  stepOf,
  type RankableAction,
  type StageFacts,
} from '../../electron/shared/turnarounds/rules'
import { STAGES } from '../../electron/shared/turnarounds/words'

const TODAY = '2026-11-22'

describe('commitmentState', () => {
  it.each([
    ['done', '2026-11-01', 'done'],
    ['done', '2026-12-30', 'done'],
    ['missed', '2026-11-01', 'missed'],
    ['missed', '2026-12-30', 'missed'],
  ] as const)('leaves a %s commitment (due %s) as it is', (status, dueOn, state) => {
    expect(commitmentState(status, dueOn, TODAY, 2)).toBe(state)
  })

  it.each(['open', 'renegotiated'] as const)('a %s commitment due yesterday is overdue', (status) => {
    expect(commitmentState(status, '2026-11-21', TODAY, 2)).toBe('overdue')
    expect(commitmentState(status, '2025-01-01', TODAY, 2)).toBe('overdue')
  })

  it('is at risk when due today up to today + the warning window, open after it', () => {
    expect(commitmentState('open', '2026-11-22', TODAY, 2)).toBe('at_risk')
    expect(commitmentState('open', '2026-11-23', TODAY, 2)).toBe('at_risk')
    expect(commitmentState('open', '2026-11-24', TODAY, 2)).toBe('at_risk')
    expect(commitmentState('open', '2026-11-25', TODAY, 2)).toBe('open')
    expect(commitmentState('renegotiated', '2026-11-24', TODAY, 2)).toBe('at_risk')
    expect(commitmentState('renegotiated', '2026-11-25', TODAY, 2)).toBe('open')
  })

  it('counts the window across a month and a year end', () => {
    expect(commitmentState('open', '2027-01-02', '2026-12-31', 2)).toBe('at_risk')
    expect(commitmentState('open', '2027-01-03', '2026-12-31', 2)).toBe('open')
    expect(commitmentState('open', '2026-12-30', '2026-12-31', 2)).toBe('overdue')
  })

  it('with a window of 0 only today is at risk', () => {
    expect(commitmentState('open', '2026-11-21', TODAY, 0)).toBe('overdue')
    expect(commitmentState('open', '2026-11-22', TODAY, 0)).toBe('at_risk')
    expect(commitmentState('open', '2026-11-23', TODAY, 0)).toBe('open')
  })

  it('a wider window flags more', () => {
    expect(commitmentState('open', '2026-11-29', TODAY, 7)).toBe('at_risk')
    expect(commitmentState('open', '2026-11-30', TODAY, 7)).toBe('open')
  })
})

function action(
  id: number,
  impact: number,
  effortMinutes: number,
  extra: Partial<RankableAction> = {},
): RankableAction {
  return { id, impact, effortMinutes, status: 'planned', manualRank: null, ...extra }
}
const ids = (ranked: { id: number }[]) => ranked.map((a) => a.id)
const quickWins = (ranked: { id: number; quickWin: boolean }[]) => ranked.filter((a) => a.quickWin).map((a) => a.id)

describe('actionScore', () => {
  it('is impact per hour of effort', () => {
    expect(actionScore({ impact: 4, effortMinutes: 120 })).toBe(2)
    expect(actionScore({ impact: 3, effortMinutes: 60 })).toBe(3)
  })

  it('counts zero or tiny effort as a quarter hour', () => {
    expect(actionScore({ impact: 2, effortMinutes: 0 })).toBe(8)
    expect(actionScore({ impact: 2, effortMinutes: 5 })).toBe(8)
    expect(actionScore({ impact: 2, effortMinutes: 15 })).toBe(8)
    expect(Number.isFinite(actionScore({ impact: 5, effortMinutes: 0 }))).toBe(true)
  })
})

describe('rankActions', () => {
  it('orders by impact over effort, best first, and returns the score', () => {
    // Impact 1-2 so none is a quick win and only the score decides.
    const ranked = rankActions([action(1, 1, 600), action(2, 2, 60), action(3, 2, 600), action(4, 1, 20)])
    expect(ids(ranked)).toEqual([4, 2, 3, 1])
    expect(ranked.map((a) => a.score)).toEqual([3, 2, 0.2, 0.1])
    expect(quickWins(ranked)).toEqual([])
  })

  it('does not change the input array', () => {
    const input = [action(1, 1, 600), action(2, 5, 30)]
    rankActions(input)
    expect(ids(input)).toEqual([1, 2])
  })

  it('marks at most three quick wins, the best-scoring ones, and puts them first', () => {
    const ranked = rankActions([
      action(1, 3, 120),
      action(2, 5, 60),
      action(3, 4, 30),
      action(4, 3, 30),
      action(5, 5, 240),
    ])
    expect(QUICK_WIN_LIMIT).toBe(3)
    expect(quickWins(ranked)).toEqual([3, 4, 2])
    expect(ids(ranked)).toEqual([3, 4, 2, 1, 5])
  })

  it('a quick win needs impact of at least 3', () => {
    const ranked = rankActions([action(1, 2, 15), action(2, 3, 60)])
    expect(quickWins(ranked)).toEqual([2])
    // The quick win goes first even though the low-impact action scores higher (8 against 3).
    expect(ids(ranked)).toEqual([2, 1])
  })

  it('a quick win is small: by default 2 hours exactly counts, a minute more does not', () => {
    expect(QUICK_WIN_MAX_EFFORT_MINUTES).toBe(120)
    const ranked = rankActions([action(1, 5, 120), action(2, 5, 121)])
    expect(ranked.find((a) => a.id === 1)?.quickWin).toBe(true)
    expect(ranked.find((a) => a.id === 2)?.quickWin).toBe(false)
  })

  it('a 6-hour action with the best ratio is not a quick win by default', () => {
    // Impact 5 over 6 hours (0.83 an hour) beats impact 3 over 4 hours (0.75), but neither is small.
    const ranked = rankActions([action(1, 5, 360), action(2, 3, 240)])
    expect(ids(ranked)).toEqual([1, 2])
    expect(quickWins(ranked)).toEqual([])
  })

  it('follows the owner’s effort limit from Settings', () => {
    const plan = [action(1, 5, 360), action(2, 4, 30)]
    expect(quickWins(rankActions(plan, 6 * 60))).toEqual([2, 1])
    expect(quickWins(rankActions(plan, 15))).toEqual([])
  })

  it('done and dropped actions are never quick wins and come last', () => {
    const ranked = rankActions([
      action(1, 5, 15, { status: 'done' }),
      action(2, 5, 15, { status: 'dropped' }),
      action(3, 1, 6000),
      action(4, 3, 60, { status: 'in_progress' }),
    ])
    expect(quickWins(ranked)).toEqual([4])
    expect(ids(ranked)).toEqual([4, 3, 1, 2])
  })

  it('finished actions do not use up quick-win places', () => {
    const ranked = rankActions([
      action(1, 5, 15, { status: 'done' }),
      action(2, 5, 15, { status: 'done' }),
      action(3, 5, 15, { status: 'dropped' }),
      action(4, 3, 60),
    ])
    expect(quickWins(ranked)).toEqual([4])
  })

  it('puts actions ranked by hand first, in their order, then the rest by score', () => {
    const ranked = rankActions([
      action(1, 5, 15),
      action(2, 1, 600, { manualRank: 2 }),
      action(3, 1, 6000, { manualRank: 1 }),
      action(4, 2, 60),
    ])
    expect(ids(ranked)).toEqual([3, 2, 1, 4])
    // Manual order does not change which ones are quick wins.
    expect(quickWins(ranked)).toEqual([1])
  })

  it('equal manual ranks fall back to id', () => {
    const ranked = rankActions([action(7, 1, 60, { manualRank: 1 }), action(3, 1, 60, { manualRank: 1 })])
    expect(ids(ranked)).toEqual([3, 7])
  })

  it('a done action stays last even with a manual rank', () => {
    const ranked = rankActions([action(1, 5, 60, { manualRank: 1, status: 'done' }), action(2, 1, 600)])
    expect(ids(ranked)).toEqual([2, 1])
  })

  it('breaks score ties by higher impact, then by lower id', () => {
    // Not quick wins (impact below 3), scores all 2: impact 2 over 1h (twice), impact 1 over 30 minutes.
    const ranked = rankActions([action(9, 2, 60), action(1, 1, 30), action(5, 2, 60)])
    expect(ranked.map((a) => a.score)).toEqual([2, 2, 2])
    expect(ids(ranked)).toEqual([5, 9, 1])
    // The same among manual-free quick wins: impact 4 over 2h beats impact 3 over 90 minutes.
    expect(ids(rankActions([action(2, 3, 90), action(7, 4, 120)]))).toEqual([7, 2])
  })

  it('counts zero effort as 15 minutes, not as infinitely good', () => {
    // Impact 1 at 0 minutes scores 4; impact 2 at 15 minutes scores 8.
    const ranked = rankActions([action(1, 1, 0), action(2, 2, 15)])
    expect(ranked.map((a) => a.score)).toEqual([8, 4])
    expect(ids(ranked)).toEqual([2, 1])
    // Zero effort and a quarter hour tie on score, so impact decides, then id.
    expect(ids(rankActions([action(1, 2, 15), action(2, 2, 0)]))).toEqual([1, 2])
  })

  it('ranks quick wins among themselves by score with the same tie-break', () => {
    // All score 2; 5 and 3 have impact 4, 2 has impact 3; 1 is out (ten hours).
    const ranked = rankActions([action(2, 3, 90), action(5, 4, 120), action(3, 4, 120), action(1, 5, 600)])
    expect(quickWins(ranked)).toEqual([3, 5, 2])
    expect(ids(ranked)).toEqual([3, 5, 2, 1])
  })

  it('handles an empty plan', () => {
    expect(rankActions([])).toEqual([])
  })
})

describe('nextFollowUpOn', () => {
  it('counts from the opening day when there is no touchpoint', () => {
    expect(nextFollowUpOn('2026-11-20', null, 2)).toBe('2026-11-22')
    expect(nextFollowUpOn('2026-12-30', null, 3)).toBe('2027-01-02')
  })

  it('counts from the last touchpoint', () => {
    expect(nextFollowUpOn('2026-11-01', '2026-11-21', 2)).toBe('2026-11-23')
    expect(nextFollowUpOn('2026-11-01', '2026-11-21', 7)).toBe('2026-11-28')
  })

  it('ignores a touchpoint dated before the opening', () => {
    expect(nextFollowUpOn('2026-11-10', '2026-11-01', 2)).toBe('2026-11-12')
  })

  it('a touchpoint on the opening day gives the same date as none', () => {
    expect(nextFollowUpOn('2026-11-10', '2026-11-10', 2)).toBe('2026-11-12')
  })
})

describe('deriveStage', () => {
  const none: StageFacts = {
    closedOutcome: null,
    issuesAgreedOn: null,
    clientCommitments: [],
    followUpSent: false,
    planAgreedOn: null,
    workStarted: false,
  }
  const all: StageFacts = {
    closedOutcome: null,
    issuesAgreedOn: '2026-11-10',
    clientCommitments: [{ description: 'Renew in January' }],
    followUpSent: true,
    planAgreedOn: '2026-11-12',
    workStarted: true,
  }

  it.each([
    ['listening', none],
    ['issues_agreed', { ...none, issuesAgreedOn: '2026-11-10' }],
    [
      'client_committed',
      { ...none, issuesAgreedOn: '2026-11-10', clientCommitments: [{ description: 'Renew in January' }] },
    ],
    ['follow_up_sent', { ...all, planAgreedOn: null, workStarted: false }],
    ['plan_agreed', { ...all, workStarted: false }],
    ['in_progress', all],
    ['closed_recovered', { ...none, closedOutcome: 'recovered' }],
    ['closed_let_go', { ...all, closedOutcome: 'let_go' }],
  ] as const)('%s', (stage, facts) => {
    expect(deriveStage(facts)).toBe(stage)
    expect(NEXT_STEP[stage]).toBeTruthy()
  })

  it('stops at the first step not taken, whatever comes later', () => {
    expect(deriveStage({ ...all, issuesAgreedOn: null })).toBe('listening')
    expect(deriveStage({ ...all, clientCommitments: [] })).toBe('issues_agreed')
    expect(deriveStage({ ...all, followUpSent: false })).toBe('client_committed')
    expect(deriveStage({ ...all, planAgreedOn: null })).toBe('follow_up_sent')
  })

  it('a blank client commitment does not count', () => {
    expect(deriveStage({ ...none, issuesAgreedOn: '2026-11-10', clientCommitments: [{ description: '   ' }] })).toBe(
      'issues_agreed',
    )
  })

  it('a commitment of several parts counts once one part says what the client will do', () => {
    const agreed = { ...none, issuesAgreedOn: '2026-11-10' }
    const parts = [{ description: ' ' }, { description: 'Give a referral' }]
    expect(deriveStage({ ...agreed, clientCommitments: parts })).toBe('client_committed')
  })

  it('has a next step for every stage', () => {
    for (const stage of STAGES) expect(NEXT_STEP[stage].length).toBeGreaterThan(10)
  })
})

describe('dates', () => {
  it.each([
    ['2026-11-22', 2, '2026-11-24'],
    ['2026-11-30', 1, '2026-12-01'],
    ['2026-01-31', 1, '2026-02-01'],
    ['2026-04-30', 1, '2026-05-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-12-30', 90, '2027-03-30'],
    ['2027-02-28', 1, '2027-03-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2028-02-29', 1, '2028-03-01'],
    ['2028-02-29', 365, '2029-02-28'],
    ['2027-01-01', -1, '2026-12-31'],
    ['2028-03-01', -1, '2028-02-29'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-11-22', 0, '2026-11-22'],
  ])('addDays(%s, %i) = %s', (from, n, to) => {
    expect(addDays(from, n)).toBe(to)
  })

  it('adds days across the spring and autumn clock changes without losing one', () => {
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30')
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26')
    expect(addDays('2026-03-07', 2)).toBe('2026-03-09')
  })

  it.each([
    ['2026-11-22', '2026-11-22', 0],
    ['2026-11-22', '2026-11-24', 2],
    ['2026-11-24', '2026-11-22', -2],
    ['2026-12-31', '2027-01-01', 1],
    ['2027-02-27', '2027-03-01', 2],
    ['2028-02-27', '2028-03-01', 3],
    ['2026-01-01', '2027-01-01', 365],
    ['2028-01-01', '2029-01-01', 366],
    ['2026-03-28', '2026-03-30', 2],
  ])('daysBetween(%s, %s) = %i', (from, to, n) => {
    expect(daysBetween(from, to)).toBe(n)
  })

  it('addDays and daysBetween agree', () => {
    for (const n of [-400, -1, 0, 1, 59, 60, 366, 1000])
      expect(daysBetween('2028-02-29', addDays('2028-02-29', n))).toBe(n)
  })

  it('isoDate is the UTC calendar day', () => {
    expect(isoDate(new Date('2026-11-22T23:59:59Z'))).toBe('2026-11-22')
    expect(isoDate(new Date('2026-11-23T00:00:00Z'))).toBe('2026-11-23')
  })
})

describe('the stage’s step and the letter it asks for', () => {
  it('places every stage on the stepper, the two closed stages together last', () => {
    expect(STAGES.map(stepOf)).toEqual([1, 2, 3, 4, 5, 6, 7, 7])
  })

  it('suggests the follow-up until it is sent, then the plan, then the check-in or the parting letter', () => {
    expect(STAGES.map((s) => NEXT_LETTER[s])).toEqual([
      'follow_up',
      'follow_up',
      'follow_up',
      'plan',
      'plan',
      'plan',
      'check_in',
      'parting',
    ])
  })
})
