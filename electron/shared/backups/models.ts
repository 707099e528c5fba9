/** What the renderer sees of backups and the full export. */

export interface BackupSummary {
  /** The file's name in the backups folder: what a restore asks for. */
  name: string
  kind: 'daily' | 'before-migration' | 'before-restore' | 'before-recovery'
  /** When it was taken, ISO 8601 (UTC). */
  takenAt: string
  sizeBytes: number
  /** Clients in the backup, read from it read-only; null when it cannot be read. */
  clients: number | null
  /** Its SHA-256 is kept beside it (checked before a restore); backups made before checksums have none. */
  hasChecksum: boolean
}

export interface BackupList {
  /** The backups folder beside the database. */
  folder: string
  backups: BackupSummary[]
}

export type BackupCopyResult = { saved: false } | { saved: true; file: string }

export interface RestoreResult {
  restoredFrom: string
  /** The copy of the database as it was just before the restore, in the backups folder. */
  safetyCopy: string
  /**
   * 'verified': the checksum kept beside it matched; 'none': it had none (made before backups had
   * checksums, or saved elsewhere without its .sha256), so only SQLite's integrity check vouched for it.
   */
  checksum: 'verified' | 'none'
}

/** Restore from a file chosen in the open dialog: nothing when the dialog was cancelled. */
export type RestoreFileResult = { restored: false } | ({ restored: true } & RestoreResult)

export type ExportEverythingResult = { saved: false } | { saved: true; file: string; rows: Record<string, number> }

export const BACKUP_KIND_LABELS: Record<BackupSummary['kind'], string> = {
  daily: 'Daily',
  'before-migration': 'Before an upgrade',
  'before-restore': 'Before a restore',
  'before-recovery': 'Before a recovery',
}
