/**
 * A business letter's conventions, each on or off in Settings: the recipient's address where an
 * envelope window shows it (DIN 5008 form A or B on A4, the US block format on US Letter), a
 * reference line, cc and enclosure lines, the signer's role under the name, a scanned signature, a
 * title in the salutation, and a legal footer on every page.
 */
import { z } from 'zod'
import { optionalText } from '../fields'

export const ADDRESS_LAYOUTS = ['plain', 'window'] as const
export type AddressLayout = (typeof ADDRESS_LAYOUTS)[number]
export const ADDRESS_LAYOUT_LABELS: Record<AddressLayout, string> = {
  plain: 'Recipient on the left, date on the right',
  window: 'For a window envelope: DIN 5008 on A4, the US block format on US Letter',
}

export const DIN_FORMS = ['A', 'B'] as const
export type DinForm = (typeof DIN_FORMS)[number]
export const DIN_FORM_LABELS: Record<DinForm, string> = {
  A: 'Form A (address field 27 mm from the top: a short letterhead)',
  B: 'Form B (address field 45 mm from the top: room for a taller letterhead)',
}

/** The most a scanned signature may weigh, like the logo. */
export const SIGNATURE_MAX_BYTES = 1024 * 1024

/** What the owner sets; the signature image is chosen through the open dialog, not typed. */
export const LetterConventionsInput = z.strictObject({
  addressLayout: z.enum(ADDRESS_LAYOUTS).default('plain'),
  dinForm: z.enum(DIN_FORMS).default('B'),
  references: z.boolean().default(false),
  ccAndEnclosures: z.boolean().default(false),
  role: z.boolean().default(false),
  signerRole: optionalText(120),
  signature: z.boolean().default(false),
  titles: z.boolean().default(false),
  footer: z.boolean().default(false),
  companyNumber: optionalText(60),
  registeredOffice: optionalText(300),
  vatNumber: optionalText(60),
  bankDetails: optionalText(300),
})

export type LetterConventionsData = z.output<typeof LetterConventionsInput>

export interface LetterConventions extends LetterConventionsData {
  /** The scanned signature (PNG or JPEG data URL), null when none was chosen. */
  signatureDataUrl: string | null
}

export const SignatureInput = z.strictObject({ action: z.enum(['choose', 'remove']) })

/** Every convention off: what a letter had before they existed. */
export const NO_CONVENTIONS: LetterConventions = { ...LetterConventionsInput.parse({}), signatureDataUrl: null }

/** The legal footer's lines as printed, empty when it is off or says nothing. */
export function footerLines(c: LetterConventionsData): string[] {
  if (!c.footer) return []
  // Each part is one line: an address typed on several lines is joined with commas.
  const join = (parts: string[]) =>
    parts
      .map((p) => p.trim().replace(/\s*[\r\n]+\s*/g, ', '))
      .filter((p) => p !== '')
      .join(' · ')
  return [
    join([
      c.companyNumber && `Company number ${c.companyNumber}`,
      c.registeredOffice && `Registered office: ${c.registeredOffice}`,
    ]),
    join([c.vatNumber && `VAT number ${c.vatNumber}`, c.bankDetails && `Bank: ${c.bankDetails}`]),
  ].filter((l) => l !== '')
}
