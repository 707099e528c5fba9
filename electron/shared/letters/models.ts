/** What the letters' channels return. */
import type { TableBlockData } from './blocks'
import type { LetterDraftData } from './schemas'
import type { LetterKind, LetterTable, PageSize } from './words'

export type LetterDraft = LetterDraftData

export interface LetterDraftResult {
  draft: LetterDraft
  clientName: string
  /** Tables the editor can insert from the turnaround's data (absent when there is nothing to show). */
  tables: Partial<Record<LetterTable, TableBlockData>>
  /** Things the owner should know before sending (e.g. a logo a PDF cannot hold). */
  warnings: string[]
}

/** PDF bytes as base64: survives every IPC transport unchanged. */
export interface RenderedPdf {
  base64: string
  pages: number
  bytes: number
  contentHash: string
  /** Characters the PDF's font has no glyph for (printed as empty boxes): such a letter is not saved. */
  unprintable: string[]
  /** What to tell the owner about them, or null when everything prints. */
  unprintableMessage: string | null
}

export interface LetterSummary {
  id: number
  clientId: number
  clientName: string
  turnaroundId: number | null
  kind: LetterKind
  date: string
  subject: string
  filePath: string
  contentHash: string
  exportedAt: string
  isSample: boolean
}

/** A page of the letters on record, newest first, and how many there are in all. */
export interface LetterPage {
  rows: LetterSummary[]
  total: number
  /** The page these rows are: the one asked for, or the last there is when the list is shorter. */
  page: number
  /**
   * Some letter of the list (all letters, or the client's), on whatever page, was sent by email: the
   * table shows its Email column on every page, or on none.
   */
  anyEmailed: boolean
}

export interface LetterRecord extends LetterSummary {
  draft: LetterDraft
  pageSize: PageSize
}

export type LetterExportResult = { saved: false } | { saved: true; letter: LetterRecord }

export type LetterReexportResult =
  { saved: false } | { saved: true; filePath: string; contentHash: string; identical: boolean }

export interface LetterTemplateView {
  kind: LetterKind
  subject: string
  body: string
  defaultSubject: string
  defaultBody: string
  isCustom: boolean
  updatedAt: string | null
}

export interface LetterSettings {
  pageSize: PageSize
}
