/**
 * The browser stand-in for electron/preload/index.ts: the same factory builds `window.api`, but
 * calls travel over a Playwright binding to the real main-process dispatcher in the test process.
 */
import { createApi } from '../../../electron/preload/api-factory'
import type { Channel } from '../../../electron/shared/channels'
import type { Envelope } from '../../../electron/shared/envelope'

declare global {
  interface Window {
    __deskInvoke(channel: Channel, input: unknown): Promise<Envelope<unknown>>
    __deskMenu(command: string): void
  }
}

const listeners = new Set<(payload: unknown) => void>()
window.api = createApi(
  (channel, input) => window.__deskInvoke(channel, input),
  (listener) => {
    listeners.add(listener)
    return () => listeners.delete(listener)
  },
)
window.__deskMenu = (command) => listeners.forEach((l) => l(command))
