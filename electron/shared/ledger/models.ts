/** What the ledger's channels return: plain, serialisable data, money in integer minor units. */
import type { Authorship } from '../models'
import type { ClientStatus } from '../words'
import type { EntryKind, InvoiceState, Recommendation } from './words'
import type { Period } from './periods'

export interface StaffMember {
  id: number
  name: string
  costRateMinor: number
  isSample: boolean
}

export interface RiskLimits {
  horizonYears: number
  maxTurnaroundSharePct: number
  maxTurnaroundMinutes: number
  minEffectiveRateMinor: number
  defaultReferralValueMinor: number
}

export interface LedgerEntryView extends Authorship {
  id: number
  clientId: number
  turnaroundId: number | null
  kind: EntryKind
  entryDate: string
  description: string
  amountMinor: number
  currency: string
  staffId: number | null
  worker: string
  minutes: number | null
  rateMinor: number | null
  invoiceId: number | null
  reference: string
  isSample: boolean
  /** Invoices only: what payments against it have settled, and how it stands. */
  paidMinor: number | null
  invoiceState: InvoiceState | null
}

/** The sums of one client's (or every client's) entries over a period, by kind. */
export interface KindSums {
  invoice: number
  payment: number
  time: number
  material: number
  expense: number
  refund: number
  discount: number
  credit: number
  gift: number
  /** Minutes of the time entries. */
  timeMinutes: number
  /** Touchpoint minutes (complaint handling) and their cost at the rate each was logged at. */
  touchpointMinutes: number
  touchpointCost: number
}

/** DOMAIN.md, "The numbers", for one client or the portfolio over a period. */
export interface Figures {
  revenueMinor: number
  collectedMinor: number
  /** Invoiced − paid in the period. */
  outstandingMinor: number
  /** Time (entries and touchpoints) + materials + expenses. */
  directCostMinor: number
  timeCostMinor: number
  touchpointCostMinor: number
  materialsMinor: number
  expensesMinor: number
  concessionsMinor: number
  marginMinor: number
  /** Margin ÷ revenue in percent, one decimal; null without revenue. */
  marginPct: number | null
  /** Minutes worked: time entries plus touchpoints. */
  minutes: number
  timeMinutes: number
  touchpointMinutes: number
  /** (Revenue − materials − expenses − concessions) per hour worked; null when no time was recorded. */
  effectiveRateMinor: number | null
}

export interface TurnaroundCost {
  turnaroundId: number
  openedOn: string
  closedOn: string | null
  /** Time entries tagged to it plus its touchpoints. */
  minutes: number
  timeCostMinor: number
  touchpointMinutes: number
  touchpointCostMinor: number
  /** Materials, expenses and concessions tagged to it. */
  otherCostMinor: number
  costMinor: number
}

/** What keeping the client is worth (DOMAIN.md): trailing-12-month margin × horizon + referral value. */
export interface RelationshipWorth {
  worthMinor: number
  ttmMarginMinor: number
  horizonYears: number
  referralValueMinor: number
  /** True when the client has no estimate of their own, so the owner's default counts. */
  referralIsDefault: boolean
}

export interface ClientFigures {
  clientId: number
  name: string
  status: ClientStatus
  figures: Figures
  /** Always over the last 12 months, whatever the period of the figures. */
  worth: RelationshipWorth
}

export interface ClientPageFigures extends ClientFigures {
  period: Period
  hourlyWorthMinor: number
  currency: string
  turnarounds: TurnaroundCost[]
  /** The owner's latest keep-or-cut decision on this client, shown on the client long after the turnaround. */
  lastDecision: DecisionRecord | null
}

export interface PortfolioFigures {
  period: Period
  hourlyWorthMinor: number
  currency: string
  totals: Figures
  /** Every client with an entry or a touchpoint in the period, ranked by margin, highest first. */
  clients: ClientFigures[]
}

export interface ClientMonth {
  month: string
  revenueMinor: number
  /** Direct cost and concessions. */
  costMinor: number
  marginMinor: number
}

export interface LimitCheck {
  key: 'share' | 'hours' | 'rate'
  breached: boolean
  sentence: string
}

export interface DecisionFigures {
  currency: string
  ttmMarginMinor: number
  horizonYears: number
  referralValueMinor: number
  referralIsDefault: boolean
  worthMinor: number
  spentMinor: number
  spentMinutes: number
  plannedMinor: number
  plannedMinutes: number
  openActions: number
  totalCostMinor: number
  maxSharePct: number
  maxMinutes: number
  effectiveRateMinor: number | null
  hourlyWorthMinor: number
  minEffectiveRateMinor: number
  newIssuesAfterPlan: number
  planAgreedOn: string | null
}

export interface RecommendationResult {
  recommendation: Recommendation
  limits: LimitCheck[]
  /** The reasoning, one sentence each, with the figures in them. */
  reasons: string[]
}

export interface DecisionRecord {
  id: number
  decidedOn: string
  recommendation: Recommendation
  decision: Recommendation
  note: string
}

export interface DecisionPanel {
  clientId: number
  clientName: string
  clientStatus: ClientStatus
  turnaroundId: number
  turnaroundClosed: boolean
  figures: DecisionFigures
  result: RecommendationResult
  decisions: DecisionRecord[]
}

export interface CsvExportResult {
  /** The file written, or null when the owner cancelled the dialog. */
  filePath: string | null
  rows: number
}
