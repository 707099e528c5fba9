/** The planner's words (DOMAIN.md): used as stored values and, through the label maps, in the UI. */

export const COMPLAINT_CHANNELS = ['call', 'meeting', 'email', 'letter', 'visit', 'other'] as const
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number]

export const TOUCHPOINT_KINDS = ['call', 'meeting', 'email', 'letter', 'visit'] as const
export type TouchpointKind = (typeof TOUCHPOINT_KINDS)[number]
export const TOUCHPOINT_KIND_LABELS: Record<TouchpointKind, string> = {
  call: 'Call',
  meeting: 'Meeting',
  email: 'Email',
  letter: 'Letter',
  visit: 'Visit',
}

export const ROOT_CAUSES = [
  'product_fault',
  'delivery',
  'expectation_gap',
  'sales_promise',
  'needs_training',
  'billing',
  'communication',
  'personality_clash',
  'other',
] as const
export type RootCause = (typeof ROOT_CAUSES)[number]
export const ROOT_CAUSE_LABELS: Record<RootCause, string> = {
  product_fault: 'Product or service fault',
  delivery: 'Delivery late, damaged or wrong',
  expectation_gap: 'Expectation gap',
  sales_promise: 'Promised by sales, not delivered',
  needs_training: 'Misunderstanding: needs training',
  billing: 'Billing',
  communication: 'Communication',
  personality_clash: 'Personality clash',
  other: 'Other',
}

export const REALITIES = ['unknown', 'real', 'perceived'] as const
export type Reality = (typeof REALITIES)[number]
export const REALITY_LABELS: Record<Reality, string> = {
  unknown: 'Not yet known',
  real: 'Real',
  perceived: 'Only perceived',
}

/** 1 = once in a blue moon … 5 = serious, must be solved now. */
export const SEVERITIES = [1, 2, 3, 4, 5] as const
export type Severity = (typeof SEVERITIES)[number]
/** How bad a complaint is, in the words people use: from the rare nuisance to the emergency, "major" in the middle. */
export const SEVERITY_LABELS: Record<Severity, string> = {
  1: 'Once in a blue moon',
  2: 'Minor',
  3: 'Major',
  4: 'Serious',
  5: 'Serious, must be solved now',
}

export const ISSUE_STATUSES = ['open', 'in_progress', 'resolved', 'dropped'] as const
export type IssueStatus = (typeof ISSUE_STATUSES)[number]
export const ISSUE_STATUS_LABELS: Record<IssueStatus, string> = {
  open: 'Open',
  in_progress: 'In progress',
  resolved: 'Resolved',
  dropped: 'Dropped',
}

export const PARTIES = ['us', 'client'] as const
export type Party = (typeof PARTIES)[number]
export const PARTY_LABELS: Record<Party, string> = { us: 'Us', client: 'The client' }

export const ACTION_STATUSES = ['planned', 'in_progress', 'done', 'dropped'] as const
export type ActionStatus = (typeof ACTION_STATUSES)[number]
export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  planned: 'Planned',
  in_progress: 'In progress',
  done: 'Done',
  dropped: 'Dropped',
}

export const COMMITMENT_STATUSES = ['open', 'done', 'missed', 'renegotiated'] as const
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number]
export const COMMITMENT_STATUS_LABELS: Record<CommitmentStatus, string> = {
  open: 'Open',
  done: 'Done',
  missed: 'Missed',
  renegotiated: 'Renegotiated',
}

/** How a commitment stands on a given day: its status, or at risk / overdue when still open. */
export type CommitmentState = 'open' | 'at_risk' | 'overdue' | 'done' | 'missed'

export const CLIENT_COMMITMENT_KINDS = ['referral', 'pay_invoice', 'renew', 'buy_next_release', 'other'] as const
export type ClientCommitmentKind = (typeof CLIENT_COMMITMENT_KINDS)[number]
export const CLIENT_COMMITMENT_KIND_LABELS: Record<ClientCommitmentKind, string> = {
  referral: 'Give a referral',
  pay_invoice: 'Pay an outstanding invoice',
  renew: 'Renew',
  buy_next_release: 'Buy the next release',
  other: 'Other',
}

/** How a part of the client's commitment stands: open until the owner marks it kept or not kept. */
export const CLIENT_PART_STATUSES = ['open', 'kept', 'not_kept'] as const
export type ClientPartStatus = (typeof CLIENT_PART_STATUSES)[number]
export type ClientPartSettled = Exclude<ClientPartStatus, 'open'>

export const AGREEMENT_CHANNELS = ['meeting', 'call', 'email'] as const
export type AgreementChannel = (typeof AGREEMENT_CHANNELS)[number]

export const OUTCOMES = ['recovered', 'let_go'] as const
export type Outcome = (typeof OUTCOMES)[number]

export const STAGES = [
  'listening',
  'issues_agreed',
  'client_committed',
  'follow_up_sent',
  'plan_agreed',
  'in_progress',
  'closed_recovered',
  'closed_let_go',
] as const
export type Stage = (typeof STAGES)[number]
export const STAGE_LABELS: Record<Stage, string> = {
  listening: 'Listening',
  issues_agreed: 'Issues agreed',
  client_committed: 'Client committed',
  follow_up_sent: 'Follow-up sent',
  plan_agreed: 'Plan agreed',
  in_progress: 'In progress',
  closed_recovered: 'Closed: recovered',
  closed_let_go: 'Closed: let go',
}
