/**
 * Backups the user sees: the list (date, size, clients in each), "Back up now" to a place the user
 * chooses, "Restore" and "Restore from a file…" (a safety copy of the current database first, the
 * chosen backup checked, the file swapped and the database reopened with its migrations), and
 * "Export everything".
 */
import fs from 'node:fs'
import path from 'node:path'
import type Database from 'better-sqlite3'
import type { DataSource } from 'typeorm'
import type {
  BackupCopyResult,
  BackupList,
  ExportEverythingResult,
  RestoreFileResult,
  RestoreResult,
} from '../../../shared/backups/models'
import { localIsoDate } from '../../../shared/dates'
import {
  backupName,
  backupsDirOf,
  checkIntegrity,
  copyDatabase,
  copyFileDurably,
  countClients,
  listBackupFiles,
  pruneBackups,
  verifyChecksum,
  withReadOnly,
} from '../../db/backups'
import { storageFaultOf, storageMessage } from '../../db/errors'
import { reopenDatabase } from '../../db/open-database'
import { MIGRATION_NAMES } from '../../db/migrations'
import { DomainError } from '../../domain-error'
import type { OpenDialogOptions, SaveDialogOptions } from '../../ports'
import { exportEverything } from './export-everything'
import { engineOf } from '../../db/engine'

export interface BackupsDeps {
  dataSource: DataSource
  databaseFile: string
  now: () => Date
  appVersion: string
  chooseSavePath: (options: SaveDialogOptions) => Promise<string | null>
  /** The native open dialog, for "Restore from a file…": the chosen path, or null when cancelled. */
  chooseOpenFile: (options: OpenDialogOptions) => Promise<string | null>
  nativeBinding?: string
  logError?: (where: string, error: unknown) => void
}

/** The live connection under TypeORM: SQLite's online backup reads from it. */
function connectionOf(dataSource: DataSource): Database.Database {
  return (dataSource.driver as unknown as { databaseConnection: Database.Database }).databaseConnection
}

function sameFile(a: string, b: string): boolean {
  return path.resolve(a) === path.resolve(b)
}

export class BackupsService {
  constructor(private readonly deps: BackupsDeps) {}

  /** Backups and restores are of this computer's file; a shared database has its server's own. */
  private onThisComputer(): void {
    if (engineOf(this.deps.dataSource).kind !== 'sqlite')
      throw new DomainError(
        'VALIDATION',
        'Your data is in the shared office database, which is backed up on its server (with pg_dump). Export everything works here as usual.',
      )
  }

  get folder(): string {
    return backupsDirOf(this.deps.databaseFile)
  }

  list(): BackupList {
    const backups = listBackupFiles(this.folder).map((b) => ({
      name: b.name,
      kind: b.kind,
      takenAt: b.takenAt.toISOString(),
      sizeBytes: b.sizeBytes,
      clients: countClients(b.file, this.deps.nativeBinding),
      hasChecksum: b.hasChecksum,
    }))
    return { folder: this.folder, backups }
  }

  private async choose(
    title: string,
    defaultName: string,
    filter: { name: string; extensions: string[] },
  ): Promise<string | null> {
    const chosen = await this.deps.chooseSavePath({ title, defaultPath: defaultName, filters: [filter] })
    if (!chosen) return null
    const ext = `.${filter.extensions[0]}`
    const file = chosen.toLowerCase().endsWith(ext) ? chosen : `${chosen}${ext}`
    if (sameFile(file, this.deps.databaseFile) || sameFile(path.dirname(file), this.folder)) {
      throw new DomainError(
        'VALIDATION',
        'Choose a place outside the app’s data folder, so the copy is kept apart from the database.',
      )
    }
    return file
  }

  /**
   * The day's automatic backup for an app left open past midnight (the one at open covers a
   * start): taken from the live connection when none was taken on this (UTC) day, then pruned.
   */
  async dailyIfDue(): Promise<string | null> {
    // A shared database is backed up on its server (pg_dump); this computer's file is not in use.
    if (engineOf(this.deps.dataSource).kind !== 'sqlite') return null
    const now = this.deps.now()
    const today = now.toISOString().slice(0, 10)
    if (listBackupFiles(this.folder).some((b) => b.kind === 'daily' && b.takenAt.toISOString().slice(0, 10) === today))
      return null
    const file = path.join(this.folder, backupName(this.deps.databaseFile, 'daily', now))
    await copyDatabase(connectionOf(this.deps.dataSource), file)
    pruneBackups(this.folder)
    return file
  }

