/**
 * The commitment's Edit dialog and the complaint's form, when someone else saved the record while
 * they were open: the save is refused, the saved version (fetched fresh) stands beside what was
 * typed, and each choice does what it says. The same piece as the client, issue and ledger entry
 * forms (useRecordConflict); those are proven end to end in tests/e2e/record-conflicts.test.ts.
 */
import { flushPromises, mount } from '@vue/test-utils'
import { NDialogProvider, NMessageProvider } from 'naive-ui'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, nextTick } from 'vue'
import type { CommitmentView, TurnaroundDetail } from '../../electron/shared/turnarounds/models'
import CommitmentEditDialog from '../../src/components/turnarounds/CommitmentEditDialog.vue'
import TurnaroundComplaint from '../../src/components/turnarounds/TurnaroundComplaint.vue'
import { ApiError } from '../../src/errors'
import { setDisplayLocale } from '../../src/format'

const api = vi.hoisted(() => ({
  commitments: { save: vi.fn() },
  turnarounds: { get: vi.fn(), update: vi.fn() },
}))
vi.mock('../../src/api', () => ({ api }))

const opened: CommitmentView = {
  id: 4,
  party: 'us',
  description: 'Send the corrected March report',
  dueOn: '2026-03-05',
  originalDueOn: '2026-03-05',
  status: 'open',
  doneOn: null,
  renegotiationReason: '',
  state: 'at_risk',
  version: 2,
  createdBy: 'Dana',
  updatedBy: 'Dana',
  createdAt: '2026-03-01T09:00:00.000Z',
  updatedAt: '2026-03-02T09:00:00.000Z',
}
const turnaround = {
  id: 7,
  openedOn: '2026-03-01',
  clientName: 'Alder Bakery',
  firstHeardBy: 'Dana',
  channel: 'call',
  owner: 'Dana',
  clientWords: 'The reports keep coming late',
  clientExpectation: '',
  responsePromisedOn: null,
  followUpEveryDays: 7,
  handovers: [],
  closedOn: null,
  version: 5,
  commitments: [opened],
} as unknown as TurnaroundDetail
const REFUSAL = 'This commitment was changed by Sam at 10:42 since you opened it.'

let wrapper: ReturnType<typeof mount> | undefined
beforeEach(() => {
  setDisplayLocale('en-GB')
  setActivePinia(createPinia())
  vi.clearAllMocks()
})
afterEach(() => {
  setDisplayLocale('')
  wrapper?.unmount()
  wrapper = undefined
})

const providers = (child: () => unknown) =>
  defineComponent({ setup: () => () => h(NMessageProvider, () => h(NDialogProvider, child)) })
const q = (id: string) => document.querySelector(`[data-testid="${id}"]`) as HTMLElement | null
const settle = async () => {
  await flushPromises()
  await nextTick()
}
const rows = () =>
  [...document.querySelectorAll('[data-testid="record-conflict"] tbody tr')].map((r) =>
    [...r.children].map((c) => c.textContent?.trim()),
  )
async function type(selector: string, text: string) {
  const input = document.querySelector(selector) as HTMLTextAreaElement
  input.value = text
  input.dispatchEvent(new Event('input'))
  await settle()
}

