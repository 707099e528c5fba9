/**
 * The main-to-renderer event channels and the app paths main may send the window to. No schemas
 * here: the preload reads these, and it never loads the contract (see channel-names.ts there).
 */
/** The one main-to-renderer event channel: native menu commands. */
export const MENU_EVENT_CHANNEL = 'menu:command'

/** Main-to-renderer: a ledger import's progress (checked in the preload). */
export const IMPORT_PROGRESS_CHANNEL = 'ledger-import:progress'

/** Main-to-renderer: go to a page of the app (a reminder or the tray was clicked). */
export const NAVIGATE_CHANNEL = 'app:navigate'

/** Main-to-renderer: another desktop changed the shared database, or it cannot be reached (live/events.ts). */
export const LIVE_CHANNEL = 'database:live'

/** A path of the app's router main may send the renderer to: /today, /turnarounds/12?tab=commitments. */
export function isAppPath(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 200 && /^\/[a-z-]*(\/\d+)?(\?tab=[a-z]+)?$/.test(value)
}
