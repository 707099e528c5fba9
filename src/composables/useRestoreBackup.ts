import { useDialog, useMessage } from 'naive-ui'
import { ref } from 'vue'
import type { BackupSummary } from '../../electron/shared/backups/models'
import { messageOf } from '../errors'
import { formatDateTime } from '../format'
import { useBackupsStore } from '../stores/backups'

/** Restoring a backup: a confirmation that says what happens, then the restore and a reload. */
export function useRestoreBackup() {
  const store = useBackupsStore()
  const dialog = useDialog()
  const message = useMessage()
  const restoring = ref<string | null>(null)

  async function restore(backup: BackupSummary): Promise<void> {
    restoring.value = backup.name
    try {
      await store.restore(backup.name)
      message.success('Backup restored. Reloading…')
      window.location.reload()
    } catch (error) {
      dialog.error({ title: 'The backup was not restored', content: messageOf(error), positiveText: 'OK' })
      await store.load()
    } finally {
      restoring.value = null
    }
  }

  function confirmRestore(backup: BackupSummary): void {
    const clients = backup.clients === null ? '' : ` It holds ${backup.clients.toLocaleString()} client${backup.clients === 1 ? '' : 's'}.`
    dialog.warning({
      title: 'Restore this backup?',
      content: `Your data goes back to how it was on ${formatDateTime(backup.takenAt)}.${clients} A copy of your data as it is now is kept in the backups folder first, so you can come back to it.`,
      positiveText: 'Restore',
      negativeText: 'Cancel',
      onPositiveClick: () => restore(backup),
    })
  }

  return { restoring, confirmRestore }
}
