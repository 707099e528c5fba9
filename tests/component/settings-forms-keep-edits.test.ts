/**
 * Settings forms filled from main never overwrite what the user is typing: not when a slow load
 * comes back after the user typed, and not when a save's answer comes back after a further edit.
 */
import { flushPromises, mount } from '@vue/test-utils'
import { NMessageProvider } from 'naive-ui'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, type Component } from 'vue'
import type { RiskLimits } from '../../electron/shared/ledger/models'
import type { LetterTemplateView } from '../../electron/shared/letters/models'
import type { BusinessProfile } from '../../electron/shared/models'
import PlannerSettingsForm from '../../src/components/PlannerSettingsForm.vue'
import RiskLimitsForm from '../../src/components/ledger/RiskLimitsForm.vue'
import LetterTemplateEditor from '../../src/components/letters/LetterTemplateEditor.vue'
import { vSaveShortcut } from '../../src/directives/save-shortcut'
import { useAppStore } from '../../src/stores/app'
import { useLettersStore } from '../../src/stores/letters'

const api = vi.hoisted(() => ({
  riskLimits: { get: vi.fn(), save: vi.fn() },
  letterTemplates: { list: vi.fn(), save: vi.fn(), reset: vi.fn() },
}))
vi.mock('../../src/api', () => ({ api }))
// The PDF preview (pdf.js and its worker) and the client picker play no part here.
vi.mock('../../src/components/letters/PdfPreview.vue', () => ({ default: { render: () => null } }))
vi.mock('../../src/components/ClientPicker.vue', () => ({ default: { render: () => null } }))

/** A promise the test settles when it chooses. */
function later<T>() {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((r) => (resolve = r))
  return { promise, resolve }
}

const limits = (over: Partial<RiskLimits> = {}): RiskLimits => ({
  horizonYears: 3,
  maxTurnaroundSharePct: 25,
  maxTurnaroundMinutes: 1200,
  minEffectiveRateMinor: 0,
  defaultReferralValueMinor: 0,
  ...over,
})

function mountIn(component: Component) {
  const Host = defineComponent({ setup: () => () => h(NMessageProvider, null, { default: () => h(component) }) })
  return mount(Host, { attachTo: document.body, global: { directives: { saveShortcut: vSaveShortcut } } })
}

const valueOf = (wrapper: ReturnType<typeof mount>, id: string) =>
  (wrapper.find(`#${id}`).element as HTMLInputElement | HTMLTextAreaElement).value

beforeEach(() => {
  setActivePinia(createPinia())
  vi.clearAllMocks()
})

