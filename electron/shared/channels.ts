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

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value)
}
