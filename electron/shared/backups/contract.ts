/** Your data's channels: backups, restore and export everything. */
import { NoInput } from '../schemas'
import { returns, route } from '../contract-kit'
import type { BackupCopyResult, BackupList, ExportEverythingResult, RestoreFileResult, RestoreResult } from './models'
import { BackupRestoreInput } from './schemas'

export const backupsContract = {
  'backups:list': route(NoInput, returns<BackupList>()),
  'backups:save-copy': route(NoInput, returns<BackupCopyResult>()),
  'backups:restore': route(BackupRestoreInput, returns<RestoreResult>()),
  /** Opens the system's open dialog on a .sqlite file (a "Back up now" copy saved elsewhere), checks it as a backup, and restores it. */
  'backups:restore-file': route(NoInput, returns<RestoreFileResult>()),
  'data:export-everything': route(NoInput, returns<ExportEverythingResult>()),
}
