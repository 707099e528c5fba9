/**
 * The letters on record, a page at a time from main (newest first): all of them, or one client's.
 * Main reads only the page shown, so ten thousand letters open as fast as fifty, and every one of
 * them can be reached. A page past the end (letters removed meanwhile) comes back as the last page
 * there is; a slower, older answer never overwrites a newer one. A page that cannot be read is said
 * in a message, and the list stays on the page it showed.
 */
import { useMessage } from 'naive-ui'
import { ref } from 'vue'
import type { LetterPage } from '../../electron/shared/letters/models'
import { isTablePageSize, type TablePageSize } from '../../electron/shared/table-pages'
import { messageOf } from '../errors'
import { useLettersStore } from '../stores/letters'

export function useLetterPages(clientId: number | null) {
  const store = useLettersStore()
  const message = useMessage()
  const result = ref<LetterPage>({ rows: [], total: 0, page: 1, anyEmailed: false })
  /** The page and size asked for (the pager shows these while their rows are on the way). */
  const page = ref(1)
  const pageSize = ref<TablePageSize>(50)
  /** True until the first page is in, and while another is on its way. */
  const loading = ref(true)
  /** The first page has been read (an empty list is known to be empty). */
  const loaded = ref(false)
  /** The page and size of the rows shown: where the list goes back to when a read fails. */
  let shown = { page: 1, pageSize: 50 as TablePageSize }
  let latest = 0

  async function reload(): Promise<void> {
    const request = ++latest
    loading.value = true
    try {
      const next = await store.listPage(clientId, page.value, pageSize.value)
      if (request !== latest) return
      result.value = next
      page.value = next.page
      shown = { page: next.page, pageSize: pageSize.value }
      loaded.value = true
    } catch (error) {
      if (request !== latest) return
      page.value = shown.page
      pageSize.value = shown.pageSize
      message.error(messageOf(error))
    } finally {
      if (request === latest) loading.value = false
    }
  }

  return {
    result,
    page,
    pageSize,
    loading,
    loaded,
    reload,
    setPage: (p: number) => {
      page.value = p
      return reload()
    },
    setPageSize: (size: number) => {
      if (!isTablePageSize(size)) return Promise.resolve()
      pageSize.value = size
      page.value = 1
      return reload()
    },
  }
}

export type LetterPages = ReturnType<typeof useLetterPages>
