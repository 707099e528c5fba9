/**
 * Builds `window.api` from the contract's channel list: one function per channel, and a
 * subscription to native menu commands and to import progress. Unknown menu commands and malformed
 * progress events are dropped here.
 */
import type { ChannelFunctions, DeskApi } from '../shared/api'
import type { Channel } from '../shared/channels'
import { isAppPath } from '../shared/event-channels'
import type { Envelope } from '../shared/envelope'
import { MENU_COMMANDS, type MenuCommand } from '../shared/words'
import { isImportProgress } from '../shared/ledger-import/progress'
import { isLiveEvent } from '../shared/live/events'
import { CHANNEL_NAMES } from './channel-names'

export type Invoke = (channel: Channel, input: unknown) => Promise<Envelope<unknown>>
export type Subscribe = (listener: (payload: unknown) => void) => () => void

/** No import progress events: for callers that have none. */
export const noEvents: Subscribe = () => () => {}

export function createApi(
  invoke: Invoke,
  subscribeToMenu: Subscribe,
  subscribeToImportProgress: Subscribe = noEvents,
  subscribeToNavigate: Subscribe = noEvents,
  subscribeToLive: Subscribe = noEvents,
): DeskApi {
  const call = Object.fromEntries(
    CHANNEL_NAMES.map((channel) => [channel, (input: unknown) => invoke(channel, input)]),
  ) as ChannelFunctions
  return {
    call: Object.freeze(call),
    onMenuCommand(listener) {
      return subscribeToMenu((payload) => {
        if ((MENU_COMMANDS as readonly unknown[]).includes(payload)) listener(payload as MenuCommand)
      })
    },
    onImportProgress(listener) {
      return subscribeToImportProgress((payload) => {
        if (isImportProgress(payload)) listener({ ...payload })
      })
    },
    onNavigate(listener) {
      return subscribeToNavigate((payload) => {
        if (isAppPath(payload)) listener(payload)
      })
    },
    onLive(listener) {
      return subscribeToLive((payload) => {
        if (isLiveEvent(payload))
          listener(payload.kind === 'changed' ? { ...payload, areas: [...payload.areas] } : { ...payload })
      })
    },
  }
}
