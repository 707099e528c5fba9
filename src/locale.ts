/** Picks Naive UI's calendar words and week start for the user's locale (month names, first day). */
import { dateDeDE, dateEnGB, dateEnUS, dateEsES, dateFrFR, dateItIT, dateNlNL, type NDateLocale } from 'naive-ui'

const BY_LANGUAGE: Record<string, NDateLocale> = {
  de: dateDeDE,
  es: dateEsES,
  fr: dateFrFR,
  it: dateItIT,
  nl: dateNlNL,
}

export function dateLocaleFor(language: string): NDateLocale {
  const [lang, region] = language.split('-')
  if (lang === 'en') return region === 'US' || region === undefined ? dateEnUS : dateEnGB
  return BY_LANGUAGE[lang ?? ''] ?? dateEnGB
}
