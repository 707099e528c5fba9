/** The import's progress, sent from main to the renderer while a file is read and written. */

export interface ImportProgress {
  /** The chosen file's token (see the choose-file result). */
  token: string
  phase: 'reading' | 'writing'
  bytesRead: number
  totalBytes: number
  rowsRead: number
  badRows: number
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0

/** Checked in the preload: anything else arriving on the channel is dropped. */
export function isImportProgress(value: unknown): value is ImportProgress {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  return (
    Object.keys(v).length === 6 &&
    typeof v.token === 'string' &&
    v.token.length <= 64 &&
    (v.phase === 'reading' || v.phase === 'writing') &&
    isCount(v.bytesRead) &&
    isCount(v.totalBytes) &&
    isCount(v.rowsRead) &&
    isCount(v.badRows)
  )
}
