/** The moment a window's client list is usable, for the cold-start figures (clients and ledger benchmarks). */
import type { Page } from 'playwright-core'

/** The client list's rows. */
export const ROWS = '.clients-table tbody tr'

/**
 * Waits until the first client row is visible, checking on every animation frame: Playwright's
 * locator waits back off to 500 ms between checks, which would swamp the figures. Returns the
 * page's own clock then (ms since the page started loading).
 */
export async function firstRowVisible(page: Page): Promise<number> {
  const shown = await page.waitForFunction(
    (selector) => {
      const row = document.querySelector(selector)
      // Rows from the previous visit may show while the new page loads: wait for the fresh page.
      if (!row || document.querySelector('.clients-view[data-loading="true"]')) return false
      const box = row.getBoundingClientRect()
      const visible = box.width > 0 && box.height > 0 && getComputedStyle(row).visibility !== 'hidden'
      return visible && window.performance.now()
    },
    ROWS,
    { polling: 'raf' },
  )
  return (await shown.jsonValue()) as number
}
