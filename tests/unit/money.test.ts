import { describe, expect, it } from 'vitest'
import { formatMoney, minorDigits, minorToInputText, parseMoney, timeRate } from '../../electron/shared/money'

/** Intl may use a narrow no-break space; compare with plain spaces. */
const norm = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ')

describe('minorDigits', () => {
  it.each([
    ['USD', 2],
    ['GBP', 2],
    ['EUR', 2],
    ['JPY', 0],
    ['KWD', 3],
  ])('%s has %i minor digits', (currency, digits) => {
    expect(minorDigits(currency)).toBe(digits)
  })
})

describe('parseMoney', () => {
  it.each([
    ['1,234.5', 'GBP', 123450],
    ['0.1', 'USD', 10],
    ['12', 'JPY', 12],
    ['12', 'USD', 1200],
    ['0.05', 'USD', 5],
    ['1234.50', 'EUR', 123450],
    ['  7.25  ', 'USD', 725],
    ['1 000', 'EUR', 100000],
    ["1'000.00", 'CHF', 100000],
    ['5.', 'USD', 500],
    ['0', 'USD', 0],
    ['1.234', 'KWD', 1234],
    ['', 'USD', 0],
    ['   ', 'USD', 0],
  ])('%j in %s is %i', (text, currency, minor) => {
    expect(parseMoney(text, currency)).toBe(minor)
  })

  it('avoids floating point: 0.29 and 1.005-style amounts are exact', () => {
    expect(parseMoney('0.29', 'USD')).toBe(29)
    expect(parseMoney('1.15', 'USD')).toBe(115)
    expect(parseMoney('4.35', 'EUR')).toBe(435)
  })

  it.each([
    ['1.234', 'USD'],
    ['12.5', 'JPY'],
    ['abc', 'USD'],
    ['-5', 'USD'],
    ['+5', 'USD'],
    ['1e3', 'USD'],
    ['$5', 'USD'],
    ['1.2.3', 'USD'],
    ['.5', 'USD'],
    ['Infinity', 'USD'],
    ['0x10', 'USD'],
    ['99999999999999999999', 'USD'],
    // A decimal comma is refused rather than silently read as a thousands separator (100x too much).
    ['1,23', 'EUR'],
    ['1,2,3', 'USD'],
    ['12,34.5', 'USD'],
  ])('%j in %s is not an amount', (text, currency) => {
    expect(parseMoney(text, currency)).toBeNull()
  })
})

describe('minorToInputText', () => {
  it.each([
    [5, 'USD', '0.05'],
    [50, 'USD', '0.50'],
    [0, 'USD', '0.00'],
    [123450, 'EUR', '1234.50'],
    [100, 'GBP', '1.00'],
    [12, 'JPY', '12'],
    [0, 'JPY', '0'],
    [1234, 'KWD', '1.234'],
    [-5, 'USD', '-0.05'],
    [-123450, 'EUR', '-1234.50'],
  ])('%i %s is %j', (minor, currency, text) => {
    expect(minorToInputText(minor, currency)).toBe(text)
  })

  it.each([
    [123450, 'GBP'],
    [7, 'USD'],
    [12, 'JPY'],
    [1234, 'KWD'],
  ])('round-trips %i %s through parseMoney', (minor, currency) => {
    expect(parseMoney(minorToInputText(minor, currency), currency)).toBe(minor)
  })
})

describe('formatMoney', () => {
  it('formats pounds for a British reader', () => {
    expect(formatMoney(123450, 'GBP', 'en-GB')).toBe('£1,234.50')
  })

  it('formats other currencies and locales', () => {
    expect(formatMoney(5, 'USD', 'en-US')).toBe('$0.05')
    expect(formatMoney(1200, 'JPY', 'en-US')).toBe('¥1,200')
    expect(norm(formatMoney(123450, 'EUR', 'de-DE'))).toBe('1.234,50 €')
  })

  it('formats a large amount exactly, without float rounding', () => {
    expect(formatMoney(900719925474099, 'USD', 'en-US')).toBe('$9,007,199,254,740.99')
  })

  it('formats a negative amount', () => {
    expect(formatMoney(-250, 'GBP', 'en-GB')).toBe('-£2.50')
  })
})

describe('timeRate', () => {
  it('costs time at the rate typed, else the staff member’s, else the owner’s hourly worth', () => {
    expect(timeRate(9000, 4000, 6000)).toBe(9000)
    expect(timeRate(null, 4000, 6000)).toBe(4000)
    expect(timeRate(undefined, null, 6000)).toBe(6000)
    expect(timeRate(0, 4000, 6000)).toBe(0) // a rate of nothing, typed, is kept (unpaid help)
  })
})
