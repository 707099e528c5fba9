/**
 * A form's side of two people editing one record. The form remembers the version it opened on;
 * a save over someone else's later change is refused by main (CONFLICT), and then the record as
 * the database holds it now is fetched and shown beside what was typed (only the fields that
 * differ). Nothing typed is lost until the user chooses: "Use the saved version" puts the saved
 * values in the form; "Keep mine and save it" saves the form over the new version.
 */
import { computed, ref, type Ref } from 'vue'
import { ApiError } from '../errors'
import { differingFields, type DiffFields, type DiffRow } from '../record-diff'

export interface RecordConflictView {
  /** The refusal (who changed it and when); null while there is no conflict. */
  readonly message: Ref<string | null>
  readonly rows: Ref<DiffRow[]>
  takeSaved(): void
  keepMine(): void
}

export function useRecordConflict<F extends object, R extends { version: number }>(options: {
  form: Ref<F>
  fields: DiffFields<F>
  /** The record as the database holds it now. */
  fetchSaved: () => Promise<R>
  /** A record's values as the form holds them. */
  toForm: (record: R) => F
  /** What a save would send, when the form holds more (fields its choices hide); else the form. */
  mine?: () => F
  /** Saves the form again (with the version the conflict moved it to). */
  save: () => unknown
  /** After the saved values were put in the form (e.g. to forget the form was changed). */
  afterTakeSaved?: () => void
}): RecordConflictView & {
  /** The record as last known: as the form opened on it, or as saved since (its authors are shown). */
  latest: Ref<R | null>
  /** The form opened on this record (null: a new one): remembers its version, forgets any conflict. */
  opened(record: R | null | undefined): void
  /** The version a save names: the one the form opened on or last chose. */
  version(): number | undefined
  /** True when the error was a refused stale save, now shown beside the form. */
  refused(error: unknown): Promise<boolean>
} {
  const saved = ref<R | null>(null) as Ref<R | null>
  const message = ref<string | null>(null)
  const latest = ref<R | null>(null) as Ref<R | null>
  let version: number | undefined

  const rows = computed(() =>
    saved.value
      ? differingFields(options.fields, options.toForm(saved.value), options.mine?.() ?? options.form.value)
      : [],
  )
  const clear = () => {
    saved.value = null
    message.value = null
  }
  /** Moves the form onto the saved version: a save now overwrites that one, not an older one. */
  function adopt(): R | null {
    const record = saved.value
    if (record) version = record.version
    clear()
    return record
  }

  return {
    message,
    rows,
    latest,
    opened(record) {
      latest.value = record ?? null
      version = record?.version
      clear()
    },
    version: () => version,
    async refused(error) {
      if (!(error instanceof ApiError && error.code === 'CONFLICT')) return false
      try {
        saved.value = latest.value = await options.fetchSaved()
      } catch {
        // Deleted or out of reach meanwhile: the refusal is said as a message instead.
        return false
      }
      message.value = error.message
      return true
    },
    takeSaved() {
      const record = adopt()
      if (!record) return
      options.form.value = options.toForm(record)
      options.afterTakeSaved?.()
    },
    keepMine() {
      if (adopt()) void options.save()
    },
  }
}
