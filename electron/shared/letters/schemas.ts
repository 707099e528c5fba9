/** Input schemas of the letters' channels. */
import { z } from 'zod'
import { id, isoDate, optionalText, trimmed } from '../fields'
import { Blocks } from './blocks'
import { LETTER_KINDS, PAGE_SIZES } from './words'

export const LetterDraftInput = z.strictObject({
  clientId: id,
  turnaroundId: id.nullable(),
  kind: z.enum(LETTER_KINDS),
  date: isoDate,
  recipient: optionalText(1000),
  subject: trimmed(300),
  blocks: Blocks,
  closing: optionalText(120),
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
})

export const LetterFromStoredInput = z.strictObject({ letterId: id })

export const LetterRenderInput = z.strictObject({ draft: LetterDraftInput })

export const LetterExportInput = z.strictObject({
  draft: LetterDraftInput,
  /** Minutes spent on the letter, logged with its touchpoint. */
  minutes: z
    .number()
    .int('Use whole minutes.')
    .min(0, 'Minutes cannot be negative.')
    .max(600, 'Use at most 600 minutes.')
    .default(0),
})

export const LetterListQuery = z.strictObject({
  clientId: id.nullable().default(null),
  limit: z.number().int().min(1).max(500).default(200),
})

export const TemplateKindInput = z.strictObject({ kind: z.enum(LETTER_KINDS) })

export const TemplateSaveInput = z.strictObject({
  kind: z.enum(LETTER_KINDS),
  subject: z.string().max(1000, 'Keep the subject under 1000 characters.'),
  body: z.string().max(50_000, 'Keep the template under 50,000 characters.'),
})

export const TemplatePreviewInput = TemplateSaveInput.extend({ clientId: id, turnaroundId: id.nullable().optional() })

export const LetterSettingsInput = z.strictObject({ pageSize: z.enum(PAGE_SIZES) })

export type LetterDraftData = z.output<typeof LetterDraftInput>
export type LetterStartData = z.output<typeof LetterStartInput>
export type TemplateSaveData = z.output<typeof TemplateSaveInput>
