import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { TableBlockData } from '../../electron/shared/letters/blocks'
import type {
  LetterDraft,
  LetterPage,
  LetterRecord,
  LetterTemplateView,
  RenderedPdf,
} from '../../electron/shared/letters/models'
import type { LetterKind, LetterTable, PageSize } from '../../electron/shared/letters/words'
import type { LetterConventions, LetterConventionsData } from '../../electron/shared/letters/conventions'
import { api } from '../api'
import type { TablePageSize } from '../../electron/shared/table-pages'

/** Letters: pages of those on record, the letter being written (edited only here, previewed and saved by main), and the templates. */
export const useLettersStore = defineStore('letters', () => {
  const draft = ref<LetterDraft | null>(null)
  const clientName = ref('')
  const tables = ref<Partial<Record<LetterTable, TableBlockData>>>({})
  const warnings = ref<string[]>([])
  const pdf = ref<RenderedPdf | null>(null)
  const saved = ref<LetterRecord | null>(null)
  const templates = ref<LetterTemplateView[]>([])
  /** The business letter conventions from Settings (null until loaded). */
  const conventions = ref<LetterConventions | null>(null)

  /** A page of the letters on record, newest first: all of them (clientId null), or one client's. */
  const listPage = (clientId: number | null, page: number, pageSize: TablePageSize): Promise<LetterPage> =>
    api.letters.list({ clientId, page, pageSize })

  function begin(result: {
    draft: LetterDraft
    clientName: string
    tables: Partial<Record<LetterTable, TableBlockData>>
    warnings: string[]
  }): void {
    draft.value = result.draft
    clientName.value = result.clientName
    tables.value = result.tables
    warnings.value = result.warnings
    pdf.value = null
    saved.value = null
  }

  async function start(input: {
    clientId: number
    kind: LetterKind
    turnaroundId?: number | null
    goodwill?: string
    endsOn?: string
  }): Promise<void> {
    begin(await api.letters.start(input))
  }

  async function startFrom(letterId: number): Promise<void> {
    begin(await api.letters.fromStored({ letterId }))
  }

  /** The exact PDF that "Save as PDF" would write, rendered by main. */
  async function preview(): Promise<RenderedPdf | null> {
    if (!draft.value) return null
    pdf.value = await api.letters.render({ draft: draft.value })
    return pdf.value
  }

  async function exportPdf(minutes: number): Promise<LetterRecord | null> {
    if (!draft.value) return null
    const result = await api.letters.export({ draft: draft.value, minutes })
    if (!result.saved) return null
    saved.value = result.letter
    return result.letter
  }

  const get = (id: number) => api.letters.get({ id })
  const renderStored = (id: number) => api.letters.renderStored({ id })
  const reexport = (id: number) => api.letters.reexport({ id })
  const openFile = (id: number) => api.letters.openFile({ id })

  async function loadTemplates(): Promise<void> {
    templates.value = await api.letterTemplates.list()
  }

  function replaceTemplate(view: LetterTemplateView): LetterTemplateView {
    templates.value = templates.value.map((t) => (t.kind === view.kind ? view : t))
    return view
  }

  const saveTemplate = async (kind: LetterKind, subject: string, body: string) =>
    replaceTemplate(await api.letterTemplates.save({ kind, subject, body }))
  const resetTemplate = async (kind: LetterKind) => replaceTemplate(await api.letterTemplates.reset({ kind }))

  /** A template's preview against a client: the letter it would start, as PDF. */
  async function previewTemplate(
    kind: LetterKind,
    subject: string,
    body: string,
    clientId: number,
  ): Promise<RenderedPdf> {
    const result = await api.letterTemplates.preview({ kind, subject, body, clientId })
    return api.letters.render({ draft: result.draft })
  }

  const savePageSize = (pageSize: PageSize) => api.letterSettings.save({ pageSize })

  async function loadConventions(): Promise<LetterConventions> {
    conventions.value = await api.letterConventions.get()
    return conventions.value
  }
  async function saveConventions(input: LetterConventionsData): Promise<LetterConventions> {
    conventions.value = await api.letterConventions.save(input)
    return conventions.value
  }
  /** The scanned signature: chosen with the open dialog (cancelling changes nothing), or removed. */
  async function signature(action: 'choose' | 'remove'): Promise<LetterConventions> {
    conventions.value = await api.letterConventions.signature({ action })
    return conventions.value
  }

  return {
    draft,
    clientName,
    tables,
    warnings,
    pdf,
    saved,
    templates,
    conventions,
    listPage,
    start,
    startFrom,
    preview,
    exportPdf,
    get,
    renderStored,
    reexport,
    openFile,
    loadTemplates,
    saveTemplate,
    resetTemplate,
    previewTemplate,
    savePageSize,
    loadConventions,
    saveConventions,
    signature,
  }
})
