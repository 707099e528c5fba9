/**
 * Starting on a damaged database: the owner is offered the newest backup that passes its integrity
 * check. Accepting keeps the damaged file aside (renamed beside it, never deleted), puts a copy of
 * the backup in its place and opens that. Declining leaves everything as it was.
 */
import fs from 'node:fs'
import path from 'node:path'
import { backupsDirOf, checkIntegrity, copyFileDurably, listBackupFiles, type BackupFile } from './backups'
import { DatabaseOpenError } from './errors'
import { MIGRATION_NAMES } from './migrations'
import { openDatabase, type OpenDatabaseOptions, type OpenedDatabase } from './open-database'
import { withReadOnly } from './backups'

export interface RecoveryOffer {
  problem: DatabaseOpenError
  backup: BackupFile
}

/** The newest backup that passes a full integrity check and this version can open. */
export function newestGoodBackup(dir: string, nativeBinding?: string): BackupFile | null {
  for (const backup of listBackupFiles(dir)) {
    if (!checkIntegrity(backup.file, { full: true, nativeBinding }).ok) continue
    const applied = withReadOnly(backup.file, nativeBinding, (db) => (db.prepare('SELECT name FROM migrations').all() as { name: string }[]).map((r) => r.name))
    if (applied.every((m) => MIGRATION_NAMES.includes(m))) return backup
  }
  return null
}

/** Renames the damaged file (and its -wal and -shm) aside, and copies the backup in its place. */
export function putBackupInPlace(file: string, backup: BackupFile, now: Date): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-')
  const aside = path.join(path.dirname(file), `${path.basename(file, '.sqlite')}-damaged-${stamp}.sqlite`)
  fs.renameSync(file, aside)
  for (const side of ['-wal', '-shm']) if (fs.existsSync(`${file}${side}`)) fs.renameSync(`${file}${side}`, `${aside}${side}`)
  copyFileDurably(backup.file, file)
  return aside
}

export interface RecoveredDatabase extends OpenedDatabase {
  /** Where the damaged file was kept, when a backup replaced it. */
  keptAside: string | null
}

/**
 * Opens the database; when it is damaged or unreadable and a good backup exists, asks the owner
 * (`ask` resolves true to restore) and opens the backup instead. Other problems are thrown as is.
 */
export async function openWithRecovery(options: OpenDatabaseOptions, ask: (offer: RecoveryOffer) => Promise<boolean>): Promise<RecoveredDatabase> {
  try {
    return { ...(await openDatabase(options)), keptAside: null }
  } catch (error) {
    if (!(error instanceof DatabaseOpenError) || (error.problem !== 'damaged' && error.problem !== 'unreadable')) throw error
    const backup = newestGoodBackup(options.backupsDir ?? backupsDirOf(options.file), options.nativeBinding)
    if (!backup || !(await ask({ problem: error, backup }))) throw error
    const keptAside = putBackupInPlace(options.file, backup, (options.now ?? (() => new Date()))())
    return { ...(await openDatabase(options)), keptAside }
  }
}

/** Words for the offer. */
export function describeRecoveryOffer(offer: RecoveryOffer): { title: string; message: string; detail: string; buttons: [string, string] } {
  const taken = offer.backup.takenAt.toLocaleString('en-GB', { dateStyle: 'long', timeStyle: 'short' })
  return {
    title: 'The database is damaged',
    message: 'Turnaround Desk found damage in its database and cannot use it.',
    detail: `The newest good backup was taken on ${taken}. Restoring it brings back your data as it was then; anything entered after that is not in it.\n\nThe damaged file is kept beside the database, renamed, and is never deleted.`,
    buttons: ['Restore the backup', 'Quit'],
  }
}
