/**
 * The channel names of the IPC contract, derived from the features' contracts (one source), and
 * the two main-to-renderer event channels.
 */
import { contract, type Channel } from './contract'

export type { Channel }
export * from './event-channels'

export const CHANNELS = Object.freeze(Object.keys(contract)) as readonly Channel[]

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value)
}
