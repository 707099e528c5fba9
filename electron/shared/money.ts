/**
 * Money is an integer count of minor units (cents) with an ISO 4217 currency code.
 * Parsing works on the typed text, never through floating point.
 */

/**
 * One cap for every amount, and one for minutes, chosen so that no figure the app computes can pass
 * 2^53 (the largest integer a JavaScript number holds exactly, 9,007,199,254,740,992):
 *
 * - MAX_AMOUNT_MINOR bounds every amount, rate and cost one value holds: an entry's amount, a time
 *   entry's computed cost, an hourly rate, an action's cost, a referral value (10^10: 100,000,000.00
 *   in a currency of cents, 10,000,000,000 in one without minor units).
 * - MAX_MINUTES bounds one time entry and one action's effort, so minutes × rate ≤ 10^15.
 * - MAX_LEDGER_TOTAL_MINOR bounds the whole ledger: every entry's amount and every touchpoint's cost
 *   added together (1.5 × 10^14). Every figure is a sum of some of these or a difference of two
 *   such sums, so none passes it; the largest derived figures are the effective hourly rate (at
 *   most 60 × the total, for one minute worked: 9 × 10^15) and the relationship's worth (at most
 *   20 years × the total + a referral value: 3 × 10^15). Products on the way (margin × 1000,
 *   cost × 100) are computed in BigInt.
 * - MAX_PLAN_ACTIONS bounds one turnaround's plan, so its planned cost stays under 7 × 10^15.
 */
export const MAX_AMOUNT_MINOR = 10_000_000_000
export const MAX_MINUTES = 100_000
export const MAX_LEDGER_TOTAL_MINOR = 150_000_000_000_000
export const MAX_PLAN_ACTIONS = 400

const digitsByCurrency = new Map<string, number>()

export function minorDigits(currency: string): number {
  // Building an Intl.NumberFormat costs far more than parsing an amount: once per currency.
  let digits = digitsByCurrency.get(currency)
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
    digitsByCurrency.set(currency, digits)
  }
  return digits
}

interface NumberSymbols {
  decimal: string
  /** The thousands separator, or null where it is a space (spaces are always ignored). */
  group: string | null
}

const symbolsByLocale = new Map<string, NumberSymbols>()

/** The locale's decimal mark and thousands separator, from Intl: "." and "," in en, "," and "." in de. */
export function numberSymbols(locale: string): NumberSymbols {
  let symbols = symbolsByLocale.get(locale)
  if (!symbols) {
    const parts = new Intl.NumberFormat(locale, { useGrouping: true }).formatToParts(1234567.5)
    const group = parts.find((p) => p.type === 'group')?.value ?? ','
    symbols = {
      decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
      group: IGNORED.test(group) ? null : group,
    }
    symbolsByLocale.set(locale, symbols)
  }
  return symbols
}

