/**
 * The planner's forms say what is missing next to the field, and ask before throwing away what
 * was typed (Esc, the close button, Cancel); an untouched form closes at once.
 */
import { flushPromises, mount } from '@vue/test-utils'
import { NDialogProvider, NMessageProvider } from 'naive-ui'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, nextTick, ref } from 'vue'
import type { TurnaroundDetail } from '../../electron/shared/turnarounds/models'
import ActionDrawer from '../../src/components/turnarounds/ActionDrawer.vue'
import TurnaroundCommitments from '../../src/components/turnarounds/TurnaroundCommitments.vue'

const api = vi.hoisted(() => ({ commitments: { save: vi.fn() }, actions: { save: vi.fn() } }))
vi.mock('../../src/api', () => ({ api }))

const turnaround = {
  id: 7,
  openedOn: '2026-03-01',
  issues: [],
  commitments: [],
  onTimeShare: null,
} as unknown as TurnaroundDetail

let wrapper: ReturnType<typeof mount> | undefined
beforeEach(() => {
  setActivePinia(createPinia())
  vi.clearAllMocks()
})
afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
})

const providers = (child: () => unknown) =>
  defineComponent({ setup: () => () => h(NMessageProvider, () => h(NDialogProvider, child)) })
const find = (selector: string) => document.querySelector(selector) as HTMLElement | null
const buttonNamed = (name: string) =>
  [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === name) as HTMLButtonElement | undefined
const press = (key: string) => document.dispatchEvent(new KeyboardEvent('keydown', { key, code: key, bubbles: true }))
const settle = async () => {
  await flushPromises()
  await nextTick()
}

describe('adding a commitment', () => {
  it('without a date says so next to the date and sends nothing', async () => {
    wrapper = mount(
      providers(() => h(TurnaroundCommitments, { turnaround })),
      { attachTo: document.body },
    )
    await wrapper.get('#commitment-description').setValue('Send the corrected March report')
    await wrapper.get('[data-testid="add-commitment"]').trigger('click')
    await settle()
    const dateItem = wrapper.get('[data-testid="commitment-due"]').element.closest('.n-form-item') as HTMLElement
    expect(dateItem.querySelector('.n-form-item-feedback__line')?.textContent).toBe('This is required.')
    expect(api.commitments.save).not.toHaveBeenCalled()
  })
})

describe('closing the action drawer', () => {
  function openDrawer() {
    const show = ref(true)
    wrapper = mount(
      providers(() =>
        h(ActionDrawer, {
          turnaround,
          action: null,
          show: show.value,
          'onUpdate:show': (v: boolean) => (show.value = v),
        }),
      ),
      { attachTo: document.body },
    )
    return show
  }

  it('closes at once when nothing was typed', async () => {
    const show = openDrawer()
    await settle()
    press('Escape')
    await settle()
    expect(show.value).toBe(false)
    expect(find('.n-dialog')).toBeNull()
  })

  it('asks before discarding typed text on Esc, and keeps it when told to', async () => {
    const show = openDrawer()
    await settle()
    const title = find('#action-title') as HTMLInputElement
    title.value = 'Call Priya about the April figures'
    title.dispatchEvent(new Event('input'))
    await settle()

    press('Escape')
    await settle()
    expect(find('.n-dialog')?.textContent).toContain('Discard what you typed?')
    expect(show.value).toBe(true)
    buttonNamed('Keep editing')!.click()
    await settle()
    expect(show.value).toBe(true)
    expect((find('#action-title') as HTMLInputElement).value).toBe('Call Priya about the April figures')

    buttonNamed('Cancel')!.click()
    await settle()
    expect(show.value).toBe(true)
    buttonNamed('Discard')!.click()
    await settle()
    expect(show.value).toBe(false)
    expect(api.actions.save).not.toHaveBeenCalled()
  })
})
