/** How dates and amounts are written in a letter: the paper size decides the convention (US Letter: US order). */
import { formatMoney } from '../../../shared/money'
import type { PageSize } from '../../../shared/letters/words'

const formats = {
  A4: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  LETTER: new Intl.DateTimeFormat('en-US', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
}

/** "2026-11-22" -> "22 November 2026" (A4) or "November 22, 2026" (US Letter); "" for no date. */
export function letterDate(iso: string | null | undefined, pageSize: PageSize): string {
  if (!iso) return ''
  return formats[pageSize].format(new Date(`${iso}T00:00:00Z`))
}

export function letterMoney(minor: number | null | undefined, currency: string, pageSize: PageSize): string {
  if (minor === null || minor === undefined) return ''
  return formatMoney(minor, currency, pageSize === 'LETTER' ? 'en-US' : 'en-GB')
}
