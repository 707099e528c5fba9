import type { LetterBlock } from '../../../../shared/letters/blocks'
import type { PageSize } from '../../../../shared/letters/words'

export interface Letterhead {
  businessName: string
  ownerName: string
  address: string
  email: string
  phone: string
  logoDataUrl: string | null
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
}

/** Runs drawing code inside a tagged structure element (for accessible PDF). */
export type Tagger = (type: string, draw: () => void, options?: { alt?: string }) => void

/** The document's structure tree as it is built: tag content, or open a group (a list, a list item). */
export interface Tags {
  tag: Tagger
  group(type: string, fill: () => void): void
  parent(): PDFKit.PDFStructureElement
}
