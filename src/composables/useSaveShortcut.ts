import { onBeforeUnmount, onMounted } from 'vue'

/**
 * Ctrl+S (Cmd+S on macOS) saves the form that is open. Forms register while mounted; only the most
 * recently opened one answers, so a dialog opened over a drawer saves the dialog, never both. A form
 * that stays mounted while hidden (a dialog kept in its page) passes `active` and answers only while
 * it is shown.
 */
interface Entry {
  save: () => void
  active: () => boolean
}
const open: Entry[] = []

function onKeydown(event: KeyboardEvent): void {
  if (!(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== 's') return
  const entry = open.findLast((e) => e.active())
  if (!entry) return
  event.preventDefault()
  entry.save()
}

export function useSaveShortcut(save: () => void, active: () => boolean = () => true): void {
  const entry: Entry = { save, active }
  onMounted(() => {
    if (open.length === 0) window.addEventListener('keydown', onKeydown)
    open.push(entry)
  })
  onBeforeUnmount(() => {
    const at = open.lastIndexOf(entry)
    if (at >= 0) open.splice(at, 1)
    if (open.length === 0) window.removeEventListener('keydown', onKeydown)
  })
}
