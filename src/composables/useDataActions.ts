import { formatNumber } from '../format'
import { useMessage } from 'naive-ui'
import { ref } from 'vue'
import { messageOf } from '../errors'
import { useBackupsStore } from '../stores/backups'

/** "Back up now" and "Export everything", with their messages: shared by the File menu and Settings. */
export function useDataActions() {
  const store = useBackupsStore()
  const message = useMessage()
  const busy = ref<'backup' | 'export' | null>(null)

  async function backUpNow(): Promise<void> {
    busy.value = 'backup'
    try {
      const result = await store.backUpNow()
      if (result.saved) message.success(`Backup saved: ${result.file}`, { duration: 6000 })
    } catch (error) {
      message.error(messageOf(error))
    } finally {
      busy.value = null
    }
  }

  async function exportEverything(): Promise<void> {
    busy.value = 'export'
    try {
      const result = await store.exportEverything()
      if (result.saved) {
        const rows = Object.values(result.rows).reduce((a, b) => a + b, 0)
        message.success(`Exported ${formatNumber(rows)} records to ${result.file}`, { duration: 6000 })
      }
    } catch (error) {
      message.error(messageOf(error))
    } finally {
      busy.value = null
    }
  }

  return { busy, backUpNow, exportEverything }
}
