import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { Input } from '../../electron/shared/contract'
import type { ClientMonth, ClientPageFigures, LedgerEntryView } from '../../electron/shared/ledger/models'
import type { TurnaroundSummary } from '../../electron/shared/turnarounds/models'
import { messageOf } from '../errors'
import { api } from '../api'
import { periodChosen, type PeriodChoice } from './ledger'
import { useStaffStore } from './ledger-staff'
import { useTurnaroundsStore } from './turnarounds'

/**
 * One client's ledger: its figures for a period, its entries and turnarounds, and two years month
 * by month. The client's page clears it when it opens, as a fresh page would; the latest answer to
 * each question wins, so a slower, older one (of another client, say) never overwrites it.
 */
export const useClientLedgerStore = defineStore('client-ledger', () => {
  const figures = ref<ClientPageFigures | null>(null)
  const entries = ref<LedgerEntryView[]>([])
  const turnarounds = ref<TurnaroundSummary[]>([])
  const error = ref('')
  const months = ref<ClientMonth[]>([])
  const monthsError = ref('')
  const latest = { figures: 0, entries: 0, months: 0 }

  function clearClient(): void {
    latest.figures++
    latest.entries++
    latest.months++
    figures.value = null
    entries.value = []
    turnarounds.value = []
    error.value = ''
    months.value = []
    monthsError.value = ''
  }

  async function loadFigures(clientId: number, period: PeriodChoice): Promise<void> {
    if (!periodChosen(period)) return
    const request = ++latest.figures
    try {
      const loaded = await api.ledger.clientFigures({ clientId, period })
      if (request !== latest.figures) return
      figures.value = loaded
      error.value = ''
    } catch (e) {
      if (request === latest.figures) error.value = messageOf(e)
    }
  }

  /** The client's entries, the staff who may have worked for them and their turnarounds, then the figures for the period. */
  async function loadClient(clientId: number, period: PeriodChoice): Promise<void> {
    const request = ++latest.entries
    try {
      const [list, , forClient] = await Promise.all([
        api.ledger.list({ clientId }),
        useStaffStore().loadStaff(),
        useTurnaroundsStore().listForClient(clientId),
      ])
      if (request === latest.entries) [entries.value, turnarounds.value] = [list, forClient]
    } catch (e) {
      if (request === latest.entries) error.value = messageOf(e)
    }
    await loadFigures(clientId, period)
  }

  async function loadMonths(clientId: number): Promise<void> {
    const request = ++latest.months
    try {
      const loaded = await api.ledger.clientMonths({ clientId, months: 24 })
      if (request !== latest.months) return
      months.value = loaded
      monthsError.value = ''
    } catch (e) {
      if (request === latest.months) monthsError.value = messageOf(e)
    }
  }

  const saveEntry = (input: Input<'ledger:save'>): Promise<LedgerEntryView> => api.ledger.save(input)
  /** An entry as saved now (to compare with a refused edit of it). */
  const savedEntry = (id: number): Promise<LedgerEntryView> => api.ledger.get({ id })
  const deleteEntry = (id: number): Promise<{ deleted: number }> => api.ledger.delete({ id })

  return {
    figures,
    entries,
    turnarounds,
    error,
    months,
    monthsError,
    clearClient,
    loadClient,
    loadFigures,
    loadMonths,
    saveEntry,
    savedEntry,
    deleteEntry,
  }
})
