/** Field schemas shared by the contract's input schemas. */
import { z } from 'zod'
import { MAX_AMOUNT_MINOR, MAX_MINUTES } from './money'

/**
 * A lone UTF-16 surrogate (half of an emoji or other character beyond the basic plane, cut or
 * typed alone) cannot be stored as UTF-8: SQLite would keep invalid bytes and read them back as
 * replacement characters. Text holding one is refused at the door, with its field named.
 */
const LONE_SURROGATE = /\p{Cs}/u
export function isWellFormedText(text: string): boolean {
  return !LONE_SURROGATE.test(text)
}
export const BROKEN_TEXT_MESSAGE =
  'This text holds a broken character (half of an emoji or symbol). Delete it or type it again.'

export const trimmed = (max: number) =>
  z.string().trim().max(max, `Keep this under ${max} characters.`).refine(isWellFormedText, BROKEN_TEXT_MESSAGE)
export const optionalText = (max: number) => trimmed(max).default('')
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-03-31.')
  .refine(
    (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    'This is not a real date.',
  )
export const email = z
  .string()
  .trim()
  .pipe(z.union([z.literal(''), z.email('This does not look like an email address.').max(254)]))
  .default('')
export const money = z
  .number({ error: 'Enter an amount.' })
  .int('Amounts are whole minor units (cents).')
  .min(0, 'The amount cannot be negative.')
  .max(MAX_AMOUNT_MINOR, 'This amount is too large for one entry.')
export const id = z.number().int().positive()
/** Minutes of one time entry or of one action's effort. */
export const minutesField = (required: string, tooMany: string) =>
  z.number({ error: required }).int('Minutes are whole numbers.').max(MAX_MINUTES, tooMany)

/** A zod issue in words for the owner: our own messages as written, zod's defaults replaced. */
export function issueMessage(issue: z.core.$ZodIssue): string {
  if (!issue.message.startsWith('Invalid')) return issue.message
  if (issue.code === 'invalid_type')
    return issue.message.includes('received undefined') ||
      issue.message.includes('received null') ||
      issue.message.includes('received NaN')
      ? 'This is required.'
      : 'This is not the right kind of value.'
  if (issue.code === 'invalid_value') return 'Choose one of the options.'
  return 'This is not valid.'
}
