/** Input schemas of the ledger's channels, parsed in main and reused by the renderer's forms. */
import { z } from 'zod'
import { id, isoDate, minutesField, money, optionalText, trimmed } from '../fields'
import { ENTRY_KINDS, PERIOD_PRESETS, RECOMMENDATIONS } from './words'

const minutes = minutesField('Enter the minutes.', 'That is more minutes than one entry can hold.').min(
  1,
  'Enter at least one minute.',
)

export const StaffInput = z.strictObject({
  name: trimmed(120).min(1, 'Enter the staff member’s name.'),
  costRateMinor: money.refine((v) => v > 0, 'Enter what an hour of their time costs the business.'),
})
export const StaffSaveInput = z.strictObject({ id: id.optional(), staff: StaffInput })

export const RiskLimitsInput = z.strictObject({
  horizonYears: z.number().int('Whole years only.').min(1, 'At least one year.').max(20, 'At most 20 years.'),
  maxTurnaroundSharePct: z.number().int('Whole percent only.').min(1, 'At least 1%.').max(100, 'At most 100%.'),
  maxTurnaroundMinutes: z
    .number()
    .int('Whole minutes only.')
    .min(60, 'At least one hour.')
    .max(600_000, 'That is too many hours.'),
  minEffectiveRateMinor: money,
  defaultReferralValueMinor: money,
})

export const EntryInput = z.strictObject({
  kind: z.enum(ENTRY_KINDS),
  entryDate: isoDate,
  description: optionalText(500),
  /** Ignored for time entries: their amount is minutes × rate. */
  amountMinor: money.default(0),
  currency: z.string().regex(/^[A-Z]{3}$/, 'Use a three-letter currency code such as GBP.'),
  turnaroundId: id.nullable().default(null),
  staffId: id.nullable().default(null),
  minutes: minutes.nullable().default(null),
  /** For time: the hourly rate; null takes the staff member's rate or the owner's hourly worth. */
  rateMinor: money.nullable().default(null),
  invoiceId: id.nullable().default(null),
  reference: optionalText(120),
})
export const LedgerSaveInput = z.strictObject({
  clientId: id,
  id: id.optional(),
  entry: EntryInput,
  version: z.number().int().min(1).optional(),
})
export const LedgerListQuery = z.strictObject({ clientId: id, limit: z.number().int().min(1).max(5000).default(1000) })

export const PeriodInput = z
  .strictObject({
    preset: z.enum(PERIOD_PRESETS),
    from: isoDate.nullable().default(null),
    to: isoDate.nullable().default(null),
  })
  .refine((p) => p.preset !== 'custom' || (p.from !== null && p.to !== null), {
    message: 'Choose the first and last day.',
    path: ['from'],
  })
  .refine((p) => p.preset !== 'custom' || p.from === null || p.to === null || p.from <= p.to, {
    message: 'The first day must come before the last.',
    path: ['to'],
  })

export const ClientFiguresQuery = z.strictObject({ clientId: id, period: PeriodInput })
export const PortfolioQuery = z.strictObject({ period: PeriodInput })
export const ClientMonthsQuery = z.strictObject({ clientId: id, months: z.number().int().min(1).max(60).default(24) })
export const DecisionPanelQuery = z.strictObject({ clientId: id, turnaroundId: id.nullable().default(null) })
export const DecisionRecordInput = z.strictObject({
  clientId: id,
  turnaroundId: id.nullable().default(null),
  decision: z.enum(RECOMMENDATIONS),
  note: optionalText(4000),
})
export const LedgerExportInput = z.strictObject({ clientId: id.nullable().default(null) })
export const FiguresExportInput = z.strictObject({ period: PeriodInput })

export type StaffData = z.output<typeof StaffInput>
export type RiskLimitsData = z.output<typeof RiskLimitsInput>
export type EntryData = z.output<typeof EntryInput>
export type PeriodData = z.output<typeof PeriodInput>
