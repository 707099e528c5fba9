/** Display formats in the user's locale. */
import { formatMoney } from '../electron/shared/money'

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' })
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

/** An ISO date (YYYY-MM-DD), shown as a local calendar date. */
export function formatDate(isoDate: string | null | undefined): string {
  if (!isoDate) return '—'
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number)
  return dateFormat.format(new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1))
}

export function formatDateTime(isoTimestamp: string | null | undefined): string {
  return isoTimestamp ? dateTimeFormat.format(new Date(isoTimestamp)) : '—'
}

export function money(minor: number, currency: string): string {
  return formatMoney(minor, currency)
}