/** Spaces of every width and apostrophes (Swiss thousands), never part of an amount's value. */
const IGNORED = /[\s\u00a0\u202f'\u2019]/
const IGNORED_ALL = /[\s\u00a0\u202f'\u2019]/g

const currencyMarksCache = new Map<string, string[]>()

/**
 * The ways a currency is written, from Intl, longest first: its code, its symbol and narrow symbol
 * in the locale and in English ("EUR", "€"; "USD", "US$", "$"; "CHF").
 */
export function currencyMarks(currency: string, locale = 'en'): string[] {
  const key = `${currency}|${locale}`
  let marks = currencyMarksCache.get(key)
  if (!marks) {
    const found = new Set<string>([currency])
    for (const l of [locale, 'en'])
      for (const currencyDisplay of ['symbol', 'narrowSymbol'] as const) {
        try {
          const part = new Intl.NumberFormat(l, { style: 'currency', currency, currencyDisplay })
            .formatToParts(1)
            .find((p) => p.type === 'currency')
          if (part) found.add(part.value.trim())
        } catch {
          // A locale Intl does not know: its English marks stand.
        }
      }
    marks = [...found].filter((m) => m !== '').sort((a, b) => b.length - a.length)
    currencyMarksCache.set(key, marks)
  }
  return marks
}

/** The currency's symbol as the locale writes it, from Intl: "£", "€", "CHF", "US$" (en-GB for USD). */
export function currencySymbol(currency: string, locale = 'en'): string {
  return (
    new Intl.NumberFormat(locale, { style: 'currency', currency })
      .formatToParts(1)
      .find((p) => p.type === 'currency')
      ?.value.trim() ?? currency
  )
}

/** The text with the currency's code or symbol taken off its start or end (once). */
export function withoutCurrency(text: string, currency: string, locale = 'en'): string {
  const t = text.trim()
  for (const mark of currencyMarks(currency, locale)) {
    if (t.toUpperCase().startsWith(mark.toUpperCase())) return t.slice(mark.length).trim()
    if (t.toUpperCase().endsWith(mark.toUpperCase())) return t.slice(0, -mark.length).trim()
  }
  return t
}

/** Whole digits grouped as the locale groups them, spaces left out. */
function groupedAsLocale(digits: string, locale: string): string {
  return new Intl.NumberFormat(locale, { useGrouping: true, maximumFractionDigits: 0 })
    .format(BigInt(digits))
    .replace(IGNORED_ALL, '')
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * An amount typed as the locale writes it, to minor units: "1,234.5" (en) or "1.234,5" (de) ->
 * 123450 for a 2-digit currency. Spaces and apostrophes are ignored (a currency symbol is not:
 * the field shows it; parseAmount takes it off an imported cell). Thousands separators must group by three ("1,23" in en is
 * refused rather than read as 123); where the locale's decimal mark is a comma and its thousands
 * separator is not a dot (fr-FR), "12.5" reads as 12,5 too. Null when the text is not an amount,
 * has more decimals than the currency, or is negative. Never passes through floating point.
 */
export function parseMoney(text: string, currency: string, locale = 'en'): number | null {
  const t = text.replace(IGNORED_ALL, '')
  if (t === '') return 0
  const { decimal, group } = numberSymbols(locale)
  let at = t.lastIndexOf(decimal)
  if (at < 0 && decimal !== '.' && group !== '.') at = t.lastIndexOf('.')
  let whole = at < 0 ? t : t.slice(0, at)
  const fraction = at < 0 ? '' : t.slice(at + 1)
  if (!/^\d*$/.test(fraction)) return null
  if (!/^\d+$/.test(whole)) {
    if (group === null) return null
    const bare = whole.split(group).join('')
    // Groups of three ("1.234.567"), or the locale's own grouping ("12,34,567" in en-IN).
    const threes = new RegExp(`^\\d{1,3}(?:${escape(group)}\\d{3})+$`).test(whole)
    if (!/^\d+$/.test(bare) || !(threes || groupedAsLocale(bare, locale) === whole)) return null
    whole = bare
  }
  const digits = minorDigits(currency)
  if (fraction.length > digits) return null
  const minor = Number(whole + fraction.padEnd(digits, '0'))
  return Number.isSafeInteger(minor) ? minor : null
}

/**
 * 123450 -> "1234.50": the plain text an input field shows for editing, no thousands separator;
 * with a locale, its decimal mark ("1234,50" in de-DE).
 */
export function minorToInputText(minor: number, currency: string, locale?: string): string {
  const digits = minorDigits(currency)
  const sign = minor < 0 ? '-' : ''
  const abs = String(Math.abs(minor)).padStart(digits + 1, '0')
  const mark = locale === undefined ? '.' : numberSymbols(locale).decimal
  return digits === 0 ? sign + abs : `${sign}${abs.slice(0, -digits)}${mark}${abs.slice(-digits)}`
}

/** Formatters by locale and currency: making one costs far more than formatting with it. */
const formatters = new Map<string, Intl.NumberFormat>()

function moneyFormatter(currency: string, locale?: string): Intl.NumberFormat {
  const key = `${locale ?? ''}|${currency}`
  let formatter = formatters.get(key)
  if (!formatter) formatters.set(key, (formatter = new Intl.NumberFormat(locale, { style: 'currency', currency })))
  return formatter
}

export function formatMoney(minor: number, currency: string, locale?: string): string {
  const formatter = moneyFormatter(currency, locale)
  // Intl formats a decimal string exactly, so the amount never passes through a float.
  return formatter.format(minorToInputText(minor, currency) as Intl.StringNumericLiteral)
}

/**
 * The cost of `minutes` of work at `rateMinorPerHour`, in minor units: minutes × rate ÷ 60, rounded
 * once, half away from zero, in integer arithmetic (no floating-point money).
 */
export function costOfMinutes(minutes: number, rateMinorPerHour: number): number {
  return mulDivRound(minutes, rateMinorPerHour, 60)
}

/**
 * The hourly rate time is costed at: the rate typed for it, else the cost rate of the staff member
 * who worked, else the owner's hourly worth. The one rule for entries, imports, touchpoints and plans.
 */
export function timeRate(
  typed: number | null | undefined,
  staffRate: number | null | undefined,
  hourlyWorth: number,
): number {
  return typed ?? staffRate ?? hourlyWorth
}

/** a ÷ b rounded half away from zero (b > 0). */
export function divRound(a: number, b: number): number {
  return mulDivRound(a, 1, b)
}

/**
 * a × m ÷ b rounded half away from zero, exactly, for b > 0: the one rounding rule of every figure.
 * Plain integer arithmetic while a × m is a safe integer, BigInt beyond (summed minutes × a rate can
 * pass 2^53 while their cost does not). Throws a RangeError when the result itself is not safe.
 */
export function mulDivRound(a: number, m: number, b: number): number {
  if (b <= 0) throw new RangeError('Divide by a positive number')
  if (!Number.isSafeInteger(a) || !Number.isSafeInteger(m) || !Number.isSafeInteger(b))
    throw new RangeError('Amount too large')
  const product = a * m
  if (Number.isSafeInteger(product) && Number.isSafeInteger(2 * Math.abs(product) + b)) {
    const rounded = Math.floor((2 * Math.abs(product) + b) / (2 * b))
    return product < 0 ? -rounded : rounded
  }
  const n = BigInt(a) * BigInt(m)
  const abs = n < 0n ? -n : n
  const q = Number((2n * abs + BigInt(b)) / (2n * BigInt(b)))
  if (!Number.isSafeInteger(q)) throw new RangeError('Amount too large')
  return n < 0n ? -q : q
}
