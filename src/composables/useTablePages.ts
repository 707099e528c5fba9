/**
 * A long list drawn by Naive's data table a page at a time: thousands of rows took the table seconds
 * to draw at once (5,000 turnarounds: about 6 s), a page of 50 draws in a moment. No pager while the
 * list fits in the smallest page. A shorter list (a reload after a change) keeps the page shown
 * inside it; `firstPage` starts again from the top (another filter).
 */
import type { PaginationProps } from 'naive-ui'
import { computed, ref, watch, type Ref } from 'vue'
import { TABLE_PAGE_SIZES } from '../../electron/shared/table-pages'

/** The sizes the pager offers (Naive takes a list of its own, not the shared read-only one). */
const PAGE_SIZE_CHOICES: number[] = [...TABLE_PAGE_SIZES]

/**
 * Naive's pager for a table of `count` rows showing `page` in pages of `pageSize`, or none (false)
 * while the rows fit in the smallest page. A remote table (main reads only the page shown) also tells
 * the pager how many rows there are in all; a local one hands the pager every row and it counts them.
 */
export function tablePagination(
  count: number,
  page: number,
  pageSize: number,
  { remote = false }: { remote?: boolean } = {},
): PaginationProps | false {
  if (count <= TABLE_PAGE_SIZES[0]) return false
  return {
    page,
    pageSize,
    ...(remote ? { itemCount: count } : {}),
    pageSizes: PAGE_SIZE_CHOICES,
    showSizePicker: true,
  }
}

export function useTablePages(rows: Ref<readonly unknown[]>) {
  const page = ref(1)
  const pageSize = ref(50)
  const pagination = computed(() => tablePagination(rows.value.length, page.value, pageSize.value))
  watch(rows, (list) => {
    page.value = Math.min(page.value, Math.max(1, Math.ceil(list.length / pageSize.value)))
  })
  return {
    pagination,
    setPage: (p: number) => void (page.value = p),
    setPageSize: (size: number) => {
      pageSize.value = size
      page.value = 1
    },
    firstPage: () => void (page.value = 1),
  }
}
