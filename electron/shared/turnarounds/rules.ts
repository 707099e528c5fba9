/**
 * The planner's rules as pure functions: commitment state on a day, quick-win ranking, the
 * follow-up date and the turnaround's stage. Used by main (queries, services) and the renderer.
 */
import { addDays } from '../dates'
import {
  STAGES,
  type ActionStatus,
  type ClientPartSettled,
  type CommitmentState,
  type CommitmentStatus,
  type Stage,
} from './words'
import type { LetterKind } from '../letters/words'

/**
 * A commitment not done is overdue once its date has passed, and at risk when it falls due
 * within the warning window (today included).
 */
export function commitmentState(
  status: CommitmentStatus,
  dueOn: string,
  today: string,
  warningDays: number,
): CommitmentState {
  if (status === 'done' || status === 'missed') return status
  if (dueOn < today) return 'overdue'
  if (dueOn <= addDays(today, warningDays)) return 'at_risk'
  return 'open'
}

/** A part of the client's commitment reads as a commitment: done when kept, missed when not, open when undated. */
export function clientPartState(
  settled: ClientPartSettled | null,
  dueOn: string | null,
  today: string,
  warningDays: number,
): CommitmentState {
  if (settled) return settled === 'kept' ? 'done' : 'missed'
  return dueOn === null ? 'open' : commitmentState('open', dueOn, today, warningDays)
}

export interface RankableAction {
  id: number
  impact: number
  effortMinutes: number
  status: ActionStatus
  manualRank: number | null
}

/** Impact per hour of effort; a quarter hour is the least effort counted, so nothing divides by zero. */
export function actionScore(a: Pick<RankableAction, 'impact' | 'effortMinutes'>): number {
  return a.impact / (Math.max(a.effortMinutes, 15) / 60)
}

export const QUICK_WIN_LIMIT = 3
export const QUICK_WIN_MIN_IMPACT = 3
/** A quick win is small: at most this much effort unless the owner sets another limit in Settings. */
export const QUICK_WIN_MAX_EFFORT_MINUTES = 2 * 60

/**
 * Orders a plan: actions the owner placed by hand first (in their order), then the rest by impact
 * over effort; done and dropped actions last. Quick wins are the best-scoring open actions (at most
 * three) that matter (impact 3 or more) and are small (effort within the owner's limit).
 */
export function rankActions<T extends RankableAction>(
  actions: readonly T[],
  quickWinMaxEffortMinutes = QUICK_WIN_MAX_EFFORT_MINUTES,
): Array<T & { quickWin: boolean; score: number }> {
  const finished = (a: T) => a.status === 'done' || a.status === 'dropped'
  const byScore = (a: T, b: T) => actionScore(b) - actionScore(a) || b.impact - a.impact || a.id - b.id
  const quickWinIds = new Set(
    actions
      .filter((a) => !finished(a) && a.impact >= QUICK_WIN_MIN_IMPACT && a.effortMinutes <= quickWinMaxEffortMinutes)
      .sort(byScore)
      .slice(0, QUICK_WIN_LIMIT)
      .map((a) => a.id),
  )
  const order = (a: T, b: T) => {
    if (finished(a) !== finished(b)) return finished(a) ? 1 : -1
    if (a.manualRank !== null && b.manualRank !== null) return a.manualRank - b.manualRank || a.id - b.id
    if (a.manualRank !== null) return -1
    if (b.manualRank !== null) return 1
    const qa = quickWinIds.has(a.id)
    const qb = quickWinIds.has(b.id)
    if (qa !== qb) return qa ? -1 : 1
    return byScore(a, b)
  }
  return [...actions].sort(order).map((a) => ({ ...a, quickWin: quickWinIds.has(a.id), score: actionScore(a) }))
}

/** The next follow-up: the cadence counted from the last touchpoint, or from the day it opened. */
export function nextFollowUpOn(openedOn: string, lastTouchpointOn: string | null, everyDays: number): string {
  const from = lastTouchpointOn !== null && lastTouchpointOn > openedOn ? lastTouchpointOn : openedOn
  return addDays(from, everyDays)
}

export interface StageFacts {
  closedOutcome: 'recovered' | 'let_go' | null
  issuesAgreedOn: string | null
  /** The parts of the client's commitment; it counts once one of them says what the client will do. */
  clientCommitments: readonly { description: string }[]
  /** A letter or email to the client on or after the day the issues were agreed. */
  followUpSent: boolean
  planAgreedOn: string | null
  /** Any action started or done, or any commitment done. */
  workStarted: boolean
}

/** Where a turnaround stands: the first step of the practice not yet taken. */
export function deriveStage(f: StageFacts): Stage {
  if (f.closedOutcome) return f.closedOutcome === 'recovered' ? 'closed_recovered' : 'closed_let_go'
  if (!f.issuesAgreedOn) return 'listening'
  if (!f.clientCommitments.some((c) => c.description.trim() !== '')) return 'issues_agreed'
  if (!f.followUpSent) return 'client_committed'
  if (!f.planAgreedOn) return 'follow_up_sent'
  if (!f.workStarted) return 'plan_agreed'
  return 'in_progress'
}

export const NEXT_STEP: Record<Stage, string> = {
  listening: 'Make every issue specific, then record that the client agreed to the list.',
  issues_agreed: 'Ask what the client will do once the issues are solved, and record their commitment.',
  client_committed:
    'Send the follow-up in writing: the summary, the agreed issues, their commitment and when the plan will come.',
  follow_up_sent: 'Write the plan with a quick win at the top, and record when the client agrees to it.',
  plan_agreed: 'Start with the quick wins and tell the client as each one is done.',
  in_progress: 'Keep following up, meet every deadline, and close the turnaround when the issues are solved.',
  closed_recovered: 'Check in with the client a few months from now.',
  closed_let_go: 'Record what you learned so it does not happen to another client.',
}

/** The letter the practice asks for next at each stage. */
export const NEXT_LETTER: Record<Stage, LetterKind> = {
  listening: 'follow_up',
  issues_agreed: 'follow_up',
  client_committed: 'follow_up',
  follow_up_sent: 'plan',
  plan_agreed: 'plan',
  in_progress: 'plan',
  closed_recovered: 'check_in',
  closed_let_go: 'parting',
}

/** The practice's steps as the turnaround page shows them: the open stages in order, then "Closed". */
export const STAGE_STEPS: ReadonlyArray<{ title: string; stages: readonly Stage[] }> = [
  { title: 'Listen', stages: ['listening'] },
  { title: 'Issues agreed', stages: ['issues_agreed'] },
  { title: 'Client committed', stages: ['client_committed'] },
  { title: 'Follow-up sent', stages: ['follow_up_sent'] },
  { title: 'Plan agreed', stages: ['plan_agreed'] },
  { title: 'In progress', stages: ['in_progress'] },
  { title: 'Closed', stages: ['closed_recovered', 'closed_let_go'] },
]

/** The step (1-based) a stage stands at. */
export function stepOf(stage: Stage): number {
  return STAGE_STEPS.findIndex((s) => s.stages.includes(stage)) + 1
}

// Every stage stands at exactly one step: a stage added to STAGES and not here fails at load.
for (const stage of STAGES)
  if (STAGE_STEPS.filter((s) => s.stages.includes(stage)).length !== 1)
    throw new Error(`Stage without a step: ${stage}`)
