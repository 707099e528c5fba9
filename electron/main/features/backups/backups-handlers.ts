import type { HandlersOf } from '../../../shared/contract-kit'
import type { backupsContract } from '../../../shared/backups/contract'
import type { BackupsService } from './backups-service'

/** Backups, restore and the full export mapped to their service. */
export function createBackupHandlers(backups: BackupsService): HandlersOf<typeof backupsContract> {
  return {
    'backups:list': () => backups.list(),
    'backups:save-copy': () => backups.saveCopy(),
    'backups:restore': ({ name }) => backups.restore(name),
    'backups:restore-file': () => backups.restoreFromFile(),
    'data:export-everything': () => backups.exportEverything(),
  }
}
