import type { Browser } from 'playwright-core'
import { afterAll, afterEach, beforeAll, expect } from 'vitest'
import { launchBrowser, type RunningApp } from './app-harness'

/**
 * One Chromium per test file, and the app a test started closed after it, with no page errors
 * allowed. `session.app` is the running app; assign it when a test starts one.
 */
export function useAppSession(): { browser: () => Browser; app: RunningApp | undefined } {
  let browser: Browser | undefined
  const session: { browser: () => Browser; app: RunningApp | undefined } = {
    browser: () => {
      if (!browser) throw new Error('The browser starts in beforeAll.')
      return browser
    },
    app: undefined,
  }
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })
  afterEach(async () => {
    const app = session.app
    session.app = undefined
    expect(app?.pageErrors ?? []).toEqual([])
    await app?.close()
  })
  return session
}
