/**
 * Picks Naive UI's calendar words and week start for the locale (month names, first day), with its
 * short and long month names taken from Intl as the pages write them: a date picker says "Sept"
 * where every page does (date-fns alone says "Sep" in en-GB), and reads back what it shows.
 */
import { dateDeDE, dateEnGB, dateEnUS, dateEsES, dateFrFR, dateItIT, dateNlNL, type NDateLocale } from 'naive-ui'

const BY_LANGUAGE: Record<string, NDateLocale> = {
  de: dateDeDE,
  es: dateEsES,
  fr: dateFrFR,
  it: dateItIT,
  nl: dateNlNL,
}

type DateFnsLocale = NDateLocale['locale']

/** The twelve month names as the locale writes them inside a date ("Sept", "Sept.", "September"). */
export function intlMonthNames(language: string, month: 'short' | 'long'): string[] {
  const f = new Intl.DateTimeFormat(language, { day: 'numeric', month, year: 'numeric', timeZone: 'UTC' })
  return Array.from(
    { length: 12 },
    (_, i) => f.formatToParts(new Date(Date.UTC(2026, i, 15))).find((p) => p.type === 'month')?.value ?? '',
  )
}

function withIntlMonths(base: DateFnsLocale, language: string): DateFnsLocale {
  const localize = base.localize
  const match = base.match
  if (!localize || !match) return base
  const short = intlMonthNames(language, 'short')
  const long = intlMonthNames(language, 'long')
  // Longest first, so "September" is read before "Sept" and "Sept" before "Sep".
  const names = [...long, ...short]
    .map((name, i) => ({ name: name.toLowerCase(), value: i % 12 }))
    .filter((n) => n.name !== '')
    .sort((a, b) => b.name.length - a.name.length)
  return {
    ...base,
    localize: {
      ...localize,
      month: (...[index, options]: Parameters<typeof localize.month>) =>
        options?.width === 'abbreviated'
          ? (short[index] ?? localize.month(index, options))
          : options?.width === 'wide'
            ? (long[index] ?? localize.month(index, options))
            : localize.month(index, options),
    },
    match: {
      ...match,
      month: ((text: string, options?: Parameters<typeof match.month>[1]) => {
        const lower = text.toLowerCase()
        const found = names.find((n) => lower.startsWith(n.name))
        if (found) return { value: found.value, rest: text.slice(found.name.length) }
        return match.month(text, options)
      }) as typeof match.month,
    },
  }
}

export function dateLocaleFor(language: string): NDateLocale {
  const [lang, region] = language.split('-')
  const base =
    lang === 'en'
      ? region === 'US' || region === undefined
        ? dateEnUS
        : dateEnGB
      : (BY_LANGUAGE[lang ?? ''] ?? dateEnGB)
  return { ...base, locale: withIntlMonths(base.locale, language) }
}
