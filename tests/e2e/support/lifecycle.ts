import type { Browser } from 'playwright-core'
import { afterAll, afterEach, beforeAll, expect } from 'vitest'
import { launchBrowser, type RunningApp } from './app-harness'

/**
 * One Chromium per test file, and the app a test started closed after it, with no page errors
 * allowed. `session.app` is the running app; assign it when a test starts one. A test that failed
 * leaves a screenshot of the window as it then was and one of the whole page, scrolled parts
 * included (test-results/screenshots/failed/), and the toasts it showed and the page's errors are
 * printed: a failure seen once under load says what the owner would have seen.
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
  afterEach(async ({ task }) => {
    const app = session.app
    session.app = undefined
    if (app && task.result?.state === 'fail') {
      const name = `failed/${task.name.replace(/[^\w-]+/g, '-').slice(0, 80)}`
      // The window as it was, then the whole page: what the window had scrolled away (a message
      // beside a field above the button clicked) is in the second.
      for (const [suffix, wholePage] of [
        ['', false],
        ['-whole', true],
      ] as const)
        await app.screenshot(`${name}${suffix}`, { wholePage }).then(
          (file) => console.error(`The page when "${task.name}" failed${wholePage ? ' (all of it)' : ''}: ${file}`),
          (error: unknown) => console.error(`No screenshot of the failed page: ${String(error)}`),
        )
      console.error(`Toasts the page showed: ${app.toasts.length ? app.toasts.join(' | ') : 'none'}`)
      if (app.pageErrors.length) console.error(`Page errors: ${app.pageErrors.join('\n')}`)
    }
    expect(app?.pageErrors ?? []).toEqual([])
    await app?.close()
  })
  return session
}
