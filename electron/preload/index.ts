/** The only file that touches ipcRenderer. Exposes `window.api`, built by the factory from the contract. */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { MENU_EVENT_CHANNEL } from '../shared/channels'
import { createApi } from './api-factory'

const api = createApi(
  (channel, input) => ipcRenderer.invoke(channel, input),
  (listener) => {
    const handler = (_event: IpcRendererEvent, payload: unknown) => listener(payload)
    ipcRenderer.on(MENU_EVENT_CHANNEL, handler)
    return () => ipcRenderer.removeListener(MENU_EVENT_CHANNEL, handler)
  },
)

contextBridge.exposeInMainWorld('api', api)
