/**
 * Settings > Reminders when its settings cannot be read: the reason is said, and Save stays off so
 * the defaults shown are never saved over the owner's settings.
 */
import { flushPromises, mount } from '@vue/test-utils'
import { NMessageProvider } from 'naive-ui'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import ReminderSettingsForm from '../../src/components/ReminderSettingsForm.vue'
import { ApiError } from '../../src/errors'

const api = vi.hoisted(() => ({
  reminders: { get: vi.fn(), save: vi.fn(), answerAsk: vi.fn() },
  calendar: { chooseFeedFolder: vi.fn(), stopFeed: vi.fn(), add: vi.fn() },
  followUps: { snooze: vi.fn() },
}))
vi.mock('../../src/api', () => ({ api }))

beforeEach(() => {
  setActivePinia(createPinia())
  vi.clearAllMocks()
  document.body.innerHTML = ''
})

describe('the reminder settings form', () => {
  it('says why the settings could not be read and does not save the defaults over them', async () => {
    api.reminders.get.mockRejectedValue(
      new ApiError({ code: 'INTERNAL', message: 'The reminder settings could not be read.' }),
    )
    const Host = defineComponent(() => () => h(NMessageProvider, () => h(ReminderSettingsForm)))
    const wrapper = mount(Host, { attachTo: document.body })
    await flushPromises()
    expect(document.body.textContent).toContain('The reminder settings could not be read.')
    const save = document.querySelector('[data-testid="reminders-save"]') as HTMLButtonElement
    expect(save.disabled).toBe(true)
    save.click()
    await flushPromises()
    expect(api.reminders.save).not.toHaveBeenCalled()
    wrapper.unmount()
  })
})
