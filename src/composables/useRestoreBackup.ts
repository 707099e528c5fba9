import { formatNumber } from '../format'
import { useDialog, useMessage } from 'naive-ui'
import { ref } from 'vue'
import type { BackupSummary, RestoreResult } from '../../electron/shared/backups/models'
import { messageOf } from '../errors'
import { formatDateTime } from '../format'
import { useBackupsStore } from '../stores/backups'

/** `restoring` while a file chosen in the open dialog is restored. */
export const FROM_FILE = '(from a file)'

/** Restoring a backup: a confirmation that says what happens, then the restore and a reload. */
export function useRestoreBackup() {
  const store = useBackupsStore()
  const dialog = useDialog()
  const message = useMessage()
  const restoring = ref<string | null>(null)

  /** After a restore: a backup no checksum vouched for is said so before the window reloads. */
  function reloadAfter(result: RestoreResult): void {
    if (result.checksum === 'none') {
      dialog.info({
        title: 'Restored',
        content: `${result.restoredFrom} had no checksum beside it (it was made before backups had one, or copied without its .sha256 file), so it was checked with SQLite’s integrity check only, which it passed. Your data as it was before is kept in the backups folder as ${result.safetyCopy}.`,
        positiveText: 'OK',
        onPositiveClick: () => window.location.reload(),
        onClose: () => window.location.reload(),
      })
      return
    }
    message.success('Backup restored. Reloading…')
    window.location.reload()
  }

  async function restore(backup: BackupSummary): Promise<void> {
    restoring.value = backup.name
    try {
      reloadAfter(await store.restore(backup.name))
    } catch (error) {
      dialog.error({ title: 'The backup was not restored', content: messageOf(error), positiveText: 'OK' })
      await store.load()
    } finally {
      restoring.value = null
    }
  }

  function confirmRestore(backup: BackupSummary): void {
    const clients =
      backup.clients === null
        ? ''
        : ` It holds ${formatNumber(backup.clients)} client${backup.clients === 1 ? '' : 's'}.`
    const unchecked = backup.hasChecksum
      ? ''
      : ' It was made before backups had a checksum, so only SQLite’s integrity check can vouch for it.'
    dialog.warning({
      title: 'Restore this backup?',
      content: `Your data goes back to how it was on ${formatDateTime(backup.takenAt)}.${clients}${unchecked} A copy of your data as it is now is kept in the backups folder first, so you can come back to it.`,
      positiveText: 'Restore',
      negativeText: 'Cancel',
      onPositiveClick: () => restore(backup),
    })
  }

  /** "Restore from a file…": what happens first, then the system's open dialog, the checks and the restore. */
  function confirmRestoreFile(): void {
    dialog.warning({
      title: 'Restore from a file?',
      content:
        'Choose a Turnaround Desk backup saved elsewhere (a .sqlite file made by “Back up now…”). It is checked first: its checksum when one is beside it, its integrity and its version. Your data then goes back to how it is in that file; a copy of your data as it is now is kept in the backups folder first.',
      positiveText: 'Choose the file…',
      negativeText: 'Cancel',
      onPositiveClick: () => restoreFile(),
    })
  }

  async function restoreFile(): Promise<void> {
    restoring.value = FROM_FILE
    try {
      const result = await store.restoreFromFile()
      if (result.restored) reloadAfter(result)
    } catch (error) {
      dialog.error({ title: 'The file was not restored', content: messageOf(error), positiveText: 'OK' })
      await store.load()
    } finally {
      restoring.value = null
    }
  }

  return { restoring, confirmRestore, confirmRestoreFile }
}
