/** Input schemas of the reminders' and the calendar's channels. */
import { z } from 'zod'
import { id, isoDate } from '../fields'
import { REMINDER_KINDS } from './words'

const time = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time like 21:30.')
  .nullable()
  .default(null)

export const ReminderSettingsInput = z
  .strictObject({
    kinds: z.strictObject(
      Object.fromEntries(REMINDER_KINDS.map((k) => [k, z.boolean()])) as Record<
        (typeof REMINDER_KINDS)[number],
        z.ZodBoolean
      >,
    ),
    quietFrom: time,
    quietTo: time,
    closeToTray: z.boolean(),
    startAtLogin: z.boolean(),
  })
  .refine((s) => (s.quietFrom === null) === (s.quietTo === null), {
    message: 'Give quiet hours a start and an end, or neither.',
    path: ['quietTo'],
  })

/** The answer to the one question at first start: keep reminders on, or turn them off. */
export const ReminderAskAnswer = z.strictObject({ remind: z.boolean() })

/** The furthest a follow-up may be put off, in days from today. */
export const MAX_SNOOZE_DAYS = 365

export const SnoozeInput = z.strictObject({ turnaroundId: id, until: isoDate })

export const CALENDAR_ITEM_KINDS = ['commitment', 'client_commitment', 'follow_up', 'check_in'] as const
export type CalendarItemKind = (typeof CALENDAR_ITEM_KINDS)[number]

/** A commitment or a part of the client's commitment by its id; a follow-up or a check-in by its turnaround's id. */
export const AddToCalendarInput = z.strictObject({ kind: z.enum(CALENDAR_ITEM_KINDS), id })
