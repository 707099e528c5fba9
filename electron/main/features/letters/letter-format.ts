/**
 * How dates and amounts are written in a letter: through the one formatter (shared/format.ts), in
 * the business's locale; a business that has chosen none writes by its paper's convention (US
 * Letter: US order, A4: British).
 */
import { formatsFor } from '../../../shared/format'
import type { PageSize } from '../../../shared/letters/words'

/** The locale a letter is written in: the business's, else its paper's convention. */
export function letterLocale(pageSize: PageSize, businessLocale: string | null | undefined): string {
  return businessLocale || (pageSize === 'LETTER' ? 'en-US' : 'en-GB')
}

/** "2026-11-22" -> "22 November 2026" (en-GB) or "November 22, 2026" (en-US); "" for no date. */
export function letterDate(iso: string | null | undefined, locale: string): string {
  return formatsFor(locale).longDate(iso)
}

export function letterMoney(minor: number | null | undefined, currency: string, locale: string): string {
  if (minor === null || minor === undefined) return ''
  return formatsFor(locale).money(minor, currency)
}
