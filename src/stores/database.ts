import { defineStore } from 'pinia'
import { ref } from 'vue'
import type {
  ChosenCertificate,
  ConnectionTest,
  DatabaseSettings,
  MoveResult,
} from '../../electron/shared/database/models'
import type { Input } from '../../electron/shared/contract'
import { api } from '../api'

/** Where the data lives: this computer or a shared office database. */
export const useDatabaseStore = defineStore('database', () => {
  const settings = ref<DatabaseSettings | null>(null)

  async function load(): Promise<DatabaseSettings> {
    settings.value = await api.database.settings()
    return settings.value
  }
  const testConnection = (input: Input<'database:test-connection'>): Promise<ConnectionTest> =>
    api.database.testConnection(input)
  async function save(input: Input<'database:save-choice'>): Promise<DatabaseSettings> {
    settings.value = await api.database.saveChoice(input)
    return settings.value
  }
  const moveToShared = (input: Input<'database:move-to-shared'>): Promise<MoveResult> =>
    api.database.moveToShared(input)

  /** The open dialog for the server's certificate file: its text, checked by main; null when cancelled. */
  const chooseCertificate = (): Promise<ChosenCertificate | null> => api.database.chooseCertificate()

  /** A first start's choice: kept, and the chosen database opened, before the app goes on. */
  async function startWith(input: Input<'database:first-start-choice'>): Promise<DatabaseSettings> {
    settings.value = await api.database.firstStartChoice(input)
    return settings.value
  }

  return { settings, load, testConnection, save, moveToShared, chooseCertificate, startWith }
})
