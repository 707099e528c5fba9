/**
 * Long lists are drawn a page at a time (useTablePages): the Turnarounds page, where years of closed
 * turnarounds under "All" are thousands of rows, which the table took seconds to draw at once, and
 * the letters on record. The Turnarounds page's list comes from a fake api.
 */
import { flushPromises, mount } from '@vue/test-utils'
import { NDialogProvider, NMessageProvider } from 'naive-ui'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, ref } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { TurnaroundSummary } from '../../electron/shared/turnarounds/models'
import TurnaroundsView from '../../src/views/TurnaroundsView.vue'
import { useTablePages } from '../../src/composables/useTablePages'

const api = vi.hoisted(() => ({ turnarounds: { list: vi.fn() } }))
vi.mock('../../src/api', () => ({ api, onLive: () => () => {} }))

const row = (id: number): TurnaroundSummary => ({
  id,
  clientId: id,
  clientName: `Client ${String(id).padStart(4, '0')}`,
  openedOn: '2026-01-05',
  owner: 'Jo',
  stage: 'closed_recovered',
  nextFollowUpOn: null,
  closedOn: '2026-03-01',
  outcome: 'recovered',
  checkInDueOn: null,
  openIssues: 0,
  commitmentsAtRisk: 0,
  commitmentsOverdue: 0,
})
const rows = (n: number) => Array.from({ length: n }, (_, i) => row(i + 1))

let wrapper: ReturnType<typeof mount> | undefined
async function openPage(): Promise<void> {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/:any(.*)*', component: { render: () => null } }],
  })
  wrapper = mount(
    defineComponent({ setup: () => () => h(NDialogProvider, () => h(NMessageProvider, () => h(TurnaroundsView))) }),
    {
      attachTo: document.body,
      global: { plugins: [router] },
    },
  )
  await flushPromises()
}
const shownClients = () =>
  [...document.querySelectorAll('.turnarounds-table tbody tr td:first-child')].map((td) => td.textContent?.trim())
const pager = () => document.querySelector('.turnarounds-table .n-pagination')
async function choose(label: string): Promise<void> {
  const radio = [...document.querySelectorAll('.n-radio-button')].find((r) => r.textContent?.trim() === label)
  ;(radio?.querySelector('input') as HTMLInputElement).click()
  await flushPromises()
}
async function goToPage(n: number): Promise<void> {
  const item = [...document.querySelectorAll('.n-pagination-item')].find((i) => i.textContent?.trim() === String(n))
  ;(item as HTMLElement).click()
  await flushPromises()
}

beforeEach(() => {
  setActivePinia(createPinia())
  vi.clearAllMocks()
})
afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
})

describe('the Turnarounds page', () => {
  it('draws 50 rows of a long list at a time, pages through it, and starts again on page 1 for another filter', async () => {
    api.turnarounds.list.mockResolvedValue(rows(120))
    await openPage()
    expect(shownClients()).toHaveLength(50)
    expect(shownClients()[0]).toBe('Client 0001')
    expect(pager()).not.toBeNull()
    await goToPage(3)
    expect(shownClients()).toHaveLength(20)
    expect(shownClients()[0]).toBe('Client 0101')
    // Another filter: the list comes again and is shown from its first page.
    api.turnarounds.list.mockResolvedValue(rows(80))
    await choose('All')
    expect(api.turnarounds.list).toHaveBeenLastCalledWith({ state: 'all' })
    expect(shownClients()).toHaveLength(50)
    expect(shownClients()[0]).toBe('Client 0001')
  })

  it('shows a short list whole, with no pager', async () => {
    api.turnarounds.list.mockResolvedValue(rows(12))
    await openPage()
    expect(shownClients()).toHaveLength(12)
    expect(pager()).toBeNull()
  })
})

describe('a list a page at a time', () => {
  it('pages once the list passes the smallest page, keeps its page inside a shorter list, and starts again when asked', () => {
    const rows = ref<number[]>(Array.from({ length: 120 }, (_, i) => i))
    const pages = useTablePages(rows)
    expect(pages.pagination.value).toMatchObject({ page: 1, pageSize: 50, pageSizes: [25, 50, 100] })
    pages.setPage(3)
    expect(pages.pagination.value).toMatchObject({ page: 3 })
    // A reload with fewer rows: the page shown is the last one there is.
    rows.value = rows.value.slice(0, 60)
    return Promise.resolve().then(() => {
      expect(pages.pagination.value).toMatchObject({ page: 2 })
      pages.setPageSize(25)
      expect(pages.pagination.value).toMatchObject({ page: 1, pageSize: 25 })
      pages.setPage(2)
      pages.firstPage()
      expect(pages.pagination.value).toMatchObject({ page: 1 })
      rows.value = rows.value.slice(0, 25)
      expect(pages.pagination.value).toBe(false)
    })
  })
})
