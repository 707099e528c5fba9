/**
 * The client's commitment form holds several parts: one more is added with *Add another part*, one
 * is removed with *Remove this part*, and a part without its words is named next to its own field;
 * nothing is sent until every part says what the client will do.
 */
import { flushPromises, mount } from '@vue/test-utils'
import { NMessageProvider } from 'naive-ui'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, nextTick } from 'vue'
import type { TurnaroundDetail } from '../../electron/shared/turnarounds/models'
import TurnaroundClientCommitment from '../../src/components/turnarounds/TurnaroundClientCommitment.vue'

const api = vi.hoisted(() => ({ turnarounds: { setClientCommitment: vi.fn() } }))
vi.mock('../../src/api', () => ({ api }))

const turnaround = {
  id: 7,
  openedOn: '2026-03-01',
  clientCommitments: [
    { kind: 'pay_invoice', description: 'Pay invoice 2291', amountMinor: 184000, dueOn: '2026-04-01', metWhen: '' },
  ],
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

const settle = async () => {
  await flushPromises()
  await nextTick()
}

function open() {
  wrapper = mount(
    defineComponent({ setup: () => () => h(NMessageProvider, () => h(TurnaroundClientCommitment, { turnaround })) }),
    { attachTo: document.body },
  )
  return wrapper
}

describe('the client’s commitment form', () => {
  it('names the part that lacks its words and sends nothing', async () => {
    const w = open()
    await w.get('[data-testid="add-client-commitment-part"]').trigger('click')
    await settle()
    expect(w.find('#client-commitment-description-1').exists()).toBe(true)
    await w.get('[data-testid="save-client-commitment"]').trigger('click')
    await settle()
    const item = w.get('#client-commitment-description-1').element.closest('.n-form-item') as HTMLElement
    expect(item.querySelector('.n-form-item-feedback__line')?.textContent).toBe('Say what the client will do.')
    expect(api.turnarounds.setClientCommitment).not.toHaveBeenCalled()
  })

  it('sends every part, in order, each with its amount, day and what counts as met', async () => {
    api.turnarounds.setClientCommitment.mockResolvedValue(turnaround)
    const w = open()
    await w.get('[data-testid="add-client-commitment-part"]').trigger('click')
    await settle()
    await w.get('#client-commitment-description-1').setValue('Recommend us to the farm shop')
    await w.get('#client-commitment-met-1').setValue('The farm shop calls us')
    await w.get('[data-testid="save-client-commitment"]').trigger('click')
    await settle()
    expect(api.turnarounds.setClientCommitment).toHaveBeenCalledWith({
      id: 7,
      parts: [
        { kind: 'pay_invoice', description: 'Pay invoice 2291', amountMinor: 184000, dueOn: '2026-04-01', metWhen: '' },
        {
          kind: 'referral',
          description: 'Recommend us to the farm shop',
          amountMinor: null,
          dueOn: null,
          metWhen: 'The farm shop calls us',
        },
      ],
    })
  })

  it('removes a part', async () => {
    const w = open()
    await w.get('[data-testid="add-client-commitment-part"]').trigger('click')
    await settle()
    await w.get('[data-testid="remove-client-commitment-part-0"]').trigger('click')
    await settle()
    expect(w.findAll('fieldset')).toHaveLength(1)
    expect((w.get('#client-commitment-description-0').element as HTMLTextAreaElement).value).toBe('')
  })
})
