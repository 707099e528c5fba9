/**
 * Starting on a damaged, missing or empty database: the owner is offered the newest backup that
 * passes its checks (its checksum when it has one, a full integrity check, a schema this version
 * knows). Accepting keeps the damaged or empty file aside (renamed beside it, never deleted), puts a
 * copy of the backup in its place and opens that. Declining leaves everything as it was; for a
 * missing or empty file the owner may also choose to start with an empty database.
 */
import fs from 'node:fs'
import path from 'node:path'
import {
  backupsDirOf,
  checkIntegrity,
  copyFileDurably,
  listBackupFiles,
  verifyChecksum,
  withReadOnly,
  type BackupFile,
} from './backups'
import { DatabaseOpenError } from './errors'
import { MIGRATION_NAMES } from './migrations'
import { openDatabase, type OpenDatabaseOptions, type OpenedDatabase } from './open-database'

export interface RecoveryOffer {
  problem: DatabaseOpenError
  backup: BackupFile
}

/** What the owner chose: restore the backup, start with an empty database (missing or empty file only), or quit. */
export type RecoveryChoice = 'restore' | 'start-empty' | 'quit'

/** The newest backup whose checksum (when it has one) matches, that passes a full integrity check and this version can open. */
export async function newestGoodBackup(dir: string, nativeBinding?: string): Promise<BackupFile | null> {
  for (const backup of listBackupFiles(dir)) {
    if ((await verifyChecksum(backup.file)) === 'mismatch') continue
    if (!checkIntegrity(backup.file, { full: true, nativeBinding }).ok) continue
    const applied = withReadOnly(backup.file, nativeBinding, (db) =>
      (db.prepare('SELECT name FROM migrations').all() as { name: string }[]).map((r) => r.name),
    )
    if (applied.every((m) => MIGRATION_NAMES.includes(m))) return backup
  }
  return null
}

/** Renames the damaged (or empty) file (and its -wal and -shm) aside, when there is one, and copies the backup in its place. */
export function putBackupInPlace(
  file: string,
  backup: BackupFile,
  now: Date,
  label: 'damaged' | 'empty' = 'damaged',
): string | null {
  const stamp = now.toISOString().replace(/[:.]/g, '-')
  let aside: string | null = null
  if (fs.existsSync(file)) {
    aside = path.join(path.dirname(file), `${path.basename(file, '.sqlite')}-${label}-${stamp}.sqlite`)
    fs.renameSync(file, aside)
  }
  for (const side of ['-wal', '-shm']) {
    if (!fs.existsSync(`${file}${side}`)) continue
    if (aside) fs.renameSync(`${file}${side}`, `${aside}${side}`)
    else fs.rmSync(`${file}${side}`, { force: true })
  }
  copyFileDurably(backup.file, file)
  return aside
}

export interface RecoveredDatabase extends OpenedDatabase {
  /** Where the damaged or empty file was kept, when a backup replaced it. */
  keptAside: string | null
  /** The backup put in place, when one was. */
  restoredFrom: string | null
}

/** A missing or 0-byte database file, when backups exist beside it: the data looks lost, not new. */
function missingOrEmpty(file: string): 'missing' | 'empty' | null {
  if (!fs.existsSync(file)) return 'missing'
  const stat = fs.statSync(file)
  return stat.isFile() && stat.size === 0 ? 'empty' : null
}

/**
 * Opens the database. When it is damaged or unreadable, or missing or empty while the backups
 * folder holds backups, and a good backup exists, asks the owner and opens the backup instead (or,
 * for a missing or empty file, a new empty database when they choose so). Other problems, and a
 * choice to quit, are thrown as a DatabaseOpenError.
 */
export async function openWithRecovery(
  options: OpenDatabaseOptions,
  ask: (offer: RecoveryOffer) => Promise<RecoveryChoice>,
): Promise<RecoveredDatabase> {
  const dir = options.backupsDir ?? backupsDirOf(options.file)
  const now = () => (options.now ?? (() => new Date()))()
  const gone = missingOrEmpty(options.file)
  if (gone && listBackupFiles(dir).length > 0) {
    const problem = new DatabaseOpenError(
      gone,
      options.file,
      gone === 'missing' ? 'no database file, but backups exist' : 'a 0-byte database file, but backups exist',
    )
    const backup = await newestGoodBackup(dir, options.nativeBinding)
    // Backups that are all damaged offer nothing to restore: the file opens as a new database.
    if (backup) {
      const choice = await ask({ problem, backup })
      if (choice === 'quit') throw problem
      if (choice === 'restore') {
        const keptAside = putBackupInPlace(options.file, backup, now(), 'empty')
        return { ...(await openDatabase(options)), keptAside, restoredFrom: backup.name }
      }
    }
    return { ...(await openDatabase(options)), keptAside: null, restoredFrom: null }
  }
  try {
    return { ...(await openDatabase(options)), keptAside: null, restoredFrom: null }
  } catch (error) {
    if (!(error instanceof DatabaseOpenError) || (error.problem !== 'damaged' && error.problem !== 'unreadable'))
      throw error
    const backup = await newestGoodBackup(dir, options.nativeBinding)
    if (!backup || (await ask({ problem: error, backup })) !== 'restore') throw error
    const keptAside = putBackupInPlace(options.file, backup, now())
    return { ...(await openDatabase(options)), keptAside, restoredFrom: backup.name }
  }
}

/** Words for the offer; buttons in the order of `choices`. */
export function describeRecoveryOffer(offer: RecoveryOffer): {
  title: string
  message: string
  detail: string
  buttons: string[]
  choices: RecoveryChoice[]
} {
  const taken = offer.backup.takenAt.toLocaleString('en-GB', { dateStyle: 'long', timeStyle: 'short' })
  const restoring = `The newest good backup was taken on ${taken}. Restoring it brings back your data as it was then; anything entered after that is not in it.`
  const problem = offer.problem.problem
  if (problem === 'missing' || problem === 'empty') {
    return {
      title: problem === 'missing' ? 'The database is missing' : 'The database is empty',
      message:
        problem === 'missing'
          ? 'Turnaround Desk cannot find its database, but its backups folder holds backups: your data may have been moved or deleted.'
          : 'Turnaround Desk’s database file is empty (0 bytes), but its backups folder holds backups: your data may have been lost.',
      detail: `${restoring}${problem === 'empty' ? '\n\nThe empty file is kept beside the database, renamed.' : ''}\n\nStart with an empty database only if you mean to begin again; the backups stay in their folder.`,
      buttons: ['Restore the backup', 'Start with an empty database', 'Quit'],
      choices: ['restore', 'start-empty', 'quit'],
    }
  }
  return {
    title: 'The database is damaged',
    message: 'Turnaround Desk found damage in its database and cannot use it.',
    detail: `${restoring}\n\nThe damaged file is kept beside the database, renamed, and is never deleted.`,
    buttons: ['Restore the backup', 'Quit'],
    choices: ['restore', 'quit'],
  }
}
