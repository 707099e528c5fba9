import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { Input } from '../../electron/shared/contract'
import type { RiskLimits } from '../../electron/shared/ledger/models'
import { api } from '../api'

/** The owner's limits for what a turnaround may cost before it is time to let go. */
export const useRiskLimitsStore = defineStore('risk-limits', () => {
  /** As last read or saved; null until read. */
  const limits = ref<RiskLimits | null>(null)

  async function loadRiskLimits(): Promise<RiskLimits> {
    limits.value = await api.riskLimits.get()
    return limits.value
  }

  async function saveRiskLimits(input: Input<'risk-limits:save'>): Promise<RiskLimits> {
    limits.value = await api.riskLimits.save(input)
    return limits.value
  }

  return { limits, loadRiskLimits, saveRiskLimits }
})