  /** "Back up now": a consistent copy of the live database where the user chooses, its checksum beside it. */
  async saveCopy(): Promise<BackupCopyResult> {
    this.onThisComputer()
    const file = await this.choose(
      'Save a backup of your data',
      `Turnaround Desk backup ${localIsoDate(this.deps.now())}.sqlite`,
      { name: 'Turnaround Desk database', extensions: ['sqlite'] },
    )
    if (!file) return { saved: false }
    try {
      await copyDatabase(connectionOf(this.deps.dataSource), file)
    } catch (error) {
      const fault = storageFaultOf(error)
      if (!fault) throw error
      this.deps.logError?.('back up now', error)
      throw new DomainError(
        'STORAGE',
        storageMessage(fault, 'the backup was not saved (nothing was left behind there)', 'chosen'),
      )
    }
    return { saved: true, file }
  }

  async exportEverything(): Promise<ExportEverythingResult> {
    const file = await this.choose(
      'Export everything as JSON',
      `Turnaround Desk export ${localIsoDate(this.deps.now())}.json`,
      { name: 'JSON', extensions: ['json'] },
    )
    if (!file) return { saved: false }
    const rows = await exportEverything(this.deps.dataSource, file, {
      exportedAt: this.deps.now(),
      appVersion: this.deps.appVersion,
    })
    return { saved: true, file, rows }
  }

  /**
   * Refuses a backup (or a chosen file) whose checksum does not match, that fails SQLite's full
   * integrity check, that is not ours, or that is from a newer version, with the reason. Returns
   * whether a checksum vouched for it.
   */
  private async checkRestorable(file: string, noun: 'backup' | 'file', field?: string): Promise<'verified' | 'none'> {
    const This = noun === 'backup' ? 'This backup' : 'This file'
    const other = noun === 'backup' ? 'choose another backup' : 'choose another file'
    let checksum: Awaited<ReturnType<typeof verifyChecksum>>
    try {
      checksum = await verifyChecksum(file)
    } catch {
      throw new DomainError(
        'VALIDATION',
        `${This} cannot be read, so it cannot be restored. Your data has not been changed; ${other}.`,
        field,
      )
    }
    if (checksum === 'mismatch') {
      throw new DomainError(
        'VALIDATION',
        `${This} has changed since it was saved: its content no longer matches the checksum kept beside it, so it cannot be trusted and is not restored. Your data has not been changed; ${other}.`,
        field,
      )
    }
    const integrity = checkIntegrity(file, { full: true, nativeBinding: this.deps.nativeBinding })
    if (!integrity.ok && integrity.reason === 'not-ours')
      throw new DomainError(
        'VALIDATION',
        `${This} is not a Turnaround Desk database, so it cannot be restored. Your data has not been changed.`,
        field,
      )
    if (!integrity.ok) {
      throw new DomainError(
        'VALIDATION',
        `${This} failed its integrity check and cannot be restored (${integrity.problem}). Your data has not been changed; ${other}.`,
        field,
      )
    }
    const applied = withReadOnly(file, this.deps.nativeBinding, (db) =>
      (db.prepare('SELECT name FROM migrations').all() as { name: string }[]).map((r) => r.name),
    )
    if (applied.some((m) => !MIGRATION_NAMES.includes(m))) {
      throw new DomainError(
        'VALIDATION',
        `${This} was made by a newer version of Turnaround Desk and cannot be restored by this one.`,
        field,
      )
    }
    return checksum
  }

  /**
   * Restores a backup: the current database is copied to the backups folder first, the chosen one
   * is checked (its checksum, PRAGMA integrity_check, its schema), then it replaces the database
   * file and the same DataSource reopens it with the usual checks and migrations. Run it inside
   * the request queue.
   */
  async restore(name: string): Promise<RestoreResult> {
    this.onThisComputer()
    const backup = listBackupFiles(this.folder).find((b) => b.name === name)
    if (!backup) throw new DomainError('NOT_FOUND', 'That backup is no longer in the backups folder.', 'name')
    const checksum = await this.checkRestorable(backup.file, 'backup', 'name')
    const safetyCopy = await this.replaceWith(backup.file, 'backup', 'name')
    return { restoredFrom: name, safetyCopy, checksum }
  }

