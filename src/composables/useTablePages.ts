/**
 * A long list drawn by Naive's data table a page at a time: thousands of rows took the table seconds
 * to draw at once (5,000 turnarounds: about 6 s), a page of 50 draws in a moment. No pager while the
 * list fits in the smallest page. A shorter list (a reload after a change) keeps the page shown
 * inside it; `firstPage` starts again from the top (another filter).
 */
import { computed, ref, watch, type Ref } from 'vue'

const PAGE_SIZES = [25, 50, 100]

export function useTablePages(rows: Ref<readonly unknown[]>) {
  const page = ref(1)
  const pageSize = ref(50)
  const pagination = computed(() =>
    rows.value.length > PAGE_SIZES[0]!
      ? { page: page.value, pageSize: pageSize.value, pageSizes: PAGE_SIZES, showSizePicker: true }
      : false,
  )
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
