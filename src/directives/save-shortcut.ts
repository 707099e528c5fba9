import type { ObjectDirective } from 'vue'

/**
 * `v-save-shortcut="save"` on a form's element: Ctrl+S (Cmd+S) while the focus is inside it saves
 * that form. For pages holding several forms (Settings) and for inline forms, where the one to
 * save is the one being typed in; dialogs and drawers with FormFooter use useSaveShortcut.
 */
type Handler = () => unknown
const handlers = new WeakMap<HTMLElement, { save: Handler; listener: (e: KeyboardEvent) => void }>()

export const vSaveShortcut: ObjectDirective<HTMLElement, Handler> = {
  mounted(el, binding) {
    const entry = {
      save: binding.value,
      listener: (event: KeyboardEvent) => {
        if (!(event.ctrlKey || event.metaKey) || event.altKey || event.key.toLowerCase() !== 's') return
        event.preventDefault()
        event.stopPropagation()
        void entry.save()
      },
    }
    handlers.set(el, entry)
    el.addEventListener('keydown', entry.listener)
  },
  updated(el, binding) {
    const entry = handlers.get(el)
    if (entry) entry.save = binding.value
  },
  unmounted(el) {
    const entry = handlers.get(el)
    if (entry) el.removeEventListener('keydown', entry.listener)
    handlers.delete(el)
  },
}

declare module 'vue' {
  interface GlobalDirectives {
    vSaveShortcut: typeof vSaveShortcut
  }
}
