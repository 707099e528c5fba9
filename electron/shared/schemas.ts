/** Input schemas of the IPC contract, parsed in main before any service sees the input. */
import { z } from 'zod'
import { email, id, isoDate, money, optionalText, trimmed } from './fields'
import { CLIENT_SORT_KEYS, CLIENT_STATUSES } from './words'

export const IdInput = z.strictObject({ id })
export const NoInput = z.undefined()

export const LOGO_MAX_BYTES = 1_000_000
export const logoDataUrl = z
  .string()
  .max(Math.ceil((LOGO_MAX_BYTES * 4) / 3) + 40, 'The logo must be smaller than 1 MB.')
  .regex(/^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/]+=*$/, 'The logo must be a PNG, JPEG or WebP image.')

/** "" (the computer's language) or a locale tag Intl knows. */
function knownLocale(tag: string): boolean {
  if (tag === '') return true
  try {
    return Intl.getCanonicalLocales(tag).length === 1
  } catch {
    return false
  }
}

export const ProfileInput = z.strictObject({
  businessName: trimmed(120).min(1, 'Enter the business name.'),
  ownerName: trimmed(120).min(1, "Enter the owner's name."),
  address: optionalText(500),
  email,
  phone: optionalText(40),
  currency: z.string().regex(/^[A-Z]{3}$/, 'Choose a currency.'),
  locale: z.string().trim().max(35).refine(knownLocale, 'Choose how dates and amounts are written.').default(''),
  hourlyWorthMinor: money.refine((v) => v > 0, "Enter the owner's hourly worth."),
  logoDataUrl: logoDataUrl.nullable().default(null),
})

const tag = trimmed(40)
  .min(1, 'A tag cannot be empty.')
  .regex(/^[^,]+$/, 'A tag cannot contain a comma.')

export const ClientInput = z.strictObject({
  name: trimmed(160).min(1, 'Enter the client’s name.'),
  company: optionalText(160),
  contactPerson: optionalText(120),
  contactTitle: optionalText(40),
  email,
  phone: optionalText(40),
  address: optionalText(500),
  notes: optionalText(10_000),
  tags: z
    .array(tag)
    .max(20, 'Use at most 20 tags.')
    .default([])
    .transform((tags) => [...new Set(tags)]),
  dateWon: isoDate.nullable().default(null),
  referralValueMinor: money.nullable().default(null),
  status: z.enum(CLIENT_STATUSES).default('active'),
})

/** `version`: the client's version when the form was opened; a save over a newer one is refused. */
export const ClientUpdateInput = z.strictObject({
  id,
  client: ClientInput,
  version: z.number().int().min(1).optional(),
})

export const ClientListQuery = z.strictObject({
  search: trimmed(200).default(''),
  statuses: z.array(z.enum(CLIENT_STATUSES)).max(CLIENT_STATUSES.length).default([]),
  tag: trimmed(40).nullable().default(null),
  archived: z.boolean().default(false),
  sortBy: z.enum(CLIENT_SORT_KEYS).default('name'),
  sortDir: z.enum(['asc', 'desc']).default('asc'),
  offset: z.number().int().min(0).max(1_000_000).default(0),
  limit: z.number().int().min(1).max(500).default(50),
})

export type ProfileInputData = z.output<typeof ProfileInput>
export type ClientInputData = z.output<typeof ClientInput>
export type ClientListQueryData = z.output<typeof ClientListQuery>
