/**
 * The renderer's one road to main, used by the stores only: the typed client made from the
 * contract, and the two subscriptions main sends events on.
 */
import type { ImportProgress } from '../../electron/shared/ledger-import/progress'
import type { MenuCommand } from '../../electron/shared/words'
import type { LiveEvent } from '../../electron/shared/live/events'

export { api, type ApiClient } from './client'

/** Progress of a ledger import, as main sends it; returns the unsubscribe function. */
export function onImportProgress(listener: (progress: ImportProgress) => void): () => void {
  return window.api.onImportProgress(listener)
}

/** Main's requests to go to a page (a reminder or the tray was clicked); returns the unsubscribe function. */
export function onNavigate(listener: (path: string) => void): () => void {
  return window.api.onNavigate(listener)
}

/** Commands from the native menu; returns the unsubscribe function. */
export function onMenuCommand(listener: (command: MenuCommand) => void): () => void {
  return window.api.onMenuCommand(listener)
}

/** The shared database's news (another desktop's changes, the connection lost or back); returns the unsubscribe function. */
export function onLive(listener: (event: LiveEvent) => void): () => void {
  return window.api.onLive(listener)
}
