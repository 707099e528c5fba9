/** Your data's channels: backups, restore and export everything. */
import { NoInput } from '../schemas'
import { returns, route } from '../contract-kit'
import type { BackupCopyResult, BackupList, ExportEverythingResult, RestoreResult } from './models'
import { BackupRestoreInput } from './schemas'

export const backupsContract = {
  'backups:list': route(NoInput, returns<BackupList>()),
  'backups:save-copy': route(NoInput, returns<BackupCopyResult>()),
  'backups:restore': route(BackupRestoreInput, returns<RestoreResult>()),
  'data:export-everything': route(NoInput, returns<ExportEverythingResult>()),
}
