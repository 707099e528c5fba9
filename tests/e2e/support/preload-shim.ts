/**
 * The browser stand-in for electron/preload/index.ts: the same factory builds `window.api`, but
 * calls travel over a Playwright binding to the real main-process dispatcher in the test process.
 */
import { createApi } from '../../../electron/preload/api-factory'
import type { Channel } from '../../../electron/shared/channels'
import {
  IMPORT_PROGRESS_CHANNEL,
  LIVE_CHANNEL,
  MENU_EVENT_CHANNEL,
  NAVIGATE_CHANNEL,
} from '../../../electron/shared/event-channels'
import type { Envelope } from '../../../electron/shared/envelope'

declare global {
  interface Window {
    __deskInvoke(channel: Channel, input: unknown): Promise<Envelope<unknown>>
    __deskMenu(command: string): void
    __deskEvent(channel: string, payload: unknown): void
  }
}

type Listener = (payload: unknown) => void
const channels = new Map<string, Set<Listener>>()
const subscribe = (channel: string) => (listener: Listener) => {
  const set = channels.get(channel) ?? new Set<Listener>()
  channels.set(channel, set)
  set.add(listener)
  return () => void set.delete(listener)
}
window.api = createApi(
  (channel, input) => window.__deskInvoke(channel, input),
  subscribe(MENU_EVENT_CHANNEL),
  subscribe(IMPORT_PROGRESS_CHANNEL),
  subscribe(NAVIGATE_CHANNEL),
  subscribe(LIVE_CHANNEL),
)
window.__deskEvent = (channel, payload) => channels.get(channel)?.forEach((l) => l(payload))
window.__deskMenu = (command) => window.__deskEvent(MENU_EVENT_CHANNEL, command)
