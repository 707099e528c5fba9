/**
 * The contract's channel names, written in when the preload is built (`__DESK_CHANNELS__`, defined
 * from electron/shared/channels.ts by electron.vite.config.ts, and by the tests' builds): the preload
 * never evaluates the contract's schemas and the validation library just to learn their names, work
 * every window would do before its first script. Main still checks every channel and input.
 */
import type { Channel } from '../shared/channels'

declare const __DESK_CHANNELS__: readonly Channel[]

export const CHANNEL_NAMES: readonly Channel[] = Object.freeze([...__DESK_CHANNELS__])
