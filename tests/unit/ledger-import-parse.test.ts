/** Reading single cells: dates, amounts, hours, kinds, currencies; and the progress events the preload lets through. */
import { describe, expect, it } from 'vitest'
import { createApi } from '../../electron/preload/api-factory'
import {
  parseAmount,
  parseCurrency,
  parseDate,
  parseHours,
  parseKind,
  parseMinutes,
} from '../../electron/shared/ledger-import/parse'
import { isImportProgress, type ImportProgress } from '../../electron/shared/ledger-import/progress'

describe('cells', () => {
  it('dates: ISO always (a time after it ignored), day-first or month-first only when chosen, real days only', () => {
    expect(parseDate('2026-03-31', 'YYYY-MM-DD')).toBe('2026-03-31')
    expect(parseDate('2026-3-1', 'YYYY-MM-DD')).toBe('2026-03-01')
    expect(parseDate('2026-03-31 14:05:00', 'YYYY-MM-DD')).toBe('2026-03-31')
    expect(parseDate('2026-03-31T14:05:00Z', 'DD/MM/YYYY')).toBe('2026-03-31')
    expect(parseDate('31/03/2026', 'YYYY-MM-DD')).toBeNull()
    expect(parseDate('31/03/2026', 'DD/MM/YYYY')).toBe('2026-03-31')
    expect(parseDate('03/31/2026', 'MM/DD/YYYY')).toBe('2026-03-31')
    expect(parseDate('31.03.2026', 'DD/MM/YYYY')).toBe('2026-03-31')
    expect(parseDate('31/03/2026', 'MM/DD/YYYY')).toBeNull()
    expect(parseDate('2026-02-29', 'YYYY-MM-DD')).toBeNull() // not a leap year
    expect(parseDate('2028-02-29', 'YYYY-MM-DD')).toBe('2028-02-29')
    expect(parseDate('March 3', 'DD/MM/YYYY')).toBeNull()
  })

  it('amounts: positive, in minor units, symbols and the code allowed, never more decimals than the currency', () => {
    expect(parseAmount('1,234.50', 'USD')).toBe(123450)
    expect(parseAmount('$1,234.50', 'USD')).toBe(123450)
    expect(parseAmount('1234.5 USD', 'USD')).toBe(123450)
    expect(parseAmount('0.10', 'USD')).toBe(10)
    expect(parseAmount('0.1', 'USD')).toBe(10) // "0.1" is exactly ten cents, never 0.1 as a float
    expect(parseAmount('1500', 'JPY')).toBe(1500)
    expect(parseAmount('15.5', 'JPY')).toBeNull()
    expect(parseAmount('12.345', 'USD')).toBeNull()
    expect(parseAmount('-5.00', 'USD')).toBeNull()
    expect(parseAmount('(5.00)', 'USD')).toBeNull()
    expect(parseAmount('12,34', 'USD')).toBeNull()
    expect(parseAmount('', 'USD')).toBeNull()
    expect(parseAmount('1e3', 'USD')).toBeNull()
  })

  it('hours to minutes: decimal or h:mm, rounded once, half up', () => {
    expect(parseHours('1.5')).toBe(90)
    expect(parseHours('0.25')).toBe(15)
    expect(parseHours('1,25')).toBe(75)
    expect(parseHours('2.333')).toBe(140) // 139.98 min
    expect(parseHours('0.0083')).toBe(0) // 0.498 min
    expect(parseHours('0.00834')).toBe(1) // 0.5004 min
    expect(parseHours('0.125')).toBe(8) // 7.5 min, half up
    expect(parseHours('1:30')).toBe(90)
    expect(parseHours('1:75')).toBeNull()
    expect(parseHours('-1')).toBeNull()
    expect(parseHours('1.5h')).toBeNull()
    expect(parseMinutes('90')).toBe(90)
    expect(parseMinutes('1.5')).toBeNull()
  })

  it('kinds by code or label, currencies by their code', () => {
    expect(parseKind('Goodwill gift')).toBe('gift')
    expect(parseKind(' INVOICE ')).toBe('invoice')
    expect(parseKind('Payment')).toBe('payment')
    expect(parseKind('bribe')).toBeNull()
    expect(parseCurrency('United States Dollar - USD')).toBe('USD')
    expect(parseCurrency('eur')).toBe('EUR')
    expect(parseCurrency('€')).toBeNull()
  })
})

describe('import progress events', () => {
  const good: ImportProgress = {
    token: 'a0b1c2d3-0000-4000-8000-000000000000',
    phase: 'reading',
    bytesRead: 10,
    totalBytes: 100,
    rowsRead: 3,
    badRows: 0,
  }

  it('pass the check only in their exact shape', () => {
    expect(isImportProgress(good)).toBe(true)
    expect(isImportProgress({ ...good, phase: 'deleting' })).toBe(false)
    expect(isImportProgress({ ...good, bytesRead: -1 })).toBe(false)
    expect(isImportProgress({ ...good, rowsRead: 1.5 })).toBe(false)
    expect(isImportProgress({ ...good, extra: 1 })).toBe(false)
    expect(isImportProgress(null)).toBe(false)
    expect(isImportProgress('progress')).toBe(false)
  })

  it('reach the renderer through the preload only when well formed, and stop after unsubscribing', () => {
    const listeners = new Set<(payload: unknown) => void>()
    const api = createApi(
      async () => ({ ok: true, data: null }),
      () => () => {},
      (listener) => {
        listeners.add(listener)
        return () => void listeners.delete(listener)
      },
    )
    const seen: ImportProgress[] = []
    const off = api.onImportProgress((p) => seen.push(p))
    for (const payload of [good, { ...good, phase: 'x' }, { __proto__: good }, 42]) listeners.forEach((l) => l(payload))
    off()
    listeners.forEach((l) => l(good))
    expect(seen).toEqual([good])
  })
})