  /**
   * "Restore from a file…": a Turnaround Desk database chosen in the open dialog (a "Back up now"
   * copy kept on another disk, say), with the same checks as a backup (its checksum when one is
   * beside it), then restored the same way.
   */
  async restoreFromFile(): Promise<RestoreFileResult> {
    this.onThisComputer()
    const file = await this.deps.chooseOpenFile({
      title: 'Restore from a file',
      filters: [{ name: 'Turnaround Desk backup', extensions: ['sqlite'] }],
    })
    if (file === null) return { restored: false }
    if (sameFile(file, this.deps.databaseFile))
      throw new DomainError(
        'VALIDATION',
        'That is the database Turnaround Desk is using now: choose a backup of it instead.',
      )
    let isFile: boolean
    try {
      isFile = fs.statSync(file).isFile()
    } catch {
      isFile = false
    }
    if (!isFile) throw new DomainError('VALIDATION', 'That file cannot be opened. Choose another one.')
    const checksum = await this.checkRestorable(file, 'file')
    const safetyCopy = await this.replaceWith(file, 'file')
    return { restored: true, restoredFrom: path.basename(file), safetyCopy, checksum }
  }

  /** The swap shared by both restores; returns the safety copy's name. */
  private async replaceWith(source: string, noun: 'backup' | 'file', field?: string): Promise<string> {
    const { dataSource, databaseFile } = this.deps
    const safetyCopy = path.join(this.folder, backupName(databaseFile, 'before-restore', this.deps.now()))
    try {
      await copyDatabase(connectionOf(dataSource), safetyCopy)
    } catch (error) {
      this.deps.logError?.('restore: the copy before the restore', error)
      const fault = storageFaultOf(error)
      if (fault)
        throw new DomainError(
          'STORAGE',
          storageMessage(
            fault,
            'the copy of your data as it is now could not be written, and nothing was restored. Your data is as it was',
          ),
        )
      throw error
    }
    await dataSource.destroy()
    let replaced = false
    try {
      replaceFile(databaseFile, source)
      replaced = true
      await reopenDatabase(dataSource, {
        file: databaseFile,
        nativeBinding: this.deps.nativeBinding,
        now: this.deps.now,
      })
    } catch (error) {
      this.deps.logError?.('restore', error)
      const fault = storageFaultOf(error)
      // Put the database back as it was, so a failed restore changes nothing. A copy that failed
      // before its rename left the database file as it was: it only needs reopening.
      try {
        if (dataSource.isInitialized) await dataSource.destroy()
        if (replaced) replaceFile(databaseFile, safetyCopy)
        await reopenDatabase(dataSource, {
          file: databaseFile,
          nativeBinding: this.deps.nativeBinding,
          now: this.deps.now,
        })
      } catch (rollback) {
        this.deps.logError?.('restore: putting the database back', rollback)
        throw new DomainError(
          'VALIDATION',
          `The ${noun} could not be opened, and your data could not be reopened either. Quit and start Turnaround Desk again; your data as it was is kept in the backups folder as ${path.basename(safetyCopy)}.`,
        )
      }
      if (fault)
        throw new DomainError(
          'STORAGE',
          storageMessage(
            fault,
            `the ${noun} could not be put in place and your data was left as it was. The ${noun} itself is fine`,
          ),
        )
      throw new DomainError(
        'VALIDATION',
        `The ${noun} could not be opened, so your data was left as it was. Choose another ${noun}.`,
        field,
      )
    }
    try {
      pruneBackups(this.folder)
    } catch (error) {
      this.deps.logError?.('restore: pruning backups', error)
    }
    return path.basename(safetyCopy)
  }
}

/** Copies `source` over the (closed) database file: beside it first, then renamed over it. */
export function replaceFile(databaseFile: string, source: string): void {
  for (const side of ['-wal', '-shm', '-journal']) fs.rmSync(`${databaseFile}${side}`, { force: true })
  copyFileDurably(source, databaseFile)
}