describe('editing a commitment someone else saved meanwhile', () => {
  async function openAndRefuse() {
    const onClose = vi.fn()
    wrapper = mount(
      providers(() => h(CommitmentEditDialog, { turnaroundId: 7, commitment: opened, onClose })),
      { attachTo: document.body },
    )
    await settle()
    expect(q('record-authors')?.textContent).toMatch(
      /^Added by Dana on 1 Mar 2026 · last changed by Dana on 2 Mar 2026$/,
    )
    await type('#commitment-edit-description', 'Send the corrected March and April reports')
    api.commitments.save.mockRejectedValueOnce(new ApiError({ code: 'CONFLICT', message: REFUSAL }))
    api.turnarounds.get.mockResolvedValue({
      ...turnaround,
      commitments: [{ ...opened, party: 'client', description: 'Send the March report', version: 3, updatedBy: 'Sam' }],
    })
    q('commitment-edit-save')!.dispatchEvent(new MouseEvent('click', { bubbles: true }))
    await settle()
    return onClose
  }

  it('shows both versions, only what differs, and keeps what was typed', async () => {
    const onClose = await openAndRefuse()
    expect(q('record-conflict')?.textContent).toContain(REFUSAL)
    expect(rows()).toEqual([
      ['Whose promise', 'The client', 'Us'],
      ['What was promised', 'Send the March report', 'Send the corrected March and April reports'],
    ])
    expect((document.querySelector('#commitment-edit-description') as HTMLTextAreaElement).value).toBe(
      'Send the corrected March and April reports',
    )
    expect(api.turnarounds.get).toHaveBeenCalledWith({ id: 7 })
    expect(onClose).not.toHaveBeenCalled()
  })

  it('"Keep mine and save it" saves what was typed over the version now saved', async () => {
    const onClose = await openAndRefuse()
    api.commitments.save.mockResolvedValueOnce(turnaround)
    q('conflict-keep-mine')!.dispatchEvent(new MouseEvent('click', { bubbles: true }))
    await settle()
    expect(api.commitments.save).toHaveBeenLastCalledWith({
      turnaroundId: 7,
      id: 4,
      version: 3,
      commitment: { party: 'us', description: 'Send the corrected March and April reports', dueOn: '2026-03-05' },
    })
    expect(onClose).toHaveBeenCalled()
  })

  it('"Use the saved version" puts theirs in the form and saves nothing', async () => {
    await openAndRefuse()
    q('conflict-take-saved')!.dispatchEvent(new MouseEvent('click', { bubbles: true }))
    await settle()
    expect(q('record-conflict')).toBeNull()
    expect((document.querySelector('#commitment-edit-description') as HTMLTextAreaElement).value).toBe(
      'Send the March report',
    )
    expect(api.commitments.save).toHaveBeenCalledTimes(1)
  })
})

describe('editing the complaint someone else saved meanwhile', () => {
  it('shows the saved version beside the form, with the channel and dates as the page writes them', async () => {
    wrapper = mount(
      providers(() => h(TurnaroundComplaint, { turnaround })),
      { attachTo: document.body },
    )
    await settle()
    ;[...document.querySelectorAll('button')]
      .find((b) => b.textContent?.trim() === 'Edit')!
      .dispatchEvent(new MouseEvent('click', { bubbles: true }))
    await settle()
    const words = [...document.querySelectorAll('.n-modal textarea')][0] as HTMLTextAreaElement
    words.value = 'Late again in April'
    words.dispatchEvent(new Event('input'))
    await settle()
    api.turnarounds.update.mockRejectedValueOnce(
      new ApiError({ code: 'CONFLICT', message: 'This turnaround was changed by Sam at 10:42 since you opened it.' }),
    )
    api.turnarounds.get.mockResolvedValue({
      ...turnaround,
      channel: 'email',
      responsePromisedOn: '2026-03-10',
      version: 6,
    })
    ;[...document.querySelectorAll('.n-modal button')]
      .find((b) => b.textContent?.trim() === 'Save')!
      .dispatchEvent(new MouseEvent('click', { bubbles: true }))
    await settle()
    expect(rows()).toEqual([
      ['How it came in', 'Email', 'Call'],
      ['The client’s own words', 'The reports keep coming late', 'Late again in April'],
      ['Response promised by', '10 Mar 2026', '—'],
    ])
    api.turnarounds.update.mockResolvedValueOnce(turnaround)
    q('conflict-keep-mine')!.dispatchEvent(new MouseEvent('click', { bubbles: true }))
    await settle()
    expect(api.turnarounds.update).toHaveBeenLastCalledWith(expect.objectContaining({ id: 7, version: 6 }))
  })
})
