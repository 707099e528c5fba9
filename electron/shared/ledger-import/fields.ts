/** The ledger import's words: the fields a CSV column can fill, and the choices around them. */
import type { RateSource } from './models'

/** What a column can be mapped to. A field may take several columns, joined (First Name + Last Name). */
export const TARGET_FIELDS = [
  'date',
  'client',
  'kind',
  'description',
  'amount',
  'currency',
  'minutes',
  'hours',
  'worker',
  'rate',
  'reference',
  'turnaround',
  'invoice',
] as const
export type TargetField = (typeof TARGET_FIELDS)[number]

export const TARGET_FIELD_LABELS: Record<TargetField, string> = {
  date: 'Date',
  client: 'Client',
  kind: 'Kind',
  description: 'Description',
  amount: 'Amount',
  currency: 'Currency',
  minutes: 'Minutes',
  hours: 'Hours (decimal or h:mm)',
  worker: 'Who worked',
  rate: 'Hourly rate',
  reference: 'Reference',
  turnaround: 'Turnaround number',
  invoice: 'Invoice paid',
}

export const TARGET_FIELD_HELP: Record<TargetField, string> = {
  date: 'The day of the entry.',
  client: 'Matched to your clients by name, ignoring case, accents and extra spaces.',
  kind: 'invoice, payment, time, material, expense, refund, discount, credit or gift. Leave unmapped to give every row one kind.',
  description: 'Free text; several columns are joined with “ · ”.',
  amount: 'A positive amount such as 1,234.50. For time it is worked out from the minutes and the rate.',
  currency: 'Optional. Must be your business’s currency when given.',
  minutes: 'For time: whole minutes.',
  hours: 'For time: hours such as 1.25 or 1:15, instead of minutes.',
  worker: 'For time: who worked. Matched to your staff for their rate; empty means you.',
  rate: 'For time: the hourly cost rate. Empty means the staff member’s rate, or your hourly worth.',
  reference: 'An invoice or payment number.',
  turnaround:
    'Optional: tags the entry to a turnaround: its number as shown on the turnaround (12 or #12), or “yes” for the client’s open one.',
  invoice:
    'For payments: the number of the invoice it pays, matched to the reference of one of the same client’s invoices.',
}

/** How several mapped columns are joined into one value. */
export const FIELD_JOINER: Partial<Record<TargetField, string>> = { description: ' · ', worker: ' ', client: ' ' }

export const DATE_FORMATS = ['YYYY-MM-DD', 'DD/MM/YYYY', 'MM/DD/YYYY'] as const
export type DateFormat = (typeof DATE_FORMATS)[number]

export const DATE_FORMAT_LABELS: Record<DateFormat, string> = {
  'YYYY-MM-DD': '2026-03-31 (ISO)',
  'DD/MM/YYYY': '31/03/2026 (day first)',
  'MM/DD/YYYY': '03/31/2026 (month first)',
}

/** What to do when some rows cannot be read: import nothing (the default), or only the readable rows. */
export const BAD_ROW_POLICIES = ['stop', 'skip'] as const
export type BadRowPolicy = (typeof BAD_ROW_POLICIES)[number]

/** The most bad rows listed in a result; the count covers them all. */
export const MAX_LISTED_BAD_ROWS = 500
/** How many rows the preview shows. */
export const PREVIEW_ROWS = 20

/** Where a time row's rate came from, as the preview says it. */
export const RATE_FROM_LABELS: Record<RateSource, string> = {
  file: 'rate from the file',
  staff: 'their staff rate',
  owner: 'your hourly worth',
}
