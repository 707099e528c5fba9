/** The client list's query as the register asks it, and the one it opens with (no Vue here: the window's first script reads it). */
import type { ClientListQueryData } from '../../electron/shared/schemas'
import type { ClientSortKey, ClientStatus } from '../../electron/shared/words'

export interface ClientFilters {
  search: string
  statuses: ClientStatus[]
  tag: string | null
  archived: boolean
}

export interface ClientListView {
  filters: ClientFilters
  sortBy: ClientSortKey
  sortDir: 'asc' | 'desc'
  page: number
  pageSize: number
}

/** The register's first view: every current client by name, the first 50. */
export const firstListView = (): ClientListView => ({
  filters: { search: '', statuses: [], tag: null, archived: false },
  sortBy: 'name',
  sortDir: 'asc',
  page: 1,
  pageSize: 50,
})

/** The query for a view of the list. */
export function listQuery(view: ClientListView): ClientListQueryData {
  return {
    ...view.filters,
    sortBy: view.sortBy,
    sortDir: view.sortDir,
    offset: (view.page - 1) * view.pageSize,
    limit: view.pageSize,
  }
}
