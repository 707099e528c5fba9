/**
 * The channel names of the IPC contract, derived from the features' contracts (one source), and
 * the two main-to-renderer event channels.
 */
import { contract, type Channel } from './contract'

export type { Channel }

export const CHANNELS = Object.freeze(Object.keys(contract)) as readonly Channel[]

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

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value)
}
