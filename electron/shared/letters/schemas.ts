/** Input schemas of the letters' channels. */
import { z } from 'zod'
import { id, isoDate, optionalText, trimmed } from '../fields'
import { TABLE_PAGE_SIZES, isTablePageSize } from '../table-pages'
import { LETTER_SUBJECT_MAX, LetterBlocks, thousands } from './blocks'
import { LETTER_KINDS, PAGE_SIZES } from './words'

export const LetterDraftInput = z.strictObject({
  clientId: id,
  turnaroundId: id.nullable(),
  kind: z.enum(LETTER_KINDS),
  date: isoDate,
  recipient: optionalText(1000),
  subject: trimmed(LETTER_SUBJECT_MAX),
  blocks: LetterBlocks,
  closing: optionalText(120),
  /** Printed on the reference line when given (Settings → Letters turns the fields on). */
  ourReference: trimmed(60).optional(),
  yourReference: trimmed(60).optional(),
  /** Printed under the signature when given. */
  cc: trimmed(500).optional(),
  enclosures: trimmed(500).optional(),
})

export const LetterStartInput = z.strictObject({
  clientId: id,
  /** Omitted: the client's open turnaround, else its latest one. Null: no turnaround. */
  turnaroundId: id.nullable().optional(),
  kind: z.enum(LETTER_KINDS),
  /** An apology's optional goodwill gesture, e.g. "a 20% discount on your next order". */
  goodwill: optionalText(500),
  /** The letter's date (today when not given): the letter tells the facts as they stood that day. */
  date: isoDate.optional(),
  /** A parting letter: the day the work together ends (30 days after the letter's date when not given). */
  endsOn: isoDate.optional(),
})

export const LetterFromStoredInput = z.strictObject({ letterId: id })

export const LetterRenderInput = z.strictObject({ draft: LetterDraftInput })

/** Minutes spent on a letter (written or emailed), logged with its touchpoint. */
export const letterMinutes = z
  .number()
  .int('Use whole minutes.')
  .min(0, 'Minutes cannot be negative.')
  .max(600, 'Use at most 600 minutes.')
  .default(0)

export const LetterExportInput = z.strictObject({
  draft: LetterDraftInput,
  minutes: letterMinutes,
})

/** One page of the letters on record, newest first: all of them, or one client's. */
export const LetterListQuery = z.strictObject({
  clientId: id.nullable().default(null),
  page: z.number().int().min(1).max(1_000_000).default(1),
  pageSize: z
    .number()
    .int()
    .refine(isTablePageSize, {
      message: `A page holds ${TABLE_PAGE_SIZES.slice(0, -1).join(', ')} or ${TABLE_PAGE_SIZES.at(-1)} letters.`,
    })
    .default(50),
})

export const TemplateKindInput = z.strictObject({ kind: z.enum(LETTER_KINDS) })

/** The most a template may hold: its subject, and its letter text (the body). */
export const TEMPLATE_SUBJECT_MAX = 1000
export const TEMPLATE_BODY_MAX = 50_000

const capped = (max: number, what: string) =>
  z.string().max(max, {
    error: (issue) =>
      `The template's ${what} is ${thousands((issue.input as string).length)} characters; keep it under ${thousands(max)}.`,
  })

export const TemplateSaveInput = z.strictObject({
  kind: z.enum(LETTER_KINDS),
  subject: capped(TEMPLATE_SUBJECT_MAX, 'subject'),
  body: capped(TEMPLATE_BODY_MAX, 'letter text'),
})

export const TemplatePreviewInput = TemplateSaveInput.extend({ clientId: id, turnaroundId: id.nullable().optional() })

export const LetterSettingsInput = z.strictObject({ pageSize: z.enum(PAGE_SIZES) })

export type LetterDraftData = z.output<typeof LetterDraftInput>
export type LetterStartData = z.output<typeof LetterStartInput>
export type TemplateSaveData = z.output<typeof TemplateSaveInput>
