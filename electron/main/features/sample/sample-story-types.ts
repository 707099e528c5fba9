/** The shapes of the sample turnarounds' stories (sample-turnarounds.ts plays them through the planner). */
import type { z } from 'zod'
import type { ActionInput, IssueInput, TouchpointInput, TurnaroundOpenInput } from '../../../shared/turnarounds/schemas'
import type { AgreementChannel, ClientCommitmentKind, Outcome, Party } from '../../../shared/turnarounds/words'

/** Days relative to today: -3 is three days ago, 2 is the day after tomorrow. */
export type Days = number

export type IssueSeed = Omit<z.input<typeof IssueInput>, 'raisedOn'> & {
  raised: Days
  /** Raised after the client agreed to the list, so the turnaround shows it as added. */
  afterAgreement?: boolean
}

export type ActionSeed = Omit<z.input<typeof ActionInput>, 'issueId' | 'dueOn'> & {
  /** Index of the issue it serves, in the scenario's issue list. */
  issue?: number
  due?: Days
}

export interface CommitmentSeed {
  party: Party
  description: string
  due: Days
  done?: Days
  missed?: true
  renegotiate?: { to: Days; reason: string }
}

export type TouchpointSeed = Omit<z.input<typeof TouchpointInput>, 'occurredOn'> & { on: Days }

export type OpenSeed = Omit<z.input<typeof TurnaroundOpenInput>, 'clientId' | 'openedOn' | 'responsePromisedOn'> & {
  opened: Days
  responsePromised?: Days
}

export interface Scenario {
  /** The sample client's name in sample-business.ts. */
  client: string
  open: OpenSeed
  issues: IssueSeed[]
  handover?: { on: Days; to: string; reason: string }
  agreement?: { on: Days; via: AgreementChannel; missingNote?: string }
  /** The parts of the client's commitment, each with its amount, day and what counts as met when known. */
  clientCommitment?: {
    kind: ClientCommitmentKind
    description: string
    amountMinor?: number
    due?: Days
    metWhen?: string
  }[]
  /** Touchpoints marked as a check-in are written after the turnaround is closed. */
  touchpoints: TouchpointSeed[]
  planAgreed?: Days
  actions?: ActionSeed[]
  commitments?: CommitmentSeed[]
  close?: { on: Days; outcome: Outcome; note: string; checkInAfterDays?: number }
  checkedIn?: Days
}

/** The people and the product the stories name. */
export const TOM = 'Tom'
export const JESS = 'Jess'
export const SAM = 'Sam'
export const MAYA = 'Maya'
export const NEWSLETTER = 'Monthly newsletter print run'
