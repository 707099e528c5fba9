/**
 * The window's first reads: asked of main before the app's code has loaded and handed to the stores
 * asking the same, once; anything else asked of main first, or ten seconds gone, and they are asked
 * afresh. `window.api` is a stand-in counting the calls per channel.
 */
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Envelope } from '../../electron/shared/envelope'

type Answer = (input: unknown) => Promise<Envelope<unknown>>
const answers = new Map<string, Answer>()
const calls: Array<[string, unknown]> = []
const count = (channel: string) => calls.filter(([c]) => c === channel).length

beforeEach(() => {
  vi.resetModules()
  setActivePinia(createPinia())
  calls.length = 0
  answers.clear()
  const call = new Proxy({} as Record<string, Answer>, {
    get: (_t, channel: string) => (input: unknown) => {
      calls.push([channel, input])
      return answers.get(channel)?.(input) ?? Promise.resolve({ ok: true, data: { channel, n: count(channel) } })
    },
    ownKeys: () => [
      'app:info',
      'profile:get',
      'appearance:get',
      'clients:list',
      'clients:tags',
      'clients:get',
      'today:get',
      'reminders:get',
    ],
    getOwnPropertyDescriptor: () => ({ enumerable: true, configurable: true }),
  })
  Object.assign(window, { api: { call } })
})
afterEach(() => vi.useRealTimers())

/** The modules afresh, as a new window loads them. */
async function load() {
  const reads = await import('../../src/stores/start-reads')
  const { api } = await import('../../src/api')
  const { takeStartedRead, startedReads } = await import('../../src/api/start-reads')
  return { ...reads, api, takeStartedRead, startedReads }
}

describe('the page a window opens on', () => {
  it('is the path after #, without its query; none is the start page', async () => {
    const { openingPath } = await load()
    expect(openingPath('#/clients')).toBe('/clients')
    expect(openingPath('#/clients?tab=x')).toBe('/clients')
    expect(openingPath('')).toBe('/today')
    expect(openingPath('#/')).toBe('/today')
  })
})

describe('the first reads', () => {
  it('a window opening on the client list asks for the profile, the list and its tags at once, and the stores take those answers', async () => {
    const { startWindowReads } = await load()
    startWindowReads('#/clients')
    expect(calls.map(([c]) => c).sort()).toEqual(
      ['app:info', 'appearance:get', 'clients:list', 'clients:tags', 'profile:get'].sort(),
    )

    const { useAppStore } = await import('../../src/stores/app')
    const { useAppearanceStore } = await import('../../src/stores/appearance')
    const { useClientsStore } = await import('../../src/stores/clients')
    answers.set('clients:list', async () => ({ ok: true, data: { rows: [], total: 9, statusCounts: {} } }))
    const clients = useClientsStore()
    await Promise.all([useAppStore().load(), useAppearanceStore().load(), clients.fetchPage(), clients.fetchTags()])
    // Each asked once: the stores' own requests were the started ones (the list's query is the store's first).
    for (const channel of ['app:info', 'profile:get', 'appearance:get', 'clients:list', 'clients:tags'])
      expect(count(channel), channel).toBe(1)
    expect(calls.find(([c]) => c === 'clients:list')?.[1]).toEqual({
      search: '',
      statuses: [],
      tag: null,
      archived: false,
      sortBy: 'name',
      sortDir: 'asc',
      offset: 0,
      limit: 50,
    })
    expect(useAppStore().info).toEqual({ channel: 'app:info', n: 1 })

    // Taken once: the next page of the list, or the same again, is asked afresh.
    await clients.fetchPage()
    expect(count('clients:list')).toBe(2)
  })

  it('a window opening on Today asks for its reminders and its day; a page with an id only for the profile', async () => {
    let { startWindowReads } = await load()
    startWindowReads('')
    expect(calls.map(([c]) => c)).toEqual(['app:info', 'profile:get', 'appearance:get', 'reminders:get', 'today:get'])
    calls.length = 0
    vi.resetModules()
    ;({ startWindowReads } = await load())
    startWindowReads('#/turnarounds/12')
    expect(calls.map(([c]) => c)).toEqual(['app:info', 'profile:get', 'appearance:get'])
  })

  it('anything else asked of main first drops every read still waiting', async () => {
    const { startWindowReads, api, startedReads } = await load()
    startWindowReads('#/today')
    await api.app.info()
    expect(startedReads()).toBe(4)
    // A save, another page's read, or the same read with another input: the rest is asked afresh.
    await api.clients.get({ id: 1 })
    expect(startedReads()).toBe(0)
    await api.today.get()
    expect(count('today:get')).toBe(2)
  })

  it('an answer more than ten seconds old is asked afresh', async () => {
    vi.useFakeTimers({ toFake: ['performance'] })
    const { startWindowReads, api } = await load()
    startWindowReads('#/today')
    vi.advanceTimersByTime(10_001)
    await api.profile.get()
    expect(count('profile:get')).toBe(2)
  })

  it('a refusal reaches the store that takes it, and one nobody takes fails quietly', async () => {
    answers.set('today:get', async () => ({ ok: false, error: { code: 'INTERNAL', message: 'Nope.' } }))
    answers.set('reminders:get', () => Promise.reject(new Error('the window closed')))
    const unhandled = vi.fn()
    process.on('unhandledRejection', unhandled)
    try {
      const { startWindowReads, api } = await load()
      startWindowReads('#/today')
      await expect(api.today.get()).rejects.toMatchObject({ name: 'ApiError', message: 'Nope.' })
      await new Promise((r) => setTimeout(r, 10))
      expect(unhandled).not.toHaveBeenCalled()
    } finally {
      process.off('unhandledRejection', unhandled)
    }
  })
})
