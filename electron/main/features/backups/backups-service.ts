/**
 * Backups the user sees: the list (date, size, clients in each), "Back up now" to a place the user
 * chooses, "Restore" (a safety copy of the current database first, the chosen backup checked, the
 * file swapped and the database reopened with its migrations), and "Export everything".
 */
import fs from 'node:fs'
import path from 'node:path'
import type Database from 'better-sqlite3'
import type { DataSource } from 'typeorm'
import type { BackupCopyResult, BackupList, ExportEverythingResult, RestoreResult } from '../../../shared/backups/models'
import { localIsoDate } from '../../../shared/turnarounds/dates'
import { backupName, backupsDirOf, checkIntegrity, copyDatabase, copyFileDurably, countClients, listBackupFiles, pruneBackups, withReadOnly } from '../../db/backups'
import { reopenDatabase } from '../../db/open-database'
import { MIGRATION_NAMES } from '../../db/migrations'
import { DomainError } from '../../domain-error'
import type { SaveDialogOptions } from '../../ports'
import { exportEverything } from './export-everything'

export interface BackupsDeps {
  dataSource: DataSource
  databaseFile: string
  now: () => Date
  appVersion: string
  chooseSavePath: (options: SaveDialogOptions) => Promise<string | null>
  nativeBinding?: string
  /** Why a restore must wait (an import reading its file holds ids of the database as it is), or null. */
  busyWith?: () => string | null
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
    }))
    return { folder: this.folder, backups }
  }

  private async choose(title: string, defaultName: string, filter: { name: string; extensions: string[] }): Promise<string | null> {
    const chosen = await this.deps.chooseSavePath({ title, defaultPath: defaultName, filters: [filter] })
    if (!chosen) return null
    const ext = `.${filter.extensions[0]}`
    const file = chosen.toLowerCase().endsWith(ext) ? chosen : `${chosen}${ext}`
    if (sameFile(file, this.deps.databaseFile) || sameFile(path.dirname(file), this.folder)) {
      throw new DomainError('VALIDATION', 'Choose a place outside the app’s data folder, so the copy is kept apart from the database.')
    }
    return file
  }

  /**
   * The day's automatic backup for an app left open past midnight (the one at open covers a
   * start): taken from the live connection when none was taken on this (UTC) day, then pruned.
   */
  async dailyIfDue(): Promise<string | null> {
    const now = this.deps.now()
    const today = now.toISOString().slice(0, 10)
    if (listBackupFiles(this.folder).some((b) => b.kind === 'daily' && b.takenAt.toISOString().slice(0, 10) === today)) return null
    const file = path.join(this.folder, backupName(this.deps.databaseFile, 'daily', now))
    await copyDatabase(connectionOf(this.deps.dataSource), file)
    pruneBackups(this.folder)
    return file
  }

  /** "Back up now": a consistent copy of the live database where the user chooses. */
  async saveCopy(): Promise<BackupCopyResult> {
    const file = await this.choose('Save a backup of your data', `Turnaround Desk backup ${localIsoDate(this.deps.now())}.sqlite`, { name: 'Turnaround Desk database', extensions: ['sqlite'] })
    if (!file) return { saved: false }
    await copyDatabase(connectionOf(this.deps.dataSource), file)
    return { saved: true, file }
  }

  async exportEverything(): Promise<ExportEverythingResult> {
    const file = await this.choose('Export everything as JSON', `Turnaround Desk export ${localIsoDate(this.deps.now())}.json`, { name: 'JSON', extensions: ['json'] })
    if (!file) return { saved: false }
    const rows = await exportEverything(this.deps.dataSource, file, { exportedAt: this.deps.now(), appVersion: this.deps.appVersion })
    return { saved: true, file, rows }
  }

  /** Refuses a backup that is missing, damaged, not ours, or from a newer version, with the reason. */
  private checkRestorable(name: string): string {
    const backup = listBackupFiles(this.folder).find((b) => b.name === name)
    if (!backup) throw new DomainError('NOT_FOUND', 'That backup is no longer in the backups folder.', 'name')
    const integrity = checkIntegrity(backup.file, { full: true, nativeBinding: this.deps.nativeBinding })
    if (!integrity.ok) {
      throw new DomainError('VALIDATION', `This backup failed its integrity check and cannot be restored (${integrity.problem}). Your data has not been changed; choose another backup.`, 'name')
    }
    const applied = withReadOnly(backup.file, this.deps.nativeBinding, (db) => (db.prepare('SELECT name FROM migrations').all() as { name: string }[]).map((r) => r.name))
    if (applied.some((m) => !MIGRATION_NAMES.includes(m))) {
      throw new DomainError('VALIDATION', 'This backup was made by a newer version of Turnaround Desk and cannot be restored by this one.', 'name')
    }
    return backup.file
  }

  /**
   * Restores a backup: the current database is copied to the backups folder first, the chosen one
   * is checked whole (PRAGMA integrity_check), then it replaces the database file and the same
   * DataSource reopens it with the usual checks and migrations. Run it inside the request queue.
   */
  async restore(name: string): Promise<RestoreResult> {
    const busy = this.deps.busyWith?.() ?? null
    if (busy) throw new DomainError('VALIDATION', `${busy} Wait for it to finish, or cancel it, then restore.`)
    const source = this.checkRestorable(name)
    const { dataSource, databaseFile } = this.deps
    const safetyCopy = path.join(this.folder, backupName(databaseFile, 'before-restore', this.deps.now()))
    await copyDatabase(connectionOf(dataSource), safetyCopy)
    await dataSource.destroy()
    try {
      replaceFile(databaseFile, source)
      await reopenDatabase(dataSource, { file: databaseFile, nativeBinding: this.deps.nativeBinding, now: this.deps.now })
    } catch (error) {
      this.deps.logError?.('restore', error)
      // Put the database back as it was, so a failed restore changes nothing.
      try {
        if (dataSource.isInitialized) await dataSource.destroy()
        replaceFile(databaseFile, safetyCopy)
        await reopenDatabase(dataSource, { file: databaseFile, nativeBinding: this.deps.nativeBinding, now: this.deps.now })
      } catch (rollback) {
        this.deps.logError?.('restore: putting the database back', rollback)
        throw new DomainError(
          'VALIDATION',
          `The backup could not be opened, and your data could not be reopened either. Quit and start Turnaround Desk again; your data as it was is kept in the backups folder as ${path.basename(safetyCopy)}.`,
        )
      }
      throw new DomainError('VALIDATION', 'The backup could not be opened, so your data was left as it was. Choose another backup.', 'name')
    }
    pruneBackups(this.folder)
    return { restoredFrom: name, safetyCopy: path.basename(safetyCopy) }
  }
}

/** Copies `source` over the (closed) database file: beside it first, then renamed over it. */
export function replaceFile(databaseFile: string, source: string): void {
  for (const side of ['-wal', '-shm', '-journal']) fs.rmSync(`${databaseFile}${side}`, { force: true })
  copyFileDurably(source, databaseFile)
}
