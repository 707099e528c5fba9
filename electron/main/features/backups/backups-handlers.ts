import type { Handlers } from '../../ipc'
import type { BackupsService } from './backups-service'

type BackupChannel = Extract<keyof Handlers, `backups:${string}` | `data:${string}`>

/** Backups, restore and the full export mapped to their service. */
export function createBackupHandlers(backups: BackupsService): Pick<Handlers, BackupChannel> {
  return {
    'backups:list': () => backups.list(),
    'backups:save-copy': () => backups.saveCopy(),
    'backups:restore': ({ name }) => backups.restore(name),
    'data:export-everything': () => backups.exportEverything(),
  }
}
