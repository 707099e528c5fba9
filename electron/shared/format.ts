/**
 * The one formatter of dates, months, durations, numbers and money, for one locale. Every page,
 * chart, recommendation and letter formats through it, so the main process and the pages write
 * "28 Oct 2026", "Sept" or "7,170 h 15 min" alike: the business's locale when it has chosen one,
 * else the computer's language (resolveLocale).
 */
import { formatMoney } from './money'

export interface Formats {
  locale: string
  /** An ISO day (YYYY-MM-DD): "28 Oct 2026" (en-GB), "Oct 28, 2026" (en-US); "—" for none. */
  date(iso: string | null | undefined): string
  /** An ISO day written out, as letters print it: "28 October 2026"; "" for none. */
  longDate(iso: string | null | undefined): string
  /** A month (YYYY-MM) as charts label it: "Nov 26". */
  month(month: string): string
  /** An instant (ISO timestamp): date and time. */
  dateTime(iso: string | null | undefined): string
  /** Minutes as hours and minutes: "45 min", "2 h", "7,170 h 15 min". */
  duration(minutes: number): string
  number(n: number, maximumFractionDigits?: number): string
  /** A percentage with one decimal: "12.5%". */
  percent(pct: number): string
  money(minor: number, currency: string): string
  /** An axis tick in major units, short: "£12K". */
  moneyTick(major: number, currency: string): string
}

/** The business's chosen locale, else the computer's language; a tag Intl does not know falls back to "en". */
export function resolveLocale(chosen: string | null | undefined, system: string | null | undefined): string {
  for (const tag of [chosen, system]) {
    if (!tag) continue
    try {
      const [canonical] = Intl.getCanonicalLocales(tag)
      if (canonical) return canonical
    } catch {
      // An unknown tag: try the next.
    }
  }
  return 'en'
}

/** Noon UTC of an ISO day: the same calendar day in every time zone. */
const day = (iso: string) => new Date(`${iso.slice(0, 10)}T12:00:00Z`)

const cache = new Map<string, Formats>()

export function formatsFor(locale: string): Formats {
  const cached = cache.get(locale)
  if (cached) return cached
  const dateFormat = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  })
  const longFormat = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  })
  const monthFormat = new Intl.DateTimeFormat(locale, { month: 'short', year: '2-digit', timeZone: 'UTC' })
  const dateTimeFormat = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  })
  const numbers = new Map<number, Intl.NumberFormat>()
  const numberFormat = (digits: number) => {
    let f = numbers.get(digits)
    if (!f) numbers.set(digits, (f = new Intl.NumberFormat(locale, { maximumFractionDigits: digits })))
    return f
  }
  const percentFormat = new Intl.NumberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  })
  const formats: Formats = {
    locale,
    date: (iso) => (iso ? dateFormat.format(day(iso)) : '—'),
    longDate: (iso) => (iso ? longFormat.format(day(iso)) : ''),
    month: (month) => monthFormat.format(day(`${month.slice(0, 7)}-15`)),
    dateTime: (iso) => (iso ? dateTimeFormat.format(new Date(iso)) : '—'),
    duration: (minutes) => {
      const sign = minutes < 0 ? '−' : ''
      const abs = Math.abs(Math.round(minutes))
      const h = Math.floor(abs / 60)
      const m = abs % 60
      if (h === 0) return `${sign}${numberFormat(0).format(m)} min`
      return `${sign}${numberFormat(0).format(h)} h${m === 0 ? '' : ` ${numberFormat(0).format(m)} min`}`
    },
    number: (n, digits = 0) => numberFormat(digits).format(n),
    percent: (pct) => percentFormat.format(pct / 100),
    money: (minor, currency) => formatMoney(minor, currency, locale),
    moneyTick: (major, currency) =>
      new Intl.NumberFormat(locale, { style: 'currency', currency, notation: 'compact' }).format(major),
  }
  cache.set(locale, formats)
  return formats
}
