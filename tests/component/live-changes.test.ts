/**
 * The window's side of a shared database: another desktop's changes reload the pages that show
 * those areas (and only while they are shown), a form being edited keeps what was typed, and a
 * quiet banner says when the database cannot be reached, gone once it is back. Main's events are
 * played by a fake source.
 */
import { flushPromises, mount } from '@vue/test-utils'
import { NMessageProvider } from 'naive-ui'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { h } from 'vue'
import type { LiveEvent } from '../../electron/shared/live/events'
import type { BusinessProfile } from '../../electron/shared/models'
import PlannerSettingsForm from '../../src/components/PlannerSettingsForm.vue'
import SharedDatabaseBanner from '../../src/components/SharedDatabaseBanner.vue'
import { useReloadOnChange } from '../../src/composables/useReloadOnChange'
import { useAppStore } from '../../src/stores/app'
import { useLiveStore, type LiveSource } from '../../src/stores/live'

const api = vi.hoisted(() => ({ app: { info: vi.fn() }, profile: { get: vi.fn() } }))
vi.mock('../../src/api', () => ({ api, onLive: () => () => {} }))

/** Main's event channel, faked: the test sends what main would. */
function fakeSource() {
  const listeners = new Set<(e: LiveEvent) => void>()
  const source: LiveSource = (listener) => {
    listeners.add(listener)
    return () => void listeners.delete(listener)
  }
  return { source, send: (e: LiveEvent) => listeners.forEach((l) => l(e)), listening: () => listeners.size }
}

/** A page showing `areas`, counting its reloads. */
function pageShowing(areas: Parameters<typeof useReloadOnChange>[0], reload: () => unknown) {
  return mount({
    setup: () => {
      useReloadOnChange(areas, reload)
      return () => h('div')
    },
  })
}

beforeEach(() => {
  setActivePinia(createPinia())
  vi.clearAllMocks()
})

describe('changes made on another desktop', () => {
  it('reload the pages showing the areas changed, and no others', async () => {
    const main = fakeSource()
    useLiveStore().start(main.source)
    const clientsPage = vi.fn()
    const ledgerPage = vi.fn()
    const clients = pageShowing(['clients'], clientsPage)
    const ledger = pageShowing(['ledger', 'clients'], ledgerPage)
    main.send({ kind: 'changed', areas: ['ledger'] })
    await flushPromises()
    expect(clientsPage).not.toHaveBeenCalled()
    expect(ledgerPage).toHaveBeenCalledTimes(1)
    main.send({ kind: 'changed', areas: ['clients', 'turnarounds'] })
    await flushPromises()
    expect(clientsPage).toHaveBeenCalledTimes(1)
    expect(ledgerPage).toHaveBeenCalledTimes(2)
    // Everything changed (sample data, a restore, the connection back): every page shown reloads.
    main.send({ kind: 'changed', areas: ['everything'] })
    await flushPromises()
    expect(clientsPage).toHaveBeenCalledTimes(2)
    expect(ledgerPage).toHaveBeenCalledTimes(3)
    // A page left is not reloaded; a reload that fails leaves the others alone.
    clients.unmount()
    ledgerPage.mockRejectedValueOnce(new Error('gone'))
    main.send({ kind: 'changed', areas: ['clients'] })
    await flushPromises()
    expect(clientsPage).toHaveBeenCalledTimes(2)
    expect(ledgerPage).toHaveBeenCalledTimes(4)
    ledger.unmount()
  })

  it('stop being heard once the window stops listening, and are listened to once only', () => {
    const main = fakeSource()
    const live = useLiveStore()
    live.start(main.source)
    live.start(main.source)
    expect(main.listening()).toBe(1)
    live.stop()
    expect(main.listening()).toBe(0)
  })

  it('never overwrite what the user is typing in a form shown from the reloaded data', async () => {
    const main = fakeSource()
    useLiveStore().start(main.source)
    const app = useAppStore()
    const profile = { warningWindowDays: 2, followUpEveryDays: 2, checkInAfterDays: 90, updatedAt: 'a' }
    app.profile = profile as unknown as BusinessProfile
    const Page = {
      setup: () => {
        useReloadOnChange(['profile'], () => app.load())
        return () => h(NMessageProvider, null, { default: () => h(PlannerSettingsForm) })
      },
    }
    const wrapper = mount(Page, { attachTo: document.body })
    await wrapper.find('#settings-warning-window').setValue('9')
    // Another desktop saved the planner settings: this one's page loads them again.
    api.app.info.mockResolvedValue({ hasProfile: true, hasSampleData: false })
    api.profile.get.mockResolvedValue({ ...profile, warningWindowDays: 4, followUpEveryDays: 6, updatedAt: 'b' })
    main.send({ kind: 'changed', areas: ['profile'] })
    await flushPromises()
    expect(api.profile.get).toHaveBeenCalledTimes(1)
    const value = (id: string) => (wrapper.find(`#${id}`).element as HTMLInputElement).value
    expect(value('settings-warning-window')).toBe('9')
    expect(value('settings-follow-up')).toBe('6')
    wrapper.unmount()
  })
})

describe('the shared database out of reach', () => {
  it('shows a quiet banner while it cannot be reached and hides it once back', async () => {
    const main = fakeSource()
    useLiveStore().start(main.source)
    const wrapper = mount(SharedDatabaseBanner)
    expect(wrapper.find('[data-testid="shared-database-banner"]').exists()).toBe(false)
    main.send({ kind: 'connection', connected: false })
    await flushPromises()
    expect(wrapper.find('[data-testid="shared-database-banner"]').text()).toContain(
      'The shared database cannot be reached; retrying…',
    )
    expect(wrapper.find('[role="status"]').exists()).toBe(true)
    main.send({ kind: 'connection', connected: true })
    await flushPromises()
    expect(wrapper.find('[data-testid="shared-database-banner"]').exists()).toBe(false)
    wrapper.unmount()
  })
})
