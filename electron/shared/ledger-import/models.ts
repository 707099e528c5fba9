/** Results of the ledger import's channels. */
import type { EntryKind } from '../ledger/words'
import type { PresetId } from './presets'

export interface ChosenImportFile {
  /** The handle for this file in later calls. */
  token: string
  fileName: string
  sizeBytes: number
  /** The text encoding it is read in: "UTF-8", "UTF-16", "Windows-1252 (Western European)". */
  encoding: string
  headers: string[]
  /** The first few data rows as the file has them. */
  sample: string[][]
  suggestedPreset: PresetId | null
}

export interface BadRow {
  /** The row's line as a spreadsheet numbers it: the header is line 1. */
  line: number
  reason: string
}

/** One row as it will be imported. */
export type RateSource = 'file' | 'staff' | 'owner'

export interface PreviewEntry {
  date: string
  clientName: string
  /** True when no client has this name yet (created on import when asked). */
  newClient: boolean
  kind: EntryKind
  description: string
  amountMinor: number
  currency: string
  minutes: number | null
  rateMinor: number | null
  /** For time: where its rate came from (the file's rate column, the staff member's, the owner's worth). */
  rateFrom: RateSource | null
  worker: string
  reference: string
  turnaroundId: number | null
  /** For a payment: the number of the invoice it pays ('' when none). */
  invoice: string
}

export interface PreviewRow {
  line: number
  entry: PreviewEntry | null
  /** Why the row cannot be read; null when it can. */
  problem: string | null
}

export interface ImportPreview {
  rows: PreviewRow[]
  currency: string
}

export interface ImportResult {
  /** imported: written (maybe nothing new); stopped: some rows could not be read, nothing written; cancelled: nothing written. */
  status: 'imported' | 'stopped' | 'cancelled'
  rowsRead: number
  /** Rows that can be read. */
  goodRows: number
  imported: number
  duplicates: number
  clientsCreated: string[]
  badRowCount: number
  /** The first bad rows (at most MAX_LISTED_BAD_ROWS). */
  badRows: BadRow[]
  currency: string
  amountImportedMinor: number
  /** Payments linked to the invoice they name (the same client’s invoice with that number as its reference). */
  paymentsLinked: number
  /** Payments imported that name an invoice not in the ledger: imported without a link. */
  paymentsUnlinked: number
  ms: number
}
