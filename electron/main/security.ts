/**
 * Window hardening, all in one place: isolated, sandboxed renderers without Node; a strict
 * Content Security Policy; no navigation, no new windows, no permissions. Links to the web open
 * in the user's browser only after a check.
 */
import type { BrowserWindowConstructorOptions, Session, WebContents } from 'electron'

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  // Naive UI injects its styles at run time; scripts stay strictly 'self'.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ')

export function hardenedWebPreferences(
  preloadPath: string,
): NonNullable<BrowserWindowConstructorOptions['webPreferences']> {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: true,
    navigateOnDragDrop: false,
    safeDialogs: true,
  }
}

/** Only plain web and mail links ever leave the app, and only to the system's own handler. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' || parsed.protocol === 'mailto:'
  } catch {
    return false
  }
}

type HardenableContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>

/** Denies navigation away from the app and every new window; safe links go to the browser. */
export function hardenWebContents(contents: HardenableContents, openExternal: (url: string) => void): void {
  contents.on('will-navigate', (event, url) => {
    event.preventDefault()
    if (isSafeExternalUrl(url)) openExternal(url)
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) openExternal(url)
    return { action: 'deny' }
  })
}

type HardenableSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'> & {
  webRequest: Pick<Session['webRequest'], 'onHeadersReceived'>
}

/** Grants no permission (camera, notifications, ...) and adds the CSP header to every response. */
export function hardenSession(session: HardenableSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } })
  })
}

/** The sender check for ipc.ts: only the top frame of our own renderer may call. */
export function createSenderCheck(
  rendererUrl: string,
): (frame: { url: string; parent?: unknown } | null | undefined) => boolean {
  const expected = new URL(rendererUrl)
  return (frame) => {
    if (!frame || (frame.parent !== undefined && frame.parent !== null)) return false
    try {
      const actual = new URL(frame.url)
      return (
        actual.protocol === expected.protocol && actual.host === expected.host && actual.pathname === expected.pathname
      )
    } catch {
      return false
    }
  }
}
