/**
 * Reading one CSV cell as a ledger value: dates, amounts, hours, kinds and currencies, all from the
 * text itself (never through floating point). Each returns the value, or null when it cannot be read.
 */
import { ENTRY_KINDS, ENTRY_KIND_LABELS, type EntryKind } from '../ledger/words'
import { parseMoney, withoutCurrency } from '../money'
import { searchKey } from '../text'
import type { DateFormat } from './fields'

function realDate(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return null
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate()
  if (d > days) return null
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

/** An ISO day (a time after it is ignored) in any format; otherwise the chosen day order with / . or -. */
export function parseDate(text: string, format: DateFormat): string | null {
  const t = text.trim()
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(t)
  if (iso) return realDate(Number(iso[1]), Number(iso[2]), Number(iso[3]))
  if (format === 'YYYY-MM-DD') return null
  const parts = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t)
  if (!parts) return null
  const [a, b, y] = [Number(parts[1]), Number(parts[2]), Number(parts[3])]
  return format === 'DD/MM/YYYY' ? realDate(y, b, a) : realDate(y, a, b)
}

/**
 * A positive amount in minor units: "1,234.50", "$1,234.50", "1234.5 EUR"; the currency's code and
 * symbols come from Intl (withoutCurrency). Null when unreadable, negative, or with more decimals
 * than the currency has.
 */
export function parseAmount(text: string, currency: string, locale = 'en'): number | null {
  const t = withoutCurrency(text, currency, locale)
  if (t === '' || t.startsWith('-') || t.startsWith('(')) return null
  // Any safe integer: the row reader says plainly when it is more than one entry holds.
  return parseMoney(t.replace(/^\+/, ''), currency, locale)
}

/** Hours as "1.25", "1,25" (decimal comma) or "1:15" to whole minutes, rounded once, half up. */
export function parseHours(text: string): number | null {
  const t = text.trim()
  const clock = /^(\d{1,5}):([0-5]\d)$/.exec(t)
  if (clock) return Number(clock[1]) * 60 + Number(clock[2])
  const dec = /^(\d{1,5})(?:[.,](\d{1,6}))?$/.exec(t)
  if (!dec) return null
  const fraction = dec[2] ?? ''
  const scale = 10 ** fraction.length
  // hours × 60 in units of 1/scale minute, then rounded half up, all in integers.
  const scaledMinutes = (Number(dec[1]) * scale + Number(fraction || '0')) * 60
  return Math.floor((2 * scaledMinutes + scale) / (2 * scale))
}

/** Whole minutes, "90". */
export function parseMinutes(text: string): number | null {
  const t = text.trim()
  return /^\d{1,7}$/.test(t) ? Number(t) : null
}

const KIND_BY_KEY = new Map<string, EntryKind>()
for (const kind of ENTRY_KINDS) {
  KIND_BY_KEY.set(kind, kind)
  KIND_BY_KEY.set(searchKey(ENTRY_KIND_LABELS[kind]), kind)
}
for (const [alias, kind] of [
  ['goodwill', 'gift'],
  ['hours', 'time'],
  ['materials', 'material'],
  ['expenses', 'expense'],
  ['invoices', 'invoice'],
  ['payments', 'payment'],
  ['credit note', 'credit'],
] as const)
  KIND_BY_KEY.set(alias, kind)

/** A kind by its code or label, ignoring case ("Goodwill gift", "gift", "Payment"). */
export function parseKind(text: string): EntryKind | null {
  return KIND_BY_KEY.get(searchKey(text)) ?? null
}

/** The ISO code in "EUR", "eur" or "Euro - EUR"; null when there is none. */
export function parseCurrency(text: string): string | null {
  const codes = text.toUpperCase().match(/\b[A-Z]{3}\b/g)
  return codes ? codes[codes.length - 1]! : null
}
