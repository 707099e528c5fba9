/** Input schemas of the planner's channels. Cross-field rules that need the database live in the services. */
import { z } from 'zod'
import { id, isoDate, minutesField, money, optionalText, trimmed } from '../fields'
import {
  ACTION_STATUSES,
  AGREEMENT_CHANNELS,
  CLIENT_COMMITMENT_KINDS,
  COMPLAINT_CHANNELS,
  ISSUE_STATUSES,
  OUTCOMES,
  PARTIES,
  REALITIES,
  ROOT_CAUSES,
  TOUCHPOINT_KINDS,
} from './words'

const person = (message: string) => trimmed(120).min(1, message)
const days = (min: number, max: number) =>
  z
    .number()
    .int('Use whole days.')
    .min(min, `Use at least ${min} day${min === 1 ? '' : 's'}.`)
    .max(max, `Use at most ${max} days.`)

export const TurnaroundDetailsInput = z.strictObject({
  firstHeardBy: person('Say who first heard the complaint.'),
  channel: z.enum(COMPLAINT_CHANNELS).default('call'),
  clientWords: optionalText(10_000),
  clientExpectation: optionalText(10_000),
  responsePromisedOn: isoDate.nullable().default(null),
  followUpEveryDays: days(1, 90).optional(),
})

export const TurnaroundOpenInput = TurnaroundDetailsInput.extend({
  clientId: id,
  openedOn: isoDate,
})

export const TurnaroundUpdateInput = z.strictObject({
  id,
  details: TurnaroundDetailsInput,
  version: z.number().int().min(1).optional(),
})

export const HandoverInput = z.strictObject({
  id,
  toOwner: person('Say who takes it over.'),
  reason: trimmed(1000).min(1, 'Say why it is handed over.'),
  handedOn: isoDate,
})

export const AgreementInput = z.strictObject({
  id,
  agreedOn: isoDate,
  via: z.enum(AGREEMENT_CHANNELS),
  missingNote: optionalText(5000),
})

export const MAX_CLIENT_COMMITMENT_PARTS = 10

export const ClientCommitmentPartInput = z.strictObject({
  /** A part already saved keeps its id, and with it whether the client kept it. */
  id: id.optional(),
  kind: z.enum(CLIENT_COMMITMENT_KINDS),
  description: trimmed(2000).min(1, 'Say what the client will do.'),
  amountMinor: money.nullable().default(null),
  dueOn: isoDate.nullable().default(null),
  metWhen: optionalText(1000),
})

export const ClientCommitmentInput = z.strictObject({
  id,
  parts: z
    .array(ClientCommitmentPartInput)
    .min(1, 'Add at least one thing the client will do.')
    .max(MAX_CLIENT_COMMITMENT_PARTS, `At most ${MAX_CLIENT_COMMITMENT_PARTS} parts.`),
})

/** Marks one part of the client's commitment kept (on a day), not kept, or open again. */
export const ClientPartMarkInput = z.discriminatedUnion('status', [
  z.strictObject({ id, status: z.literal('kept'), keptOn: isoDate }),
  z.strictObject({ id, status: z.literal('not_kept') }),
  z.strictObject({ id, status: z.literal('open') }),
])

export const PlanAgreementInput = z.strictObject({ id, agreedOn: isoDate })

export const CloseInput = z.strictObject({
  id,
  outcome: z.enum(OUTCOMES, { error: 'Choose how it ended: recovered or let go.' }),
  closedOn: isoDate,
  note: optionalText(5000),
  checkInAfterDays: days(1, 730).optional(),
})

export const CheckInInput = z.strictObject({ id, checkedInOn: isoDate })

export const IssueInput = z.strictObject({
  statement: trimmed(1000).min(1, 'Write the issue as one specific statement.'),
  clientWords: optionalText(5000),
  clientWording: optionalText(1000),
  isGeneral: z.boolean().default(false),
  rootCause: z.enum(ROOT_CAUSES).nullable().default(null),
  reality: z.enum(REALITIES).default('unknown'),
  severity: z.number().int().min(1, 'Choose a severity.').max(5, 'Choose a severity.').default(3),
  staffMember: optionalText(120),
  product: optionalText(120),
  successCriterion: optionalText(2000),
  status: z.enum(ISSUE_STATUSES).default('open'),
  prevention: optionalText(5000),
  raisedOn: isoDate,
})

