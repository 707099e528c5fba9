import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { Input } from '../../electron/shared/contract'
import type { TouchpointView, TurnaroundDetail, TurnaroundSummary } from '../../electron/shared/turnarounds/models'
import { api } from '../api'

/** The turnarounds list and the turnaround being worked on. Every change returns the new state. */
export const useTurnaroundsStore = defineStore('turnarounds', () => {
  const list = ref<TurnaroundSummary[]>([])
  const state = ref<'open' | 'closed' | 'all'>('open')
  const loading = ref(false)
  const current = ref<TurnaroundDetail | null>(null)

  async function fetchList(): Promise<void> {
    loading.value = true
    try {
      list.value = await api.turnarounds.list({ state: state.value })
    } finally {
      loading.value = false
    }
  }

  async function open(id: number): Promise<TurnaroundDetail> {
    const detail = await api.turnarounds.get({ id })
    current.value = detail
    return detail
  }

  /** The turnaround as saved now, without touching the open one (to compare with a refused edit). */
  const saved = (id: number): Promise<TurnaroundDetail> => api.turnarounds.get({ id })

  /** Shows the turnaround's new state after a change. */
  async function shown(change: Promise<TurnaroundDetail>): Promise<TurnaroundDetail> {
    const detail = await change
    current.value = detail
    return detail
  }

  const update = (input: Input<'turnarounds:update'>) => shown(api.turnarounds.update(input))
  const handOver = (input: Input<'turnarounds:hand-over'>) => shown(api.turnarounds.handOver(input))
  const recordAgreement = (input: Input<'turnarounds:record-agreement'>) =>
    shown(api.turnarounds.recordAgreement(input))
  const setClientCommitment = (input: Input<'turnarounds:set-client-commitment'>) =>
    shown(api.turnarounds.setClientCommitment(input))
  /** Marks one part of the client's commitment kept (on a day), not kept, or open again. */
  const markClientPart = (input: Input<'client-commitments:mark'>) => shown(api.clientCommitments.mark(input))
  const agreePlan = (input: Input<'turnarounds:agree-plan'>) => shown(api.turnarounds.agreePlan(input))
  const close = (input: Input<'turnarounds:close'>) => shown(api.turnarounds.close(input))
  const checkIn = (input: Input<'turnarounds:check-in'>) => shown(api.turnarounds.checkIn(input))
  const saveIssue = (input: Input<'issues:save'>) => shown(api.issues.save(input))
  const deleteIssue = (id: number) => shown(api.issues.delete({ id }))
  const saveAction = (input: Input<'actions:save'>) => shown(api.actions.save(input))
  const deleteAction = (id: number) => shown(api.actions.delete({ id }))
  const moveAction = (id: number, direction: 'up' | 'down') => shown(api.actions.move({ id, direction }))
  const rankByImpactAgain = (turnaroundId: number) => shown(api.actions.resetOrder({ turnaroundId }))
  /** Adds a commitment, or (with `id` and the version the form opened on) saves an edit of one. */
  const saveCommitment = (input: Input<'commitments:save'>) => shown(api.commitments.save(input))
  const addCommitment = saveCommitment
  const markCommitmentDone = (id: number, doneOn: string) => shown(api.commitments.markDone({ id, doneOn }))
  const markCommitmentMissed = (id: number) => shown(api.commitments.markMissed({ id }))
  const renegotiateCommitment = (input: Input<'commitments:renegotiate'>) => shown(api.commitments.renegotiate(input))
  const deleteCommitment = (id: number) => shown(api.commitments.delete({ id }))

  async function remove(id: number): Promise<void> {
    await api.turnarounds.delete({ id })
    if (current.value?.id === id) current.value = null
    await fetchList()
  }

  /** A client's turnarounds, open and closed, newest first. */
  const listForClient = (clientId: number): Promise<TurnaroundSummary[]> =>
    api.turnarounds.list({ state: 'all', clientId })
  /** Opens a new turnaround for a client's complaint. */
  const start = (input: Input<'turnarounds:open'>): Promise<TurnaroundDetail> => api.turnarounds.open(input)

  /** Every touchpoint with a client, in or outside a turnaround. */
  const listTouchpoints = (clientId: number): Promise<TouchpointView[]> => api.touchpoints.list({ clientId })
  const saveTouchpoint = (input: Input<'touchpoints:save'>) => api.touchpoints.save(input)
  const deleteTouchpoint = (id: number) => api.touchpoints.delete({ id })

  /** After a touchpoint changes, the turnaround's follow-up dates and stage may have moved. */
  async function refreshCurrent(): Promise<void> {
    if (current.value) await open(current.value.id)
  }

  return {
    list,
    state,
    loading,
    current,
    fetchList,
    open,
    saved,
    remove,
    refreshCurrent,
    listForClient,
    start,
    listTouchpoints,
    saveTouchpoint,
    deleteTouchpoint,
    update,
    handOver,
    recordAgreement,
    setClientCommitment,
    markClientPart,
    agreePlan,
    close,
    checkIn,
    saveIssue,
    deleteIssue,
    saveAction,
    deleteAction,
    moveAction,
    rankByImpactAgain,
    addCommitment,
    saveCommitment,
    markCommitmentDone,
    markCommitmentMissed,
    renegotiateCommitment,
    deleteCommitment,
  }
})
