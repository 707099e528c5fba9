/**
 * Applies the app's real window hardening (hardenWebContents from electron/main/security.ts) to a
 * Playwright page, standing in for Electron's webContents: a main-frame navigation to another
 * address is offered to the `will-navigate` listeners (prevented: the request is aborted), and a
 * window the page opens is offered to the window-open handler (denied: closed before it loads).
 * Hash changes inside the app are not navigations, as in Electron.
 */
import type { Page, Request } from 'playwright-core'
import { hardenWebContents } from '../../../electron/main/security'

type Listener = (event: { preventDefault: () => void }, url: string) => void
type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' }

export interface HardenedPage {
  /** Navigations the listeners prevented. */
  blockedNavigations: string[]
  /** Windows the handler denied. */
  deniedWindows: string[]
  /** Links handed to the system browser instead. */
  openedExternally: string[]
}

const withoutHash = (url: string) => url.split('#')[0]

export async function hardenInChromium(page: Page): Promise<HardenedPage> {
  const navigationListeners: Listener[] = []
  let windowOpenHandler: WindowOpenHandler = () => ({ action: 'deny' })
  const result: HardenedPage = { blockedNavigations: [], deniedWindows: [], openedExternally: [] }
  const contents = {
    on(event: string, listener: Listener) {
      if (event === 'will-navigate') navigationListeners.push(listener)
      return contents
    },
    setWindowOpenHandler(handler: WindowOpenHandler) {
      windowOpenHandler = handler
    },
  }
  hardenWebContents(contents as never, (url) => void result.openedExternally.push(url))

  const appUrl = withoutHash(page.url())
  const context = page.context()
  context.on('page', (popup) => {
    if (popup === page) return
    // A window opened without an address never makes a request: decide on it here.
    void popup
      .waitForLoadState('domcontentloaded')
      .catch(() => undefined)
      .then(async () => {
        if (popup.isClosed()) return
        const url = popup.url()
        if (!result.deniedWindows.includes(url) && windowOpenHandler({ url }).action === 'deny') {
          result.deniedWindows.push(url)
          await popup.close()
        }
      })
  })

  await context.route('**/*', async (route) => {
    const request: Request = route.request()
    let from: Page | null = null
    try {
      from = request.frame().page()
    } catch {
      // The first request of a window being opened comes before its frame exists.
    }
    if (from !== page) {
      // A request from an opened window: the window-open handler decides before anything loads.
      if (request.isNavigationRequest() && windowOpenHandler({ url: request.url() }).action === 'deny') {
        result.deniedWindows.push(request.url())
        await route.abort('aborted')
        for (const other of context.pages()) if (other !== page) await other.close()
        return
      }
    } else if (
      request.isNavigationRequest() &&
      request.frame() === page.mainFrame() &&
      withoutHash(request.url()) !== appUrl
    ) {
      let prevented = false
      for (const listener of navigationListeners) listener({ preventDefault: () => (prevented = true) }, request.url())
      if (prevented) {
        result.blockedNavigations.push(request.url())
        await route.abort('aborted')
        return
      }
    }
    await route.continue()
  })
  return result
}
