import { onBeforeUnmount, onMounted } from 'vue'
import type { MenuCommand } from '../../electron/shared/words'
import { onMenuCommand } from '../api'
import { useAppearanceStore } from '../stores/appearance'

/**
 * Ctrl+= (or Ctrl++), Ctrl+- and Ctrl+0 zoom the window in steps, remembered between runs; the View
 * menu's items send the same commands. Works on every screen, the welcome screen too.
 */
export function useZoomKeys(): void {
  const appearance = useAppearanceStore()
  const run = (command: MenuCommand): void => {
    if (command === 'zoom-in') void appearance.zoomIn()
    else if (command === 'zoom-out') void appearance.zoomOut()
    else if (command === 'zoom-reset') void appearance.zoomReset()
  }
  function onKeydown(event: KeyboardEvent): void {
    if (!(event.ctrlKey || event.metaKey) || event.altKey) return
    const command: MenuCommand | undefined =
      event.key === '=' || event.key === '+'
        ? 'zoom-in'
        : event.key === '-'
          ? 'zoom-out'
          : event.key === '0'
            ? 'zoom-reset'
            : undefined
    if (!command) return
    event.preventDefault()
    run(command)
  }
  let unsubscribe: (() => void) | undefined
  onMounted(() => {
    window.addEventListener('keydown', onKeydown)
    unsubscribe = onMenuCommand(run)
  })
  onBeforeUnmount(() => {
    window.removeEventListener('keydown', onKeydown)
    unsubscribe?.()
  })
}
