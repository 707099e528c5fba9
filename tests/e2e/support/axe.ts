/**
 * axe-core in the page, with the WCAG 2.0, 2.1 and 2.2 level A and AA rules: what a check finds is
 * said in a line per rule, naming where it was and the first elements it failed on.
 */
import { AxeBuilder } from '@axe-core/playwright'
import type { Page } from 'playwright-core'

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']

/** Besides WCAG's rules, axe's checks of a page's structure: headings in order, landmarks. */
export const STRUCTURE_RULES = [
  'heading-order',
  'page-has-heading-one',
  'landmark-one-main',
  'landmark-unique',
  'landmark-no-duplicate-main',
  'landmark-main-is-top-level',
  'region',
]

/**
 * Naive UI's dialogs, drawers and toasts fade and slide, and its colours ease over 0.3 s when the
 * scheme changes: checked once they stand still (no entering or leaving element, no CSS transition
 * running), else a colour caught halfway reads as a contrast failure.
 */
export async function settle(page: Page): Promise<void> {
  await page.waitForTimeout(350)
  await page
    .waitForFunction(
      () =>
        !document.querySelector('[class*="-leave-active"], [class*="-enter-active"]') &&
        !document.getAnimations().some((a) => a instanceof CSSTransition && a.playState === 'running'),
      undefined,
      { timeout: 3000 },
    )
    .catch(() => undefined)
}

export async function violations(page: Page, where: string): Promise<string[]> {
  await settle(page)
  const result = await new AxeBuilder({ page })
    .options({ rules: Object.fromEntries(STRUCTURE_RULES.map((r) => [r, { enabled: true }])) })
    .withTags(WCAG_TAGS)
    .analyze()
  return result.violations.map((v) => {
    const nodes = v.nodes
      .slice(0, 4)
      .map((n) => `${n.target.join(' ')}${n.any[0]?.message ? ` (${n.any[0].message})` : ''}`)
      .join('; ')
    return `${where}: ${v.id} on ${v.nodes.length}: ${nodes}`
  })
}
