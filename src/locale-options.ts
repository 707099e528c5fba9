/** The locales a business can write its dates and amounts in, each named and shown by Intl itself. */
import { formatsFor, resolveLocale } from '../electron/shared/format'

const LOCALES = [
  'en-GB',
  'en-US',
  'en-IE',
  'en-CA',
  'en-AU',
  'en-NZ',
  'en-IN',
  'de-DE',
  'de-AT',
  'de-CH',
  'fr-FR',
  'fr-BE',
  'fr-CH',
  'fr-CA',
  'nl-NL',
  'nl-BE',
  'es-ES',
  'es-MX',
  'it-IT',
  'pt-PT',
  'pt-BR',
  'sv-SE',
  'nb-NO',
  'da-DK',
  'fi-FI',
  'pl-PL',
  'cs-CZ',
  'ja-JP',
]

/** "12,345.67 · 28 Oct 2026": how a locale writes an amount and a day. */
export function localeExample(locale: string): string {
  const f = formatsFor(locale)
  return `${f.number(12345.67, 2)} · ${f.date('2026-10-28')}`
}

export function localeOptions(system: string): { value: string; label: string }[] {
  const names = new Intl.DisplayNames([resolveLocale('', system)], { type: 'language' })
  const systemLocale = resolveLocale('', system)
  return [
    { value: '', label: `The computer's language (${localeExample(systemLocale)})` },
    ...LOCALES.map((l) => ({ value: l, label: `${names.of(l) ?? l} (${localeExample(l)})` })),
  ]
}
