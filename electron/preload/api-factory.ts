/**
 * Builds `window.api` from the contract's channel list: one function per channel, and a
 * subscription to native menu commands. Unknown menu commands are dropped here.
 */
import type { ChannelFunctions, DeskApi } from '../shared/api'
import { CHANNELS, type Channel } from '../shared/channels'
import type { Envelope } from '../shared/envelope'
import { MENU_COMMANDS, type MenuCommand } from '../shared/words'

export type Invoke = (channel: Channel, input: unknown) => Promise<Envelope<unknown>>
export type Subscribe = (listener: (payload: unknown) => void) => () => void

export function createApi(invoke: Invoke, subscribeToMenu: Subscribe): DeskApi {
  const call = Object.fromEntries(CHANNELS.map((channel) => [channel, (input: unknown) => invoke(channel, input)])) as ChannelFunctions
  return {
    call: Object.freeze(call),
    onMenuCommand(listener) {
      return subscribeToMenu((payload) => {
        if ((MENU_COMMANDS as readonly unknown[]).includes(payload)) listener(payload as MenuCommand)
      })
    },
  }
}
