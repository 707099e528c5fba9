/**
 * Money is an integer count of minor units (cents) with an ISO 4217 currency code.
 * Parsing works on the typed text, never through floating point.
 */

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

export function formatMoney(minor: number, currency: string, locale?: string): string {
  const formatter = new Intl.NumberFormat(locale, { style: 'currency', currency })
  // Intl formats a decimal string exactly, so the amount never passes through a float.
  return formatter.format(minorToInputText(minor, currency) as Intl.StringNumericLiteral)
}

/**
 * The cost of `minutes` of work at `rateMinorPerHour`, in minor units: minutes × rate ÷ 60, rounded
 * once, half away from zero, in integer arithmetic (no floating-point money).
 */
export function costOfMinutes(minutes: number, rateMinorPerHour: number): number {
  const product = minutes * rateMinorPerHour
  if (!Number.isSafeInteger(product)) throw new RangeError('Amount too large')
  const sign = product < 0 ? -1 : 1
  const abs = Math.abs(product)
  const rounded = Math.floor((2 * abs + 60) / 120)
  return sign * rounded
}
