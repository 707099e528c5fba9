/** The planner settings take how small a quick win is, typed in hours and saved in minutes. */
import { flushPromises, mount } from '@vue/test-utils'
import { NMessageProvider } from 'naive-ui'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import type { BusinessProfile } from '../../electron/shared/models'
import PlannerSettingsForm from '../../src/components/PlannerSettingsForm.vue'
import { useAppStore } from '../../src/stores/app'

const api = vi.hoisted(() => ({
  plannerSettings: { save: vi.fn() },
  app: { info: vi.fn() },
  profile: { get: vi.fn() },
}))
vi.mock('../../src/api', () => ({ api }))

const profile = {
  businessName: 'Harbour Print',
  warningWindowDays: 2,
  followUpEveryDays: 2,
  checkInAfterDays: 90,
  quickWinMaxEffortMinutes: 120,
} as BusinessProfile

beforeEach(() => {
  setActivePinia(createPinia())
  vi.clearAllMocks()
  api.app.info.mockResolvedValue({})
  api.profile.get.mockResolvedValue(profile)
  api.plannerSettings.save.mockResolvedValue({})
  useAppStore().profile = profile
})

function mountForm() {
  const Host = defineComponent({ setup: () => () => h(NMessageProvider, () => h(PlannerSettingsForm)) })
  return mount(Host, { attachTo: document.body })
}

async function typeHours(wrapper: ReturnType<typeof mount>, text: string) {
  const input = wrapper.get('#settings-quick-win-effort')
  await input.setValue(text)
  await input.trigger('blur')
}

describe('the planner settings form', () => {
  it('shows the quick-win limit in hours and saves a new one in minutes', async () => {
    const wrapper = mountForm()
    expect((wrapper.get('#settings-quick-win-effort').element as HTMLInputElement).value).toBe('2')
    await typeHours(wrapper, '6')
    await wrapper.get('[data-testid="planner-settings-save"]').trigger('click')
    await flushPromises()
    expect(api.plannerSettings.save).toHaveBeenCalledWith({
      warningWindowDays: 2,
      followUpEveryDays: 2,
      checkInAfterDays: 90,
      quickWinMaxEffortMinutes: 360,
    })
    wrapper.unmount()
  })

  it('says next to the field that the limit is missing, and saves nothing', async () => {
    const wrapper = mountForm()
    await typeHours(wrapper, '')
    await wrapper.get('[data-testid="planner-settings-save"]').trigger('click')
    await flushPromises()
    expect(wrapper.text()).toContain('Enter the most effort a quick win may take, in hours.')
    expect(api.plannerSettings.save).not.toHaveBeenCalled()
    wrapper.unmount()
  })
})
