/**
 * The turnaround as it stood on the letter's date, so a letter never says what was no longer true
 * that day: a commitment done by then is done, one whose date had passed is late (or missed), a
 * promised date already past is not promised again, an issue raised after the client agreed to the
 * list is new (and one raised after the letter's date is not there yet).
 */
import type { ActionView, CommitmentView, IssueView, TurnaroundDetail } from '../../../shared/turnarounds/models'

export type CommitmentStanding = 'done' | 'missed' | 'late' | 'due'
export type ActionStanding = 'done' | 'late' | 'due' | 'undated'

export interface IssueFact {
  issue: IssueView
  /** Raised after the client agreed to the list (and the list was agreed by the letter's date). */
  isNew: boolean
}

export interface CommitmentFact {
  commitment: CommitmentView
  standing: CommitmentStanding
}

export interface ActionFact {
  action: ActionView
  standing: ActionStanding
}

export interface TurnaroundFacts {
  /** The client had agreed to the list of issues by the letter's date. */
  issuesAgreed: boolean
  /** Issues that count (not dropped, not worded as a generality), the agreed ones first, then the new. */
  issues: IssueFact[]
  commitments: CommitmentFact[]
  /** The plan's live actions (not dropped), in the plan's order. */
  actions: ActionFact[]
  /** The plan had been agreed by the letter's date. */
  planAgreed: boolean
  /** The written plan was promised by a date that had passed, and it was not yet agreed. */
  planDuePassed: boolean
}

/** How a commitment stood on `date`: done by then, missed, late (its date passed, not done), or still due. */
export function commitmentStanding(c: CommitmentView, date: string): CommitmentStanding {
  if (c.status === 'done' && c.doneOn !== null && c.doneOn <= date) return 'done'
  if (c.dueOn < date) return c.status === 'missed' ? 'missed' : 'late'
  return 'due'
}

/** How an action stands on `date` (an action keeps no date of completion: done means done now). */
export function actionStanding(a: ActionView, date: string): ActionStanding {
  if (a.status === 'done') return 'done'
  if (a.dueOn === null) return 'undated'
  return a.dueOn < date ? 'late' : 'due'
}

export function factsOn(t: TurnaroundDetail | null, date: string): TurnaroundFacts {
  if (!t)
    return { issuesAgreed: false, issues: [], commitments: [], actions: [], planAgreed: false, planDuePassed: false }
  const issuesAgreed = t.issuesAgreedOn !== null && t.issuesAgreedOn <= date
  const live = t.issues.filter((i) => i.status !== 'dropped' && !i.isGeneral && i.raisedOn <= date)
  const issues = live.map((issue) => ({ issue, isNew: issuesAgreed && issue.addedAfterAgreement }))
  const planAgreed = t.planAgreedOn !== null && t.planAgreedOn <= date
  return {
    issuesAgreed,
    issues: [...issues.filter((i) => !i.isNew), ...issues.filter((i) => i.isNew)],
    commitments: t.commitments.map((commitment) => ({ commitment, standing: commitmentStanding(commitment, date) })),
    actions: t.actions
      .filter((a) => a.status !== 'dropped')
      .map((action) => ({ action, standing: actionStanding(action, date) })),
    planAgreed,
    planDuePassed: t.responsePromisedOn !== null && t.responsePromisedOn < date && !planAgreed,
  }
}
