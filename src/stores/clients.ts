import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { Client, ClientPage } from '../../electron/shared/models'
import type { ClientInputData } from '../../electron/shared/schemas'
import type { ClientSortKey } from '../../electron/shared/words'
import { api } from '../api'
import { firstListView, listQuery } from './client-list-query'

/** The client register: the current page of the list and its query, and the client being viewed. */
export const useClientsStore = defineStore('clients', () => {
  const first = firstListView()
  const filters = ref(first.filters)
  const sortBy = ref<ClientSortKey>(first.sortBy)
  const sortDir = ref<'asc' | 'desc'>(first.sortDir)
  const page = ref(first.page)
  const pageSize = ref(first.pageSize)
  const result = ref<ClientPage>({ rows: [], total: 0, statusCounts: {} })
  const loading = ref(false)
  const tags = ref<string[]>([])
  const current = ref<Client | null>(null)
  let latestRequest = 0

  async function fetchPage(): Promise<void> {
    const request = ++latestRequest
    loading.value = true
    try {
      const next = await api.clients.list(
        listQuery({
          filters: filters.value,
          sortBy: sortBy.value,
          sortDir: sortDir.value,
          page: page.value,
          pageSize: pageSize.value,
        }),
      )
      // A slower, older answer never overwrites a newer one while the user types.
      if (request === latestRequest) result.value = next
    } finally {
      if (request === latestRequest) loading.value = false
    }
  }

  async function fetchTags(): Promise<void> {
    tags.value = await api.clients.tags()
  }

  async function open(id: number): Promise<Client> {
    current.value = await api.clients.get({ id })
    return current.value
  }

  async function afterWrite(client: Client): Promise<Client> {
    if (current.value?.id === client.id) current.value = client
    await Promise.all([fetchPage(), fetchTags()])
    return client
  }

  const create = async (input: ClientInputData) => afterWrite(await api.clients.create(input))
  /** `version`: the one the form opened on; a save over someone else's later change is refused (CONFLICT). */
  const update = async (id: number, input: ClientInputData, version?: number) =>
    afterWrite(await api.clients.update({ id, client: input, ...(version === undefined ? {} : { version }) }))
  /** The client as saved now, without touching the open one (to compare with a refused edit). */
  const saved = (id: number): Promise<Client> => api.clients.get({ id })
  const archive = async (id: number) => afterWrite(await api.clients.archive({ id }))
  const restore = async (id: number) => afterWrite(await api.clients.restore({ id }))

  /** Active clients matching a few typed letters, for pickers. */
  async function search(term: string): Promise<Array<{ id: number; name: string }>> {
    const page = await api.clients.list({ search: term, limit: 20 })
    return page.rows.map((r) => ({ id: r.id, name: r.company ? `${r.name} (${r.company})` : r.name }))
  }

  /** A picker's label for one client, e.g. one chosen before the picker opened. */
  async function pickerEntry(id: number): Promise<{ id: number; name: string }> {
    const c = await api.clients.get({ id })
    return { id: c.id, name: c.company ? `${c.name} (${c.company})` : c.name }
  }

  return {
    search,
    pickerEntry,
    filters,
    sortBy,
    sortDir,
    page,
    pageSize,
    result,
    loading,
    tags,
    current,
    fetchPage,
    fetchTags,
    open,
    create,
    update,
    saved,
    archive,
    restore,
  }
})
