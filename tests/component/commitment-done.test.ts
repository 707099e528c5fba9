/**
 * A commitment is marked done on the day it was kept: today unless the owner picks another day,
 * and main's refusal of a day (in the future, before the turnaround opened) stands next to the field.
 */
import { flushPromises, mount } from '@vue/test-utils'
import { NMessageProvider } from 'naive-ui'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { localIsoDate } from '../../electron/shared/dates'
import type { CommitmentView } from '../../electron/shared/turnarounds/models'
import CommitmentDoneDialog from '../../src/components/turnarounds/CommitmentDoneDialog.vue'
import { ApiError } from '../../src/errors'

const api = vi.hoisted(() => ({ commitments: { markDone: vi.fn() } }))
vi.mock('../../src/api', () => ({ api }))

const commitment: CommitmentView = {
  id: 4,
  party: 'us',
  description: 'Send the corrected March report',
  dueOn: '2026-03-05',
  originalDueOn: '2026-03-05',
  status: 'open',
  doneOn: null,
  renegotiationReason: '',
  state: 'overdue',
  version: 1,
  createdBy: '',
  updatedBy: '',
  createdAt: '2026-02-20T09:00:00.000Z',
  updatedAt: '2026-02-20T09:00:00.000Z',
}

let wrapper: ReturnType<typeof mount> | undefined
beforeEach(() => {
  setActivePinia(createPinia())
  vi.clearAllMocks()
})
afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
})

function open(onClose = vi.fn()) {
  const Host = defineComponent({
    setup: () => () => h(NMessageProvider, () => h(CommitmentDoneDialog, { commitment, onClose })),
  })
  wrapper = mount(Host, { attachTo: document.body })
  return onClose
}

const dialog = () => document.querySelector('.commitment-done-dialog') as HTMLElement
const save = async () => {
  ;(dialog().querySelector('[data-testid="commitment-done-save"]') as HTMLButtonElement).click()
  await flushPromises()
}
const feedback = () => [...dialog().querySelectorAll('.n-form-item-feedback__line')].map((n) => n.textContent)

describe('marking a commitment done', () => {
  it('offers today and sends it when the owner does not change it', async () => {
    api.commitments.markDone.mockResolvedValue({})
    const onClose = open()
    await flushPromises()
    expect(dialog().textContent).toContain('Send the corrected March report')
    await save()
    expect(api.commitments.markDone).toHaveBeenCalledWith({ id: 4, doneOn: localIsoDate(new Date()) })
    expect(onClose).toHaveBeenCalled()
  })

  it('shows main’s refusal of the day next to the field and stays open', async () => {
    const refusal = 'The day it was done cannot be before the turnaround opened (2026-03-01).'
    api.commitments.markDone.mockRejectedValue(new ApiError({ code: 'VALIDATION', message: refusal, field: 'doneOn' }))
    const onClose = open()
    await flushPromises()
    await save()
    expect(feedback()).toEqual([refusal])
    expect(onClose).not.toHaveBeenCalled()
    expect(dialog()).not.toBeNull()
  })
})
