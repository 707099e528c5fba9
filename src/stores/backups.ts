import { defineStore } from 'pinia'
import { ref } from 'vue'
import type {
  BackupSummary,
  ExportEverythingResult,
  BackupCopyResult,
  RestoreFileResult,
  RestoreResult,
} from '../../electron/shared/backups/models'
import { api } from '../api'

/** Backups, restore and the full export: the owner's copies of their data. */
export const useBackupsStore = defineStore('backups', () => {
  const backups = ref<BackupSummary[]>([])
  const folder = ref('')
  const loading = ref(false)

  async function load(): Promise<void> {
    loading.value = true
    try {
      const list = await api.backups.list()
      backups.value = list.backups
      folder.value = list.folder
    } finally {
      loading.value = false
    }
  }

  function backUpNow(): Promise<BackupCopyResult> {
    return api.backups.saveCopy()
  }

  function exportEverything(): Promise<ExportEverythingResult> {
    return api.data.exportEverything()
  }

  function restore(name: string): Promise<RestoreResult> {
    return api.backups.restore({ name })
  }

  /** Opens the system's open dialog on a backup file saved elsewhere, and restores it after the same checks. */
  function restoreFromFile(): Promise<RestoreFileResult> {
    return api.backups.restoreFile()
  }

  return { backups, folder, loading, load, backUpNow, exportEverything, restore, restoreFromFile }
})
