/**
 * Input schemas of the email channels. Everything that becomes a mail header (a name, a subject,
 * an address) is refused when it holds a line break or another control character, so no input can
 * add a header of its own; addresses are checked one by one and named when wrong.
 */
import { z } from 'zod'
import { BROKEN_TEXT_MESSAGE, id, isWellFormedText } from '../fields'
import { LetterDraftInput, letterMinutes } from '../letters/schemas'
import { COVER_BODY_MAX, COVER_SUBJECT_MAX, MAX_RECIPIENTS, SMTP_SECURITY, isLocalHost } from './words'

/** Line breaks and the other control characters (tab excepted). */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this finds
const CONTROL = /[\u0000-\u0008\u000A-\u001F\u007F\u0085\u2028\u2029]/
export const LINE_BREAK_MESSAGE = 'This cannot hold a line break.'

/** Text that goes into a mail header: one line, no control characters. */
export const headerText = (max: number) =>
  z
    .string()
    .refine((s) => !CONTROL.test(s), LINE_BREAK_MESSAGE)
    .trim()
    .max(max, `Keep this under ${max} characters.`)
    .refine(isWellFormedText, BROKEN_TEXT_MESSAGE)

const ADDRESS = z.email()
const addressProblem = (address: string): string | null =>
  CONTROL.test(address)
    ? LINE_BREAK_MESSAGE
    : address.length > 254 || !ADDRESS.safeParse(address).success
      ? `“${address.slice(0, 80)}” does not look like an email address.`
      : null

/** One address (required), with its own message when it is not one. */
export const emailAddress = z
  .string()
  .refine((s) => !CONTROL.test(s), LINE_BREAK_MESSAGE)
  .trim()
  .min(1, 'Enter an email address.')
  .superRefine((s, ctx) => {
    const problem = addressProblem(s)
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
  })

/** One address, or nothing. */
export const optionalAddress = z
  .string()
  .refine((s) => !CONTROL.test(s), LINE_BREAK_MESSAGE)
  .trim()
  .superRefine((s, ctx) => {
    const problem = s ? addressProblem(s) : null
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
  })

/** Addresses separated by commas, semicolons or spaces: parsed into a list, each one checked. */
export const addressList = (required: boolean) =>
  z
    .string()
    .max(20_000, 'Too many addresses.')
    .transform((s, ctx) => {
      if (CONTROL.test(s)) {
        ctx.addIssue({ code: 'custom', message: LINE_BREAK_MESSAGE })
        return z.NEVER
      }
      const list = s
        .split(/[,;\s]+/)
        .map((a) => a.trim())
        .filter(Boolean)
      if (required && list.length === 0) {
        ctx.addIssue({ code: 'custom', message: 'Enter at least one address.' })
        return z.NEVER
      }
      for (const address of list) {
        const problem = addressProblem(address)
        if (problem) {
          ctx.addIssue({ code: 'custom', message: problem })
          return z.NEVER
        }
      }
      return list
    })

const capped = (max: number, what: string) =>
  z.string().max(max, `The ${what} holds at most ${max.toLocaleString('en')} characters.`)

export const EmailSettingsInput = z
  .strictObject({
    host: z
      .string()
      .trim()
      .min(1, 'Enter the mail server’s name, such as smtp.example.com.')
      .max(253, 'A server name holds at most 253 characters.')
      .regex(/^[A-Za-z0-9.\-:[\]]+$/, 'A server name holds only letters, digits, dots and dashes.'),
    port: z
      .number({ error: 'Enter the port, such as 465 or 587.' })
      .int('A port is a whole number.')
      .min(1, 'A port is between 1 and 65535.')
      .max(65535, 'A port is between 1 and 65535.'),
    security: z.enum(SMTP_SECURITY),
    user: headerText(254).default(''),
    fromName: headerText(120).default(''),
    fromAddress: emailAddress,
    replyTo: optionalAddress.default(''),
    coverSubject: capped(COVER_SUBJECT_MAX, 'subject template').default(''),
    coverBody: capped(COVER_BODY_MAX, 'message template'),
    /** A new password; left out, the saved one is kept. */
    password: z
      .string()
      .max(1000, 'This password is too long.')
      .refine((s) => !/[\r\n]/.test(s), LINE_BREAK_MESSAGE)
      .optional(),
    /** Forgets the saved password. */
    forgetPassword: z.boolean().default(false),
  })
  .superRefine((s, ctx) => {
    if (s.security === 'none' && !isLocalHost(s.host))
      ctx.addIssue({
        code: 'custom',
        path: ['security'],
        message:
          'Without encryption the password and the letters would cross the network readable: use TLS or STARTTLS.',
      })
  })

export const EmailTestInput = z.strictObject({
  /** Where the test goes; the sending address when left empty. */
  to: optionalAddress.default(''),
})

/** The letter an email carries: one on record, or the draft open in the editor. */
export const LetterSource = z
  .strictObject({ letterId: id.optional(), draft: LetterDraftInput.optional() })
  .refine((s) => (s.letterId === undefined) !== (s.draft === undefined), 'Give a letter on record or a draft.')

export const LetterEmailFields = z.strictObject({
  to: addressList(true),
  cc: addressList(false).default([]),
  bcc: addressList(false).default([]),
  subject: headerText(COVER_SUBJECT_MAX).pipe(z.string().min(1, 'Give the email a subject.')),
  /** The covering message: plain text, sent as text (and as escaped HTML). */
  message: z
    .string()
    .max(COVER_BODY_MAX, 'Keep the message under 10,000 characters.')
    .refine(isWellFormedText, BROKEN_TEXT_MESSAGE),
})

export const LetterEmailComposeInput = z.strictObject({ source: LetterSource })

export const LetterEmailSendInput = z
  .strictObject({
    source: LetterSource,
    email: LetterEmailFields,
    /** Minutes spent, logged with the email touchpoint. */
    minutes: letterMinutes,
  })
  .superRefine((s, ctx) => {
    const count = s.email.to.length + s.email.cc.length + s.email.bcc.length
    if (count > MAX_RECIPIENTS)
      ctx.addIssue({
        code: 'custom',
        path: ['email', 'to'],
        message: `Send to at most ${MAX_RECIPIENTS} addresses at once.`,
      })
  })

export const LetterEmailDraftInput = z.strictObject({ source: LetterSource, email: LetterEmailFields })

export const LetterEmailListInput = z.strictObject({ letterId: id })

/** The letters a history table shows, to mark those sent by email. */
export const LetterEmailLatestInput = z.strictObject({ letterIds: z.array(id).max(500) })

export type EmailSettingsData = z.output<typeof EmailSettingsInput>
export type LetterSourceData = z.output<typeof LetterSource>
/** The letter an email carries, as the window gives it. */
export type LetterSourceInput = z.input<typeof LetterSource>
export type LetterEmailData = z.output<typeof LetterEmailFields>
