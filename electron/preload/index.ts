/** The only file that touches ipcRenderer. Exposes `window.api`, built by the factory from the contract. */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { IMPORT_PROGRESS_CHANNEL, LIVE_CHANNEL, MENU_EVENT_CHANNEL, NAVIGATE_CHANNEL } from '../shared/event-channels'
import { createApi } from './api-factory'

const subscribe = (channel: string) => (listener: (payload: unknown) => void) => {
  const handler = (_event: IpcRendererEvent, payload: unknown) => listener(payload)
  ipcRenderer.on(channel, handler)
  return () => void ipcRenderer.removeListener(channel, handler)
}

const api = createApi(
  (channel, input) => ipcRenderer.invoke(channel, input),
  subscribe(MENU_EVENT_CHANNEL),
  subscribe(IMPORT_PROGRESS_CHANNEL),
  subscribe(NAVIGATE_CHANNEL),
  subscribe(LIVE_CHANNEL),
)

contextBridge.exposeInMainWorld('api', api)
