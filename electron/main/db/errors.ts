/** Why a database file could not be opened. The file is never touched in these cases. */
export type DatabaseOpenProblem =
  'unreadable' | 'damaged' | 'newer-version' | 'migration-failed' | 'missing' | 'empty' | 'read-only' | 'disk-full'

export class DatabaseOpenError extends Error {
  constructor(
    readonly problem: DatabaseOpenProblem,
    readonly file: string,
    readonly detail: string,
    /** The driver's own error, when there was one (a shared database's refusal, told in words by connection-problem.ts). */
    cause?: unknown,
  ) {
    super(`${problem}: ${detail}`, cause === undefined ? undefined : { cause })
    this.name = 'DatabaseOpenError'
  }
}

/**
 * A fault of the disk rather than of the data: the disk is full (SQLite's SQLITE_FULL, the
 * system's ENOSPC or a quota), or the place cannot be written (SQLite's SQLITE_READONLY family,
 * the system's EROFS, EACCES or EPERM). Found on the error, its driverError (TypeORM) or its cause.
 */
export type StorageFault = 'disk-full' | 'read-only'

const FULL = new Set(['SQLITE_FULL', 'ENOSPC', 'EDQUOT'])
const READ_ONLY = new Set(['EROFS', 'EACCES', 'EPERM'])

export function storageFaultOf(error: unknown, depth = 0): StorageFault | null {
  if (error === null || typeof error !== 'object' || depth > 4) return null
  const code = (error as { code?: unknown }).code
  if (typeof code === 'string') {
    if (FULL.has(code)) return 'disk-full'
    if (code.startsWith('SQLITE_READONLY') || READ_ONLY.has(code)) return 'read-only'
  }
  const message = (error as { message?: unknown }).message
  if (typeof message === 'string' && /database or disk is full|no space left on device/i.test(message))
    return 'disk-full'
  return (
    storageFaultOf((error as { driverError?: unknown }).driverError, depth + 1) ??
    storageFaultOf((error as { cause?: unknown }).cause, depth + 1)
  )
}

/** What to do about a storage fault, in words for the owner. */
export const STORAGE_ADVICE: Record<StorageFault, string> = {
  'disk-full': 'Free some space on that disk (empty the bin, move large files elsewhere), then try again.',
  'read-only':
    'Check that the folder is not read-only (its permissions, a locked or write-protected disk, a synced folder that is offline), or start Turnaround Desk with --data-dir on a folder it can write to.',
}

/**
 * "The disk is full, so <what>." and what to do: the message for a write that a storage fault
 * stopped. `place` names where it wrote: the data folder unless said otherwise.
 */
export function storageMessage(fault: StorageFault, what: string, place: 'data' | 'chosen' = 'data'): string {
  const head =
    fault === 'disk-full'
      ? place === 'data'
        ? 'The disk that holds your data is full'
        : 'The disk is full'
      : place === 'data'
        ? 'Turnaround Desk cannot write to its data folder (it is read-only)'
        : 'Turnaround Desk cannot write to that place (it is read-only, or you do not have permission)'
  const advice =
    place === 'chosen'
      ? fault === 'disk-full'
        ? 'Choose a place on another disk, or free some space, then try again.'
        : 'Choose another place, such as your Documents folder.'
      : STORAGE_ADVICE[fault]
  return `${head}, so ${what}. ${advice}`
}

/** A storage fault's message for a write whose place is not known: SQLite's own faults are the data folder's. */
export function storageMessageOf(error: unknown, what: string): string | null {
  const fault = storageFaultOf(error)
  if (!fault) return null
  return storageMessage(fault, what, sqliteCodeOf(error) ? 'data' : 'chosen')
}

function sqliteCodeOf(error: unknown, depth = 0): boolean {
  if (error === null || typeof error !== 'object' || depth > 4) return false
  const code = (error as { code?: unknown }).code
  if (typeof code === 'string' && code.startsWith('SQLITE_')) return true
  return (
    sqliteCodeOf((error as { driverError?: unknown }).driverError, depth + 1) ||
    sqliteCodeOf((error as { cause?: unknown }).cause, depth + 1)
  )
}

/** Words for the dialog shown when the database cannot be opened. */
export function describeOpenProblem(error: DatabaseOpenError): { title: string; message: string } {
  switch (error.problem) {
    case 'unreadable':
      return {
        title: 'The database cannot be opened',
        message: `Turnaround Desk could not read its database at\n${error.file}\n\nThe file may be damaged or not a Turnaround Desk database. It has not been changed. Move it aside or restore a backup, then start the app again.`,
      }
    case 'damaged':
      return {
        title: 'The database is damaged',
        message: `Turnaround Desk found damage in its database at\n${error.file}\n\nIt has not been changed. Restore a backup (File > Restore from backup) or move the file aside, then start the app again.`,
      }
    case 'newer-version':
      return {
        title: 'The database is from a newer version',
        message: `The database at\n${error.file}\nwas written by a newer version of Turnaround Desk. This version cannot use it and has not changed it. Install the newer version to open it.`,
      }
    case 'migration-failed':
      return {
        title: 'The database could not be upgraded',
        message: `Upgrading the database at\n${error.file}\nfailed and was rolled back, so your data is as it was. A copy taken before the upgrade is in the backups folder beside it.`,
      }
    case 'missing':
    case 'empty':
      return {
        title: error.problem === 'missing' ? 'The database is missing' : 'The database is empty',
        message: `${error.problem === 'missing' ? 'There is no database at' : 'The database file is empty (0 bytes) at'}\n${error.file}\nbut its backups folder holds backups. Nothing has been changed. Copy a backup from the backups folder in its place, or start the app again and choose to restore the newest one.`,
      }
    case 'read-only':
      return {
        title: 'The data folder is read-only',
        message: `Turnaround Desk cannot write to the folder that holds its database:\n${error.file}\n\nThe data itself has not been changed. ${STORAGE_ADVICE['read-only']}`,
      }
    case 'disk-full':
      return {
        title: 'The disk is full',
        message: `The disk that holds the database at\n${error.file}\nis full, so Turnaround Desk cannot open it safely. Your data has not been changed. ${STORAGE_ADVICE['disk-full']}`,
      }
  }
}

const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  // PostgreSQL: the server shut down or ended the session; the connection failed or is gone.
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08006',
])
const UNREACHABLE_WORDS =
  /connection terminated|timeout exceeded when trying to connect|connection (?:is )?closed|terminating connection|client has encountered a connection error/i

/**
 * The shared database could not be reached (its connection refused, dropped or timed out). Found
 * on the error, its driverError (TypeORM) or its cause. A transaction cut off this way is never
 * committed: the server rolls back whatever it had of it.
 */
export function isUnreachable(error: unknown, depth = 0): boolean {
  if (error === null || typeof error !== 'object' || depth > 4) return false
  const code = (error as { code?: unknown }).code
  if (typeof code === 'string' && UNREACHABLE_CODES.has(code)) return true
  const message = (error as { message?: unknown }).message
  if (typeof message === 'string' && UNREACHABLE_WORDS.test(message)) return true
  return (
    isUnreachable((error as { driverError?: unknown }).driverError, depth + 1) ||
    isUnreachable((error as { cause?: unknown }).cause, depth + 1)
  )
}

export const UNREACHABLE_MESSAGE =
  'The shared database cannot be reached, so nothing was changed. What you typed is still here: try again once it is back.'
