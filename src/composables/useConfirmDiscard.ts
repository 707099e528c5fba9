/**
 * Asks before a form throws away what was typed, in the same words everywhere ("Discard" /
 * "Keep editing"). A form takes a snapshot when it opens; Esc, the close button and Cancel then
 * close it at once when nothing changed, and ask first when something did.
 */
import { useDialog } from 'naive-ui'

export function useConfirmDiscard(value: () => unknown) {
  const dialog = useDialog()
  let opened = JSON.stringify(value())
  let asking = false

  /** Remembers the form as it opened: changes are counted from here. */
  const snapshot = (): void => {
    opened = JSON.stringify(value())
  }
  const changed = (): boolean => JSON.stringify(value()) !== opened

  /** Closes the form: at once when nothing was typed, else once the owner agrees to lose it. */
  function close(discard: () => void): void {
    if (!changed()) return discard()
    if (asking) return
    asking = true
    dialog.warning({
      title: 'Discard what you typed?',
      content: 'It has not been saved.',
      positiveText: 'Discard',
      negativeText: 'Keep editing',
      // Returns nothing: a `false` from the form's close would keep this question open.
      onPositiveClick: () => {
        discard()
      },
      onAfterLeave: () => (asking = false),
    })
  }

  return { snapshot, changed, close }
}
