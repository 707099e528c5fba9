/**
 * A form's own copy of values main holds, which never overwrites what the user is editing.
 *
 * The copy remembers the values it last received (the snapshot). A field is edited when it differs
 * from that snapshot. An answer (a load, or a save's reply) replaces only the fields the user has
 * not edited since; an answer to a request older than one already taken in is dropped, so a slow
 * load can never undo a save. A save's reply is compared with what was shown when saving: the form
 * then shows exactly what was saved, plus whatever the user typed while it was on its way.
 */
import { computed, ref, type Ref } from 'vue'

const same = (a: unknown, b: unknown): boolean =>
  Object.is(a, b) || (typeof a === 'object' && typeof b === 'object' && JSON.stringify(a) === JSON.stringify(b))

const copyOf = <T extends object>(value: T): T => ({ ...value })

export function useEditableCopy<T extends object>(initial: T) {
  const form = ref(copyOf(initial)) as Ref<T>
  const snapshot = ref(copyOf(initial)) as Ref<T>
  let issued = 0
  let taken = 0
  /** What was shown when the save on its way was sent. */
  let sending: T | null = null

  const keys = () => Object.keys(snapshot.value) as (keyof T)[]
  const isEdited = (key: keyof T) => !same(form.value[key], snapshot.value[key])
  const dirty = computed(() => keys().some(isEdited))

  /**
   * Takes in values main holds (also pushed from a store); fields that differ from `shownThen` (what
   * was shown when the save on its way was sent, else the snapshot) are the user's and stay.
   */
  function receive(answer: T, shownThen: T = sending ?? snapshot.value): void {
    const next = copyOf(form.value)
    for (const key of Object.keys(answer) as (keyof T)[])
      if (same(form.value[key], shownThen[key])) next[key] = answer[key]
    form.value = next
    snapshot.value = copyOf(answer)
    taken = ++issued
  }

  /** Replaces everything, for when the user asks for it (another record chosen, reset). */
  function reset(values: T): void {
    form.value = copyOf(values)
    snapshot.value = copyOf(values)
  }

  /** Reads the values from main; fields edited meanwhile stay as typed. */
  async function load(read: () => Promise<T>): Promise<void> {
    const ticket = ++issued
    const answer = await read()
    if (ticket > taken) receive(answer)
  }

  /**
   * Sends what is shown; `send` answers the values main saved, or null when nothing was saved
   * (the form was refused). Edits made while the save was on its way are kept.
   */
  async function save<R>(send: (shown: T) => Promise<R | null>, valuesOf: (saved: R) => T): Promise<R | null> {
    const ticket = ++issued
    const shown = copyOf(form.value)
    sending = shown
    let saved: R | null
    try {
      saved = await send(shown)
    } finally {
      sending = null
    }
    if (saved !== null && ticket > taken) receive(valuesOf(saved), shown)
    return saved
  }

  return { form, snapshot, dirty, isEdited, receive, reset, load, save }
}
