/** What the planner's channels return. */
import type { Authorship } from '../models'
import type {
  ActionStatus,
  AgreementChannel,
  ClientCommitmentKind,
  ClientPartStatus,
  CommitmentState,
  CommitmentStatus,
  ComplaintChannel,
  IssueStatus,
  Outcome,
  Party,
  Reality,
  RootCause,
  Severity,
  Stage,
  TouchpointKind,
} from './words'

export interface PlannerSettings {
  warningWindowDays: number
  followUpEveryDays: number
  checkInAfterDays: number
  /** A quick win takes at most this much effort. */
  quickWinMaxEffortMinutes: number
}

export interface TurnaroundSummary {
  id: number
  clientId: number
  clientName: string
  openedOn: string
  owner: string
  stage: Stage
  nextFollowUpOn: string | null
  closedOn: string | null
  outcome: Outcome | null
  checkInDueOn: string | null
  openIssues: number
  commitmentsAtRisk: number
  commitmentsOverdue: number
}

export interface IssueView extends Authorship {
  id: number
  statement: string
  clientWords: string
  /** How letters put the issue to the client; '' when the statement is fit to print as it is. */
  clientWording: string
  isGeneral: boolean
  rootCause: RootCause | null
  reality: Reality
  severity: Severity
  staffMember: string
  product: string
  successCriterion: string
  status: IssueStatus
  prevention: string
  raisedOn: string
  /** Raised after the client agreed to the list. */
  addedAfterAgreement: boolean
}

export interface ActionView {
  id: number
  issueId: number | null
  title: string
  impact: number
  effortMinutes: number
  costMinor: number
  party: Party
  responsible: string
  dueOn: string | null
  status: ActionStatus
  manualRank: number | null
  quickWin: boolean
  score: number
}

export interface CommitmentView extends Authorship {
  id: number
  party: Party
  description: string
  dueOn: string
  originalDueOn: string
  status: CommitmentStatus
  doneOn: string | null
  renegotiationReason: string
  /** How it stands today: at risk within the warning window, overdue once past. */
  state: CommitmentState
}

export interface TouchpointView {
  id: number
  clientId: number
  turnaroundId: number | null
  kind: TouchpointKind
  occurredOn: string
  who: string
  minutes: number
  summary: string
  isCheckIn: boolean
}

export interface HandoverView {
  id: number
  handedOn: string
  fromOwner: string
  toOwner: string
  reason: string
}

/** How the issue list differs from the one the client agreed to. */
export interface AgreementChanges {
  added: string[]
  removed: string[]
  reworded: Array<{ before: string; after: string }>
}

/** One measurable part of the client's commitment: what, how much, by when, and what counts as met. */
export interface ClientCommitmentPart {
  kind: ClientCommitmentKind
  description: string
  amountMinor: number | null
  dueOn: string | null
  metWhen: string
}

/** A saved part, with whether the client kept it and how it stands today. */
export interface ClientCommitmentPartView extends ClientCommitmentPart {
  id: number
  status: ClientPartStatus
  /** The day the client kept it; null unless kept. */
  keptOn: string | null
  /** Open, at risk or overdue by its date while open (open when undated); done when kept, missed when not. */
  state: CommitmentState
}

export interface TurnaroundDetail extends Authorship {
  id: number
  clientId: number
  clientName: string
  openedOn: string
  owner: string
  firstHeardBy: string
  channel: ComplaintChannel
  clientWords: string
  clientExpectation: string
  responsePromisedOn: string | null
  followUpEveryDays: number
  nextFollowUpOn: string | null
  lastTouchpointOn: string | null
  issuesAgreedOn: string | null
  issuesAgreedVia: AgreementChannel | null
  agreementMissingNote: string
  agreementChanges: AgreementChanges | null
  /** What the client will do once the issues are solved: one part per kind of promise, in their order. */
  clientCommitments: ClientCommitmentPartView[]
  planAgreedOn: string | null
  closedOn: string | null
  outcome: Outcome | null
  closingNote: string
  checkInDueOn: string | null
  checkedInOn: string | null
  stage: Stage
  nextStep: string
  issues: IssueView[]
  actions: ActionView[]
  commitments: CommitmentView[]
  touchpoints: TouchpointView[]
  handovers: HandoverView[]
  /** Share of our commitments due so far that were met on time, 0..1; null when none was due yet. */
  onTimeShare: number | null
  isSample: boolean
}

export interface TodayFollowUp {
  turnaroundId: number
  clientId: number
  clientName: string
  owner: string
  nextFollowUpOn: string
  stage: Stage
}

export interface TodayCommitment {
  id: number
  turnaroundId: number
  clientName: string
  party: Party
  description: string
  dueOn: string
  state: 'at_risk' | 'overdue'
}

/** An open, dated part of the client's commitment coming due or past its date. */
export interface TodayClientPart {
  id: number
  turnaroundId: number
  clientName: string
  kind: ClientCommitmentKind
  description: string
  dueOn: string
  state: 'at_risk' | 'overdue'
}

export interface TodayCheckIn {
  turnaroundId: number
  clientId: number
  clientName: string
  checkInDueOn: string
  outcome: Outcome
}

export interface TodayData {
  today: string
  followUps: TodayFollowUp[]
  commitments: TodayCommitment[]
  /** The client's commitment: its open parts at risk or overdue. */
  clientParts: TodayClientPart[]
  stageCounts: Partial<Record<Stage, number>>
  checkIns: TodayCheckIn[]
}

export interface TrendCount {
  key: string
  count: number
}

export interface TrendsData {
  from: string
  to: string
  /** Months (YYYY-MM) in the period, oldest first. */
  months: string[]
  byRootCause: Array<{ month: string; rootCause: RootCause; count: number }>
  bySeverity: Array<{ month: string; severity: Severity; count: number }>
  staff: TrendCount[]
  products: TrendCount[]
  /** Root causes raised by two or more different clients in the period. */
  sharedRootCauses: Array<{ rootCause: RootCause; clients: number; issues: number }>
}
