/**
 * Display formats for the pages and charts: the shared formatter (electron/shared/format.ts) in the
 * business's locale, else the computer's language, the same one the main process writes the
 * recommendation and letters in. The locale is reactive: pages re-render when the owner changes it.
 */
import { computed, ref } from 'vue'
import { formatsFor, resolveLocale, type Formats } from '../electron/shared/format'
import { parseMoney, minorToInputText } from '../electron/shared/money'

const systemLocale = () => (typeof navigator === 'undefined' ? 'en' : navigator.language)
const locale = ref(resolveLocale('', systemLocale()))

/** Called with the business profile's locale ("" for the computer's language). */
export function setDisplayLocale(chosen: string | null | undefined): void {
  locale.value = resolveLocale(chosen, systemLocale())
}

/** The locale everything is shown in now. */
export const displayLocale = (): string => locale.value

export const fmt = (): Formats => formatsFor(locale.value)

/** An ISO date (YYYY-MM-DD), shown as a calendar date: "28 Oct 2026", "Oct 28, 2026". */
export const formatDate = (isoDate: string | null | undefined): string => fmt().date(isoDate)

/** A month (YYYY-MM) as chart axes show it, e.g. "Nov 26": one formatter for every chart. */
export const formatMonth = (month: string): string => fmt().month(month)

export const formatDateTime = (isoTimestamp: string | null | undefined): string => fmt().dateTime(isoTimestamp)

/** Minutes as "7,170 h 15 min": every total of time on every page. */
export const formatDuration = (minutes: number): string => fmt().duration(minutes)

export const formatNumber = (n: number, digits = 0): string => fmt().number(n, digits)

export const formatPercent = (pct: number): string => fmt().percent(pct)

/** A file's size: "31 KB" (at least 1), "1.5 MB", in the display locale ("1,5 MB" in de-DE). */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${formatNumber(Math.max(1, Math.round(bytes / 1024)))} KB`
  return `${formatNumber(bytes / (1024 * 1024), 1)} MB`
}

export function money(minor: number, currency: string): string {
  return fmt().money(minor, currency)
}

/** An amount as an input field shows it for editing, in the display locale ("1234,50" in de-DE). */
export const amountInputText = (minor: number, currency: string): string =>
  minorToInputText(minor, currency, locale.value)

/** An amount typed in the display locale ("12,34" in de-DE); null when it is not an amount. */
export const parseAmountInput = (text: string, currency: string): number | null =>
  parseMoney(text, currency, locale.value)

/**
 * The date picker's display pattern in the display locale (e.g. "d MMM yyyy" in en-GB,
 * "MMM d, yyyy" in en-US, "d. MMM yyyy" in de-DE), built from Intl so typed and shown dates read
 * as the pages write them. Reactive: templates unwrap it.
 */
export const datePickerFormat = computed(() =>
  new Intl.DateTimeFormat(locale.value, { day: 'numeric', month: 'short', year: 'numeric' })
    .formatToParts(new Date(2026, 0, 31))
    .map((part) => {
      if (part.type === 'day') return 'd'
      if (part.type === 'month') return 'MMM'
      if (part.type === 'year') return 'yyyy'
      return part.value.replace(/[A-Za-z]/g, (c) => `'${c}'`)
    })
    .join(''),
)
