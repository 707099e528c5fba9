import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { Channel } from '../../electron/shared/channels'
import type { Input, Output } from '../../electron/shared/contract'
import type { TurnaroundDetail, TurnaroundSummary } from '../../electron/shared/turnarounds/models'
import { call } from '../api'

type DetailChannel = { [C in Channel]: Output<C> extends TurnaroundDetail ? C : never }[Channel]

/** The turnarounds list and the turnaround being worked on. Every change returns the new state. */
export const useTurnaroundsStore = defineStore('turnarounds', () => {
  const list = ref<TurnaroundSummary[]>([])
  const state = ref<'open' | 'closed' | 'all'>('open')
  const loading = ref(false)
  const current = ref<TurnaroundDetail | null>(null)

  async function fetchList(): Promise<void> {
    loading.value = true
    try {
      list.value = await call('turnarounds:list', { state: state.value })
    } finally {
      loading.value = false
    }
  }

  async function open(id: number): Promise<TurnaroundDetail> {
    current.value = await call('turnarounds:get', { id })
    return current.value
  }

  /** Sends a change to the current turnaround and shows its new state. */
  async function change<C extends DetailChannel>(channel: C, input: Input<C>): Promise<TurnaroundDetail> {
    const detail = (await call(channel, input)) as TurnaroundDetail
    current.value = detail
    return detail
  }

  async function remove(id: number): Promise<void> {
    await call('turnarounds:delete', { id })
    if (current.value?.id === id) current.value = null
    await fetchList()
  }

  /** After a touchpoint changes, the turnaround's follow-up dates and stage may have moved. */
  async function refreshCurrent(): Promise<void> {
    if (current.value) await open(current.value.id)
  }

  return { list, state, loading, current, fetchList, open, change, remove, refreshCurrent }
})
