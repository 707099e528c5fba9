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

/** "1,234.5" -> 123450 for a 2-digit currency; null when the text is not an amount. */
export function parseMoney(text: string, currency: string): number | null {
  const trimmed = text.trim().replace(/[\s']/g, '')
  if (trimmed === '') return 0
  // Commas only as thousands separators ("1,234.50"); "1,23" is refused rather than read as 123.
  if (trimmed.includes(',') && !/^\d{1,3}(,\d{3})+(\.\d*)?$/.test(trimmed)) return null
  const cleaned = trimmed.replace(/,/g, '')
  const match = /^(\d+)(?:\.(\d*))?$/.exec(cleaned)
  if (!match) return null
  const digits = minorDigits(currency)
  const whole = match[1] ?? '0'
  const fraction = match[2] ?? ''
  if (fraction.length > digits) return null
  const minor = Number(whole + fraction.padEnd(digits, '0'))
  return Number.isSafeInteger(minor) ? minor : null
}

/** 123450 -> "1234.50": the plain text an input field shows for editing. */
export function minorToInputText(minor: number, currency: string): string {
  const digits = minorDigits(currency)
  const sign = minor < 0 ? '-' : ''
  const abs = String(Math.abs(minor)).padStart(digits + 1, '0')
  return digits === 0 ? sign + abs : `${sign}${abs.slice(0, -digits)}.${abs.slice(-digits)}`
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
