import { onBeforeUnmount, onMounted } from 'vue'

/**
 * Ctrl+S (Cmd+S on macOS) saves the form that is open. Forms register while mounted; only the most
 * recently opened one answers, so a dialog opened over a drawer saves the dialog, never both.
 */
const open: Array<() => void> = []

function onKeydown(event: KeyboardEvent): void {
  if (!(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== 's') return
  const save = open.at(-1)
  if (!save) return
  event.preventDefault()
  save()
}

export function useSaveShortcut(save: () => void): void {
  onMounted(() => {
    if (open.length === 0) window.addEventListener('keydown', onKeydown)
    open.push(save)
  })
  onBeforeUnmount(() => {
    const at = open.lastIndexOf(save)
    if (at >= 0) open.splice(at, 1)
    if (open.length === 0) window.removeEventListener('keydown', onKeydown)
  })
}