describe('the risk limits form', () => {
  it('keeps a value typed while the limits were still loading', async () => {
    const loaded = later<RiskLimits>()
    api.riskLimits.get.mockReturnValueOnce(loaded.promise)
    const wrapper = mountIn(RiskLimitsForm)
    await wrapper.find('#limits-horizon').setValue('7')
    loaded.resolve(limits({ horizonYears: 4, maxTurnaroundSharePct: 40 }))
    await flushPromises()
    expect(valueOf(wrapper, 'limits-horizon')).toBe('7')
    // A field the user left alone shows what was loaded.
    expect(valueOf(wrapper, 'limits-share')).toBe('40')
    wrapper.unmount()
  })

  it('keeps hours typed while the limits were still loading', async () => {
    const loaded = later<RiskLimits>()
    api.riskLimits.get.mockReturnValueOnce(loaded.promise)
    const wrapper = mountIn(RiskLimitsForm)
    await wrapper.find('#limits-hours').setValue('30')
    loaded.resolve(limits({ maxTurnaroundMinutes: 120 }))
    await flushPromises()
    expect(valueOf(wrapper, 'limits-hours')).toBe('30')
    wrapper.unmount()
  })

  it('saves the hours typed when Ctrl+S is pressed in their field, and an hours limit left alone to the minute', async () => {
    api.riskLimits.get.mockResolvedValueOnce(limits({ maxTurnaroundMinutes: 125 }))
    api.riskLimits.save.mockImplementation(async (input: RiskLimits) => input)
    const wrapper = mountIn(RiskLimitsForm)
    await flushPromises()
    expect(valueOf(wrapper, 'limits-hours')).toBe('2.08')
    await wrapper.find('[data-testid="risk-limits-save"]').trigger('click')
    await flushPromises()
    expect(api.riskLimits.save).toHaveBeenLastCalledWith(expect.objectContaining({ maxTurnaroundMinutes: 125 }))
    const hours = wrapper.find('#limits-hours')
    await hours.setValue('30')
    await hours.trigger('keydown', { key: 's', ctrlKey: true })
    await flushPromises()
    expect(api.riskLimits.save).toHaveBeenLastCalledWith(expect.objectContaining({ maxTurnaroundMinutes: 1800 }))
    wrapper.unmount()
  })

  it('saves what is shown and keeps an edit made while the save was on its way, even when a slow load comes last', async () => {
    const slowLoad = later<RiskLimits>()
    api.riskLimits.get.mockReturnValueOnce(slowLoad.promise)
    const wrapper = mountIn(RiskLimitsForm)
    await wrapper.find('#limits-horizon').setValue('5')
    const saved = later<RiskLimits>()
    api.riskLimits.save.mockReturnValueOnce(saved.promise)
    await wrapper.find('[data-testid="risk-limits-save"]').trigger('click')
    await flushPromises()
    expect(api.riskLimits.save).toHaveBeenCalledWith(expect.objectContaining({ horizonYears: 5 }))
    await wrapper.find('#limits-share').setValue('30')
    saved.resolve(limits({ horizonYears: 5 }))
    await flushPromises()
    expect(valueOf(wrapper, 'limits-horizon')).toBe('5')
    expect(valueOf(wrapper, 'limits-share')).toBe('30')
    // The load asked for before the save answers the old limits: it changes nothing any more.
    slowLoad.resolve(limits({ horizonYears: 3, maxTurnaroundSharePct: 25 }))
    await flushPromises()
    expect(valueOf(wrapper, 'limits-horizon')).toBe('5')
    expect(valueOf(wrapper, 'limits-share')).toBe('30')
    wrapper.unmount()
  })
})

describe('the letter template editor', () => {
  const template = (subject: string, body: string): LetterTemplateView =>
    ({ kind: 'follow_up', subject, body, isCustom: false }) as LetterTemplateView

  it('keeps what was typed into a template shown from the store while its fresh copy was loading', async () => {
    useLettersStore().templates = [template('Old subject', 'Old body')]
    const loaded = later<LetterTemplateView[]>()
    api.letterTemplates.list.mockReturnValueOnce(loaded.promise)
    const wrapper = mountIn(LetterTemplateEditor)
    await flushPromises()
    await wrapper.find('#template-body').setValue('My own words')
    loaded.resolve([template('New subject', 'New body')])
    await flushPromises()
    expect(valueOf(wrapper, 'template-body')).toBe('My own words')
    expect(valueOf(wrapper, 'template-subject')).toBe('New subject')
    wrapper.unmount()
  })
})

describe('the planner settings form', () => {
  it('keeps a typed value when the profile is reloaded by another save on the page', async () => {
    const app = useAppStore()
    const profile = { warningWindowDays: 2, followUpEveryDays: 2, checkInAfterDays: 90, updatedAt: 'a' }
    app.profile = profile as unknown as BusinessProfile
    const wrapper = mountIn(PlannerSettingsForm)
    await wrapper.find('#settings-warning-window').setValue('9')
    app.profile = { ...profile, followUpEveryDays: 5, updatedAt: 'b' } as unknown as BusinessProfile
    await flushPromises()
    expect(valueOf(wrapper, 'settings-warning-window')).toBe('9')
    expect(valueOf(wrapper, 'settings-follow-up')).toBe('5')
    wrapper.unmount()
  })
})
