/**
 * Long lists are drawn a page at a time: the Turnarounds page (useTablePages), where years of closed
 * turnarounds under "All" are thousands of rows, which the table took seconds to draw at once, and
 * the letters on record (useLetterPages), which main reads a page at a time. Both lists come from a
 * fake api.
 */
import { flushPromises, mount } from '@vue/test-utils'
import { NDialogProvider, NMessageProvider } from 'naive-ui'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, ref } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { LetterEmailLatest } from '../../electron/shared/email/models'
import type { LetterPage, LetterSummary } from '../../electron/shared/letters/models'
import type { TurnaroundSummary } from '../../electron/shared/turnarounds/models'
import ClientLetters from '../../src/components/letters/ClientLetters.vue'
import { ApiError } from '../../src/errors'
import LettersView from '../../src/views/LettersView.vue'
import TurnaroundsView from '../../src/views/TurnaroundsView.vue'
import { useTablePages } from '../../src/composables/useTablePages'

const api = vi.hoisted(() => ({
  turnarounds: { list: vi.fn() },
  letters: { list: vi.fn() },
  letterEmail: { latest: vi.fn(async (_input: { letterIds: number[] }): Promise<LetterEmailLatest[]> => []) },
}))
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
async function openPage(page: object = TurnaroundsView, props: Record<string, unknown> = {}): Promise<void> {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/:any(.*)*', component: { render: () => null } }],
  })
  wrapper = mount(
    defineComponent({ setup: () => () => h(NDialogProvider, () => h(NMessageProvider, () => h(page, props))) }),
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
  api.letterEmail.latest.mockImplementation(async () => [])
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

/** Letter `n` of `total`, newest first: the letters main would list on its pages. */
const letter = (n: number): LetterSummary => ({
  id: 10_000 - n,
  clientId: 1,
  clientName: `Client ${String(n).padStart(4, '0')}`,
  turnaroundId: null,
  kind: 'check_in',
  date: '2026-11-22',
  subject: `Letter ${n}`,
  filePath: `/letters/${n}.pdf`,
  contentHash: '',
  exportedAt: '2026-11-22T09:30:00Z',
  isSample: false,
})
/** Main's answer for `total` letters: the page asked for, or the last there is; `anyEmailed` when one was. */
function lettersOnRecord(total: number, anyEmailed = false) {
  return async ({ page, pageSize }: { page: number; pageSize: number }): Promise<LetterPage> => {
    const shown = Math.min(page, Math.max(1, Math.ceil(total / pageSize)))
    const first = (shown - 1) * pageSize + 1
    const count = Math.max(0, Math.min(pageSize, total - first + 1))
    return { rows: Array.from({ length: count }, (_, i) => letter(first + i)), total, page: shown, anyEmailed }
  }
}
const shownLetters = () =>
  [...document.querySelectorAll('.letters-table tbody tr td:nth-child(2)')].map((td) => td.textContent?.trim())

describe('the Letters page', () => {
  it('asks main for one page of 50 at a time, and reaches the last of 1,234 letters', async () => {
    api.letters.list.mockImplementation(lettersOnRecord(1234))
    await openPage(LettersView)
    expect(api.letters.list).toHaveBeenLastCalledWith({ clientId: null, page: 1, pageSize: 50 })
    expect(shownLetters()).toHaveLength(50)
    expect(shownLetters()[0]).toBe('Client 0001')
    // The pager counts every letter on record: 25 pages of 50, the last holding 34.
    expect(document.querySelector('.letters-table .n-pagination')?.textContent).toContain('25')
    await goToPage(25)
    expect(api.letters.list).toHaveBeenLastCalledWith({ clientId: null, page: 25, pageSize: 50 })
    expect(shownLetters()).toHaveLength(34)
    expect(shownLetters().at(-1)).toBe('Client 1234')
    // The emailed tags are asked for the letters shown, not every letter on record.
    expect(api.letterEmail.latest).toHaveBeenLastCalledWith({
      letterIds: shownLetters().map((_, i) => 10_000 - 1201 - i),
    })
  })

  it('stays on the page it shows when another cannot be read, and says why', async () => {
    const onRecord = lettersOnRecord(1234)
    api.letters.list.mockImplementation(onRecord)
    await openPage(LettersView)
    api.letters.list.mockRejectedValueOnce(
      new ApiError({ code: 'INTERNAL', message: 'The database could not be read. Nothing was changed.' }),
    )
    await goToPage(3)
    expect(api.letters.list).toHaveBeenLastCalledWith({ clientId: null, page: 3, pageSize: 50 })
    expect(document.body.textContent).toContain('The database could not be read. Nothing was changed.')
    expect(shownLetters()[0]).toBe('Client 0001')
    expect(document.querySelector('.letters-table .n-pagination-item--active')?.textContent?.trim()).toBe('1')
    // The next page asked for is read as usual.
    await goToPage(2)
    expect(shownLetters()[0]).toBe('Client 0051')
  })

  it('shows the Email column on every page when an older letter than page 1’s was sent by email', async () => {
    // Letter 60 of 120 (on page 2) was sent by email; none on page 1 was.
    const sent: LetterEmailLatest = {
      letterId: 10_000 - 60,
      sentAt: '2026-11-22T09:30:00Z',
      to: ['a@b.example'],
      times: 1,
    }
    api.letters.list.mockImplementation(lettersOnRecord(120, true))
    api.letterEmail.latest.mockImplementation(async ({ letterIds }) =>
      letterIds.includes(sent.letterId) ? [sent] : [],
    )
    const headings = () => [...document.querySelectorAll('.letters-table thead th')].map((th) => th.textContent?.trim())
    const tags = () => document.querySelectorAll('.letters-table [data-testid="letter-emailed"]')
    await openPage(LettersView)
    expect(shownLetters()[0]).toBe('Client 0001')
    expect(headings()).toContain('Email')
    expect(tags()).toHaveLength(0)
    await goToPage(2)
    expect(shownLetters()[0]).toBe('Client 0051')
    expect(headings()).toContain('Email')
    expect(tags()).toHaveLength(1)
    await goToPage(3)
    expect(headings()).toContain('Email')
  })

  it('shows no Email column when no letter of the list was sent by email', async () => {
    api.letters.list.mockImplementation(lettersOnRecord(80))
    await openPage(LettersView)
    expect([...document.querySelectorAll('.letters-table thead th')].map((th) => th.textContent?.trim())).not.toContain(
      'Email',
    )
  })

  it('asks for the client’s own letters on its tab', async () => {
    api.letters.list.mockImplementation(lettersOnRecord(80))
    await openPage(ClientLetters, { clientId: 7 })
    expect(api.letters.list).toHaveBeenLastCalledWith({ clientId: 7, page: 1, pageSize: 50 })
    expect(shownLetters()).toHaveLength(50)
  })

  it('shows a few letters whole with no pager, and says so when there are none', async () => {
    api.letters.list.mockImplementation(lettersOnRecord(12))
    await openPage(LettersView)
    expect(shownLetters()).toHaveLength(12)
    expect(document.querySelector('.letters-table .n-pagination')).toBeNull()
    wrapper?.unmount()
    api.letters.list.mockImplementation(lettersOnRecord(0))
    await openPage(LettersView)
    expect(document.querySelector('.letters-table')).toBeNull()
    expect(document.body.textContent).toContain('No letters yet')
  })
})
