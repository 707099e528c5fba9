import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { EntryKind } from '../../electron/shared/ledger/words'
import type { BadRowPolicy, DateFormat, TargetField } from '../../electron/shared/ledger-import/fields'
import type { ChosenImportFile, ImportPreview, ImportResult } from '../../electron/shared/ledger-import/models'
import {
  PRESETS,
  resolvePreset,
  type FieldColumns,
  type MappingSource,
} from '../../electron/shared/ledger-import/presets'
import type { ImportProgress } from '../../electron/shared/ledger-import/progress'
import { ApiError, messageOf } from '../errors'
import { api, onImportProgress } from '../api'

export type ImportStep = 'choose' | 'map' | 'preview' | 'import'

/** The ledger import, one step at a time: the chosen file, its column mapping, the preview, the run and its result. */
export const useLedgerImportStore = defineStore('ledger-import', () => {
  const step = ref<ImportStep>('choose')
  const file = ref<ChosenImportFile | null>(null)
  const source = ref<MappingSource>('generic')
  const fields = ref<FieldColumns>({})
  const kind = ref<EntryKind | null>(null)
  const dateFormat = ref<DateFormat>('YYYY-MM-DD')
  const createClients = ref(false)
  const preview = ref<ImportPreview | null>(null)
  const running = ref(false)
  const cancelling = ref(false)
  const progress = ref<ImportProgress | null>(null)
  const result = ref<ImportResult | null>(null)
  const busy = ref(false)
  const error = ref<{ message: string; field?: string } | null>(null)

  const mapping = computed(() => ({
    source: source.value,
    fields: { ...fields.value },
    kind: kind.value,
    dateFormat: dateFormat.value,
    createClients: createClients.value,
  }))
  const previewProblems = computed(() => preview.value?.rows.filter((r) => r.problem !== null).length ?? 0)

  function fail(e: unknown): void {
    error.value =
      e instanceof ApiError ? { message: e.message, ...(e.field ? { field: e.field } : {}) } : { message: messageOf(e) }
  }

  function usePreset(id: MappingSource): void {
    source.value = id
    if (id === 'custom' || !file.value) return
    const preset = PRESETS[id]
    fields.value = resolvePreset(preset, file.value.headers)
    kind.value = preset.kind
    dateFormat.value = preset.dateFormat
  }

  function setField(field: TargetField, columns: string[]): void {
    fields.value = { ...fields.value, [field]: columns }
  }

  async function chooseFile(): Promise<void> {
    error.value = null
    busy.value = true
    try {
      const chosen = await api.ledgerImport.chooseFile()
      if (!chosen) return
      file.value = chosen
      preview.value = null
      result.value = null
      progress.value = null
      if (chosen.suggestedPreset) usePreset(chosen.suggestedPreset)
      else {
        source.value = 'custom'
        fields.value = {}
        kind.value = null
      }
      step.value = 'map'
    } catch (e) {
      fail(e)
    } finally {
      busy.value = false
    }
  }

  async function loadPreview(): Promise<void> {
    if (!file.value) return
    error.value = null
    busy.value = true
    try {
      preview.value = await api.ledgerImport.preview({ token: file.value.token, mapping: mapping.value })
      step.value = 'preview'
    } catch (e) {
      fail(e)
    } finally {
      busy.value = false
    }
  }

  async function run(policy: BadRowPolicy = 'stop'): Promise<void> {
    if (!file.value) return
    error.value = null
    result.value = null
    progress.value = null
    running.value = true
    cancelling.value = false
    step.value = 'import'
    const token = file.value.token
    const off = onImportProgress((p) => {
      if (p.token === token) progress.value = p
    })
    try {
      result.value = await api.ledgerImport.run({ token, mapping: mapping.value, badRows: policy })
    } catch (e) {
      fail(e)
    } finally {
      off()
      running.value = false
      cancelling.value = false
    }
  }

  async function cancel(): Promise<void> {
    if (!file.value || !running.value) return
    cancelling.value = true
    try {
      await api.ledgerImport.cancel({ token: file.value.token })
    } catch (e) {
      fail(e)
    }
  }

  function goTo(target: ImportStep): void {
    error.value = null
    step.value = target
  }

  function reset(): void {
    step.value = 'choose'
    file.value = null
    preview.value = null
    result.value = null
    progress.value = null
    error.value = null
    createClients.value = false
  }

  return {
    step,
    file,
    source,
    fields,
    kind,
    dateFormat,
    createClients,
    preview,
    previewProblems,
    running,
    cancelling,
    progress,
    result,
    busy,
    error,
    mapping,
    usePreset,
    setField,
    chooseFile,
    loadPreview,
    run,
    cancel,
    goTo,
    reset,
  }
})
