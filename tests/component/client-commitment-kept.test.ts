/**
 * Each saved part of the client's commitment shows how it stands (open and due, kept on a day, not
 * kept) with the buttons to change it; kept asks for the day (today unless changed). On Today each
 * part at risk or overdue reads as the client's, and is marked kept or not kept in place. The
 * client's words are shown as text, never as markup.
 */
import { flushPromises, mount } from '@vue/test-utils'
import { NMessageProvider } from 'naive-ui'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, type Component } from 'vue'
import { localIsoDate } from '../../electron/shared/dates'
import type {
  ClientCommitmentPartView,
  TodayClientPart,
  TurnaroundDetail,
} from '../../electron/shared/turnarounds/models'
import TurnaroundClientCommitment from '../../src/components/turnarounds/TurnaroundClientCommitment.vue'
import TodayClientParts from '../../src/components/today/TodayClientParts.vue'
import TodayRowActions from '../../src/components/today/TodayRowActions.vue'
import { formatDate } from '../../src/format'

const api = vi.hoisted(() => ({ clientCommitments: { mark: vi.fn() }, turnarounds: { setClientCommitment: vi.fn() } }))
vi.mock('../../src/api', () => ({ api }))
vi.mock('vue-router', () => ({ useRouter: () => ({ push: vi.fn() }) }))

const part = (id: number, more: Partial<ClientCommitmentPartView>): ClientCommitmentPartView => ({
  id,
  kind: 'pay_invoice',
  description: 'Pay invoice 2291',
  amountMinor: null,
  dueOn: '2026-04-01',
  metWhen: '',
  status: 'open',
  keptOn: null,
  state: 'overdue',
  ...more,
})
const turnaround = {
  id: 7,
  openedOn: '2026-03-01',
  clientCommitments: [
    part(11, { description: 'Pay <b>invoice</b> 2291' }),
    part(12, {
      kind: 'referral',
      description: 'Refer the farm shop',
      status: 'kept',
      keptOn: '2026-03-20',
      state: 'done',
    }),
    part(13, { kind: 'renew', description: 'Renew', dueOn: null, status: 'not_kept', state: 'missed' }),
  ],
} as unknown as TurnaroundDetail

let wrapper: ReturnType<typeof mount> | undefined
beforeEach(() => {
  setActivePinia(createPinia())
  vi.clearAllMocks()
  api.clientCommitments.mark.mockResolvedValue(turnaround)
})
afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
})

function mountIn(component: Component, props: Record<string, unknown>) {
  wrapper = mount(defineComponent({ setup: () => () => h(NMessageProvider, () => h(component, props)) }), {
    attachTo: document.body,
  })
  return wrapper
}
const dialog = () => document.querySelector('.client-part-kept-dialog') as HTMLElement | null
const saveDialog = async () => {
  ;(dialog()?.querySelector('[data-testid="client-part-kept-save"]') as HTMLButtonElement).click()
  await flushPromises()
}

describe('the parts of the client’s commitment on the turnaround page', () => {
  it('show open and due, kept on its day, or not kept, each with its buttons', async () => {
    const w = mountIn(TurnaroundClientCommitment, { turnaround })
    await flushPromises()
    const status = (id: number) => w.get(`[data-testid="client-part-status-${id}"]`)
    expect(status(11).text()).toBe(`Overduedue ${formatDate('2026-04-01')}Kept…Not kept`)
    expect(status(12).text()).toBe(`Kepton ${formatDate('2026-03-20')}Set back to open`)
    expect(status(13).text()).toMatch(/Not kept\s*Set back to open/)
    expect(
      status(12)
        .findAll('button')
        .map((b) => b.text()),
    ).toEqual(['Set back to open'])
    // The client's words stay text.
    expect(w.find('b').exists()).toBe(false)
    expect((w.get('#client-commitment-description-0').element as HTMLTextAreaElement).value).toBe(
      'Pay <b>invoice</b> 2291',
    )
  })

  it('marks a part kept today unless another day is picked, not kept, or open again', async () => {
    const w = mountIn(TurnaroundClientCommitment, { turnaround })
    await w.get('[data-testid="client-part-kept-11"]').trigger('click')
    await flushPromises()
    expect(dialog()?.textContent).toContain(`Pay <b>invoice</b> 2291 (due ${formatDate('2026-04-01')})`)
    await saveDialog()
    expect(api.clientCommitments.mark).toHaveBeenCalledWith({
      id: 11,
      status: 'kept',
      keptOn: localIsoDate(new Date()),
    })
    await w.get('[data-testid="client-part-not-kept-11"]').trigger('click')
    await w.get('[data-testid="client-part-reopen-12"]').trigger('click')
    await flushPromises()
    expect(api.clientCommitments.mark.mock.calls.slice(1)).toEqual([
      [{ id: 11, status: 'not_kept' }],
      [{ id: 12, status: 'open' }],
    ])
  })

  it('sends each saved part with its id when the parts are saved, so each keeps its state', async () => {
    api.turnarounds.setClientCommitment.mockResolvedValue(turnaround)
    const w = mountIn(TurnaroundClientCommitment, { turnaround })
    await w.get('[data-testid="save-client-commitment"]').trigger('click')
    await flushPromises()
    const sent = api.turnarounds.setClientCommitment.mock.calls[0]?.[0] as { parts: Array<{ id: number }> }
    expect(sent.parts.map((p) => p.id)).toEqual([11, 12, 13])
    expect(Object.keys(sent.parts[0] ?? {}).sort()).toEqual(
      ['amountMinor', 'description', 'dueOn', 'id', 'kind', 'metWhen'].sort(),
    )
  })
})

describe('the client’s commitment on Today', () => {
  const parts: TodayClientPart[] = [
    {
      id: 21,
      turnaroundId: 7,
      clientName: 'Northwind Bakery',
      kind: 'pay_invoice',
      description: 'Pay the outstanding invoice',
      dueOn: '2026-03-05',
      state: 'overdue',
    },
    {
      id: 22,
      turnaroundId: 7,
      clientName: 'Northwind Bakery',
      kind: 'referral',
      description: 'Refer <i>us</i>',
      dueOn: '2026-03-09',
      state: 'at_risk',
    },
  ]

  it('reads as the client’s, at risk or overdue, and is marked kept or not kept in place', async () => {
    const changed = vi.fn()
    const calendar = vi.fn()
    const w = mountIn(TodayClientParts, { parts, onChanged: changed, onCalendar: calendar })
    const lines = w.findAll('li').map((li) => li.text())
    expect(lines[0]).toBe(
      `OverdueNorthwind BakeryClient: Pay the outstanding invoicedue ${formatDate('2026-03-05')}Kept…More ▾`,
    )
    expect(lines[1]).toMatch(/^At risk.*Client: Refer <i>us<\/i>/)
    expect(w.find('i').exists()).toBe(false)

    await w.findAll('li')[0]!.get('button').trigger('click')
    await flushPromises()
    await saveDialog()
    expect(api.clientCommitments.mark).toHaveBeenCalledWith({
      id: 21,
      status: 'kept',
      keptOn: localIsoDate(new Date()),
    })
    expect(changed).toHaveBeenCalledTimes(1)

    const actions = w.findAllComponents(TodayRowActions)
    actions[1]!.vm.$emit('more', 'not_kept')
    await flushPromises()
    expect(api.clientCommitments.mark).toHaveBeenLastCalledWith({ id: 22, status: 'not_kept' })
    expect(changed).toHaveBeenCalledTimes(2)
    actions[1]!.vm.$emit('more', 'calendar')
    expect(calendar).toHaveBeenCalledWith(22)
  })
})
