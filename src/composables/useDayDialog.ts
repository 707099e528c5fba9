import { ref, watch } from 'vue'
import { localIsoDate } from '../../electron/shared/dates'
import { useSubmit } from './useSubmit'

/**
 * The form of a dialog that asks for the day something happened (DateDialog): each time it opens on
 * a thing, the day starts at today and the last errors are cleared. The submit is useSubmit's.
 */
export function useDayDialog(thing: () => unknown) {
  const form = useSubmit()
  const day = ref<string | null>(null)
  watch(
    thing,
    (t) => {
      if (!t) return
      day.value = localIsoDate(new Date())
      form.errors.value = {}
    },
    { immediate: true },
  )
  return { day, ...form }
}
