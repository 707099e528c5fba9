/// <reference types="vite/client" />
import type { DeskApi } from '../electron/shared/api'

declare global {
  interface Window {
    /** Provided by the preload script (electron/preload). Only src/api uses it. */
    api: DeskApi
  }
}

declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}
