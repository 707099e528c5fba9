import type { LetterBlock } from '../../../../shared/letters/blocks'
import type { PageSize } from '../../../../shared/letters/words'

export interface Letterhead {
  businessName: string
  ownerName: string
  address: string
  email: string
  phone: string
  logoDataUrl: string | null
  /** The conventions it prints with; absent when all are off (as on every letter kept before they existed). */
  conventions?: PrintedConventions
}

/** The business conventions a letterhead prints with (see shared/letters/conventions.ts). */
export interface PrintedConventions {
  /** Where the recipient's address goes: a window envelope's field, DIN 5008 on A4, US block on Letter. */
  layout: 'plain' | 'window'
  dinForm: 'A' | 'B'
  /** Under the signer's name (blank: none). */
  signerRole: string
  /** A scanned signature above the name (PNG or JPEG data URL), or null. */
  signatureDataUrl: string | null
  /** The legal footer's lines on every page (none: no footer). */
  footer: string[]
}

/** Everything printed on a letter; a stored letter keeps all of it, so it re-exports byte for byte. */
export interface LetterDocument {
  letterhead: Letterhead
  pageSize: PageSize
  /** ISO date; also the PDF's creation date, so the output is deterministic. */
  date: string
  /** The date as printed. */
  dateText: string
  recipient: string
  subject: string
  blocks: LetterBlock[]
  closing: string
  kindLabel: string
  clientName: string
  /** Our and the client's reference: printed when either is given. */
  references?: { ours: string; yours: string }
  /** The cc and enclosure lines under the signature, when given. */
  cc?: string
  enclosures?: string
}

/**
 * Runs drawing code inside a tagged structure element (for accessible PDF): `alt` its alternate
 * text, `scope` a table header's (the attribute /Scope of the Table owner).
 */
export type Tagger = (type: string, draw: () => void, options?: { alt?: string; scope?: 'Column' | 'Row' }) => void

/** The document's structure tree as it is built: tag content, or open a group (a list, a list item). */
export interface Tags {
  tag: Tagger
  group(type: string, fill: () => void): void
  parent(): PDFKit.PDFStructureElement
}
