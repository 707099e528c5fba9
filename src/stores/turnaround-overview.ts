import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { TodayData, TrendsData } from '../../electron/shared/turnarounds/models'
import { api } from '../api'

/** The Today list and the Trends figures. */
export const useTurnaroundOverviewStore = defineStore('turnaround-overview', () => {
  const today = ref<TodayData | null>(null)
  const trends = ref<TrendsData | null>(null)

  async function fetchToday(): Promise<void> {
    today.value = await api.today.get()
  }

  async function fetchTrends(from: string, to: string): Promise<void> {
    trends.value = await api.trends.get({ from, to })
  }

  return { today, trends, fetchToday, fetchTrends }
})