export const IssueSaveInput = z.strictObject({
  turnaroundId: id,
  id: id.optional(),
  issue: IssueInput,
  version: z.number().int().min(1).optional(),
})

export const ActionInput = z.strictObject({
  issueId: id.nullable().default(null),
  title: trimmed(300).min(1, 'Say what will be done.'),
  impact: z.number().int().min(1, 'Impact runs from 1 to 5.').max(5, 'Impact runs from 1 to 5.'),
  effortMinutes: minutesField('Enter the effort in hours.', 'That is more effort than one action can hold.').min(
    0,
    'Effort cannot be negative.',
  ),
  costMinor: money.default(0),
  party: z.enum(PARTIES).default('us'),
  responsible: optionalText(120),
  dueOn: isoDate.nullable().default(null),
  status: z.enum(ACTION_STATUSES).default('planned'),
})

export const ActionSaveInput = z.strictObject({ turnaroundId: id, id: id.optional(), action: ActionInput })
export const ActionMoveInput = z.strictObject({ id, direction: z.enum(['up', 'down']) })
export const TurnaroundIdInput = z.strictObject({ turnaroundId: id })

export const CommitmentInput = z.strictObject({
  party: z.enum(PARTIES),
  description: trimmed(2000).min(1, 'Say what was promised.'),
  dueOn: isoDate,
})

export const CommitmentSaveInput = z.strictObject({
  turnaroundId: id,
  id: id.optional(),
  commitment: CommitmentInput,
  version: z.number().int().min(1).optional(),
})
export const CommitmentDoneInput = z.strictObject({ id, doneOn: isoDate })
export const CommitmentRenegotiateInput = z.strictObject({
  id,
  newDueOn: isoDate,
  reason: trimmed(1000).min(1, 'Say why the date moved.'),
})

export const TouchpointInput = z.strictObject({
  kind: z.enum(TOUCHPOINT_KINDS),
  occurredOn: isoDate,
  who: person('Say who was in touch.'),
  minutes: z
    .number({ error: 'Enter the minutes it took.' })
    .int('Use whole minutes.')
    .min(0, 'Minutes cannot be negative.')
    .max(24 * 60, 'A touchpoint cannot last more than a day.'),
  summary: optionalText(10_000),
  isCheckIn: z.boolean().default(false),
})

export const TouchpointSaveInput = z.strictObject({
  clientId: id,
  turnaroundId: id.nullable().default(null),
  id: id.optional(),
  touchpoint: TouchpointInput,
})

export const TurnaroundListQuery = z.strictObject({
  state: z.enum(['open', 'closed', 'all']).default('open'),
  clientId: id.nullable().default(null),
})

export const ClientIdInput = z.strictObject({ clientId: id })

export const TrendsQuery = z
  .strictObject({ from: isoDate, to: isoDate })
  .refine((q) => q.from <= q.to, { message: 'The period must end after it starts.', path: ['to'] })

export const PlannerSettingsInput = z.strictObject({
  warningWindowDays: days(0, 30),
  followUpEveryDays: days(1, 90),
  checkInAfterDays: days(1, 730),
  quickWinMaxEffortMinutes: z
    .number({ error: 'Enter the most effort a quick win may take, in hours.' })
    .int('Use whole minutes.')
    .min(15, 'Use at least a quarter of an hour.')
    .max(40 * 60, 'Use at most 40 hours.'),
})

export type TurnaroundOpenData = z.output<typeof TurnaroundOpenInput>
export type TurnaroundDetailsData = z.output<typeof TurnaroundDetailsInput>
export type IssueData = z.output<typeof IssueInput>
export type ActionData = z.output<typeof ActionInput>
export type ClientCommitmentPartData = z.output<typeof ClientCommitmentPartInput>
export type ClientPartMarkData = z.output<typeof ClientPartMarkInput>
export type CommitmentData = z.output<typeof CommitmentInput>
export type TouchpointData = z.output<typeof TouchpointInput>
export type PlannerSettingsData = z.output<typeof PlannerSettingsInput>
