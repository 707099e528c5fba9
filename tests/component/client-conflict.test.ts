/**
 * Someone else saved the client while this form was open: the save is refused, the form keeps what
 * was typed, and the saved version is shown beside it; the user keeps theirs (saved over the new
 * version) or takes the saved one.
 */
import { flushPromises, mount } from '@vue/test-utils'
import { NDialogProvider, NMessageProvider } from 'naive-ui'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, ref } from 'vue'
import type { Client } from '../../electron/shared/models'
import ClientFormDialog from '../../src/components/ClientFormDialog.vue'
import { ApiError } from '../../src/errors'

const api = vi.hoisted(() => ({
  clients: { update: vi.fn(), get: vi.fn(), list: vi.fn(), tags: vi.fn() },
}))
vi.mock('../../src/api', () => ({ api }))

const opened: Client = {
  id: 7,
  name: 'Alder Bakery',
  company: '',
  contactPerson: '',
  contactTitle: '',
  email: '',
  phone: '',
  address: '',
  notes: 'Prefers calls',
  tags: [],
  dateWon: null,
  referralValueMinor: null,
  status: 'active',
  archivedAt: null,
  isSample: false,
  createdAt: '2026-11-22T09:00:00.000Z',
  updatedAt: '2026-11-22T09:00:00.000Z',
  version: 3,
  createdBy: 'Dana',
  updatedBy: 'Dana',
}
const savedByDana: Client = { ...opened, notes: 'Wants a discount', version: 4, updatedAt: '2026-11-22T10:42:00.000Z' }
const REFUSAL =
  'This client was changed by Dana at 10:42 since you opened it. Your changes were not saved and are still in the form: compare them with the saved version, then save again.'

let wrapper: ReturnType<typeof mount> | undefined
beforeEach(() => {
  setActivePinia(createPinia())
  vi.clearAllMocks()
  api.clients.get.mockResolvedValue(savedByDana)
  api.clients.list.mockResolvedValue({ rows: [], total: 0, statusCounts: {} })
  api.clients.tags.mockResolvedValue([])
})
afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
})

/** Opens the dialog as the app does: shown after it is mounted. */
async function openDialog() {
  const show = ref(false)
  const Host = defineComponent({
    setup: () => () =>
      // As in App.vue: the dialog asks before discarding typed text through the dialog provider.
      h(NDialogProvider, () =>
        h(NMessageProvider, () =>
          h(ClientFormDialog, {
            client: opened,
            show: show.value,
            'onUpdate:show': (v: boolean) => (show.value = v),
          }),
        ),
      ),
  })
  wrapper = mount(Host, { attachTo: document.body })
  show.value = true
  await flushPromises()
}
const q = (id: string) => document.querySelector(`[data-testid="${id}"]`) as HTMLElement | null
async function typeNotes(text: string) {
  const area = [...document.querySelectorAll('.client-form-dialog textarea')].at(-1) as HTMLTextAreaElement
  area.value = text
  area.dispatchEvent(new Event('input'))
  await flushPromises()
}
async function click(id: string) {
  q(id)!.click()
  await flushPromises()
}

describe('a client saved by someone else meanwhile', () => {
  it('refuses the save, keeps what was typed, and shows both versions side by side', async () => {
    api.clients.update.mockRejectedValueOnce(new ApiError({ code: 'CONFLICT', message: REFUSAL }))
    await openDialog()
    await typeNotes('Called back, all good')
    await click('client-save')
    expect(api.clients.update).toHaveBeenCalledWith(expect.objectContaining({ id: 7, version: 3 }))
    expect(q('record-conflict')!.textContent).toContain('changed by Dana at 10:42 since you opened it')
    expect(q('conflict-saved')!.textContent).toBe('Wants a discount')
    expect(q('conflict-mine')!.textContent).toBe('Called back, all good')
    // Keeping mine saves it over Dana's version, naming that version.
    api.clients.update.mockResolvedValueOnce({ ...savedByDana, notes: 'Called back, all good', version: 5 })
    await click('conflict-keep-mine')
    expect(api.clients.update).toHaveBeenLastCalledWith(
      expect.objectContaining({
        id: 7,
        version: 4,
        client: expect.objectContaining({ notes: 'Called back, all good' }),
      }),
    )
    expect(q('record-conflict')).toBeNull()
  })

  it('takes the saved version into the form when asked', async () => {
    api.clients.update.mockRejectedValueOnce(new ApiError({ code: 'CONFLICT', message: REFUSAL }))
    await openDialog()
    await typeNotes('Called back, all good')
    await click('client-save')
    await click('conflict-take-saved')
    expect(q('record-conflict')).toBeNull()
    const area = [...document.querySelectorAll('.client-form-dialog textarea')].at(-1) as HTMLTextAreaElement
    expect(area.value).toBe('Wants a discount')
    api.clients.update.mockResolvedValueOnce(savedByDana)
    await click('client-save')
    expect(api.clients.update).toHaveBeenLastCalledWith(expect.objectContaining({ version: 4 }))
  })
})
