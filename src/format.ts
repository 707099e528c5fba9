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

const monthFormat = new Intl.DateTimeFormat(undefined, { month: 'short', year: '2-digit' })

/** A month (YYYY-MM) as chart axes show it, e.g. "Nov 26": one formatter for every chart. */
export function formatMonth(month: string): string {
  return monthFormat.format(new Date(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1))
}

export function formatDateTime(isoTimestamp: string | null | undefined): string {
  return isoTimestamp ? dateTimeFormat.format(new Date(isoTimestamp)) : '—'
}

/**
 * The date picker's display pattern in the user's locale (e.g. "d MMM yyyy" in en-GB,
 * "MMM d, yyyy" in en-US), built from Intl so typed and shown dates read naturally.
 */
export const datePickerFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' })
  .formatToParts(new Date(2026, 0, 31))
  .map((part) => {
    if (part.type === 'day') return 'd'
    if (part.type === 'month') return 'MMM'
    if (part.type === 'year') return 'yyyy'
    return part.value.replace(/[A-Za-z]/g, (c) => `'${c}'`)
  })
  .join('')

export function money(minor: number, currency: string): string {
  return formatMoney(minor, currency)
}
