import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseAmount } from '../../electron/shared/ledger-import/parse'
import {
  MAX_AMOUNT_MINOR,
  currencyMarks,
  currencySymbol,
  formatMoney,
  minorDigits,
  minorToInputText,
  parseMoney,
  timeRate,
  withoutCurrency,
} from '../../electron/shared/money'

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

describe('amounts in the business’s locale (Intl)', () => {
  it.each([
    ['12,34', 'EUR', 'de-DE', 1234],
    ['1.234,50', 'EUR', 'de-DE', 123450],
    ['1.234', 'EUR', 'de-DE', 123400],
    ['12,34', 'EUR', 'fr-FR', 1234],
    ['1 234,50', 'EUR', 'fr-FR', 123450],
    ['1\u202f234,50', 'EUR', 'fr-FR', 123450],
    ['12.5', 'EUR', 'fr-FR', 1250],
    ["1'234.50", 'CHF', 'de-CH', 123450],
    ['1,234.50', 'GBP', 'en-GB', 123450],
  ])('%j in %s for %s is %i', (text, currency, locale, minor) => {
    expect(parseMoney(text, currency, locale)).toBe(minor)
  })

  it.each([
    // A dot where the locale groups thousands with dots is not read as a decimal mark.
    ['12.34', 'EUR', 'de-DE'],
    ['12,345', 'EUR', 'de-DE'],
    ['1,23', 'GBP', 'en-GB'],
  ])('%j in %s for %s is not an amount', (text, currency, locale) => {
    expect(parseMoney(text, currency, locale)).toBeNull()
  })

  it('takes the currency’s symbol from Intl, not from a list', () => {
    expect(currencySymbol('EUR', 'de-DE')).toBe('€')
    expect(currencySymbol('GBP', 'en-GB')).toBe('£')
    expect(currencySymbol('USD', 'en-GB')).toBe('US$')
    expect(currencySymbol('CHF', 'de-CH')).toBe('CHF')
    expect(currencyMarks('USD')).toEqual(expect.arrayContaining(['USD', '$']))
    expect(withoutCurrency('1.234,50 €', 'EUR', 'de-DE')).toBe('1.234,50')
    expect(withoutCurrency('₩1,000', 'KRW')).toBe('1,000')
  })

  const LOCALES = [
    'en-GB',
    'en-US',
    'de-DE',
    'de-CH',
    'fr-FR',
    'nl-NL',
    'es-ES',
    'it-IT',
    'pt-BR',
    'sv-SE',
    'pl-PL',
    'ja-JP',
    'en-IN',
  ]
  const CURRENCIES = ['GBP', 'EUR', 'USD', 'JPY', 'CHF', 'KWD', 'SEK', 'INR']

  it('round-trips: an amount formatted for editing in a locale parses back to itself', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: MAX_AMOUNT_MINOR }),
        fc.constantFrom(...CURRENCIES),
        fc.constantFrom(...LOCALES),
        (minor, currency, locale) => parseMoney(minorToInputText(minor, currency, locale), currency, locale) === minor,
      ),
      { numRuns: 2000 },
    )
  })

  it('round-trips: an amount as the pages show it, grouped and with its symbol, imports back to itself', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: MAX_AMOUNT_MINOR }),
        fc.constantFrom(...CURRENCIES),
        fc.constantFrom(...LOCALES),
        (minor, currency, locale) => parseAmount(formatMoney(minor, currency, locale), currency, locale) === minor,
      ),
      { numRuns: 2000 },
    )
  })
})
