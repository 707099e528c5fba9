import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { Input } from '../../electron/shared/contract'
import type { DecisionPanel } from '../../electron/shared/ledger/models'
import { turnaroundCostLimit } from '../../electron/shared/ledger/recommend'
import { messageOf } from '../errors'
import { api } from '../api'

/**
 * Keep fighting or let go: a turnaround's figures against the owner's limits, the recommendation,
 * and the decisions on record. The latest answer wins, so an older, slower one never overwrites it.
 */
export const useDecisionsStore = defineStore('decisions', () => {
  const panel = ref<DecisionPanel | null>(null)
  const error = ref('')
  let latest = 0

  /** What the share limit lets the turnaround cost, as the limit's sentence names it. */
  const allowedCostMinor = computed(() => {
    const f = panel.value?.figures
    return f ? turnaroundCostLimit(f.worthMinor, f.maxSharePct) : null
  })

  function clearPanel(): void {
    latest++
    panel.value = null
    error.value = ''
  }

  /** The panel of the client's current turnaround, or of the one named. */
  async function loadPanel(clientId: number, turnaroundId: number | null): Promise<DecisionPanel | null> {
    const request = ++latest
    try {
      const loaded = await api.decisions.getPanel({ clientId, turnaroundId })
      if (request !== latest) return null
      panel.value = loaded
      error.value = ''
      return loaded
    } catch (e) {
      if (request === latest) error.value = messageOf(e)
      return null
    }
  }

  /** Records the owner's decision; the panel then shows it on record (cut ties also lets the client go). */
  async function recordDecision(input: Input<'decisions:record'>): Promise<DecisionPanel> {
    const saved = await api.decisions.record(input)
    latest++
    panel.value = saved
    return saved
  }

  return { panel, error, allowedCostMinor, clearPanel, loadPanel, recordDecision }
})
