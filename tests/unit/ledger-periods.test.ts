import { afterEach, describe, expect, it } from 'vitest'
import { localIsoDate } from '../../electron/shared/dates'
import { lastMonths, monthsBetween, periodOf, splitPeriod } from '../../electron/shared/ledger/periods'
import { divRound } from '../../electron/shared/money'
import { figuresOf, emptySums } from '../../electron/shared/ledger/figures'

describe('periods, seen from the owner’s calendar day', () => {
  it('covers whole calendar months, quarters and years, and the last 12 months up to today', () => {
    expect(periodOf('month', '2026-02-10')).toEqual({ from: '2026-02-01', to: '2026-02-28' })
    expect(periodOf('month', '2028-02-10')).toEqual({ from: '2028-02-01', to: '2028-02-29' }) // leap year
    expect(periodOf('quarter', '2026-11-22')).toEqual({ from: '2026-10-01', to: '2026-12-31' })
    expect(periodOf('quarter', '2026-01-01')).toEqual({ from: '2026-01-01', to: '2026-03-31' })
    expect(periodOf('year', '2026-11-22')).toEqual({ from: '2026-01-01', to: '2026-12-31' })
    expect(periodOf('ttm', '2026-11-22')).toEqual({ from: '2025-11-23', to: '2026-11-22' })
    expect(periodOf('ttm', '2028-02-29')).toEqual({ from: '2027-03-01', to: '2028-02-29' }) // 2027-02-28 + 1 day
    expect(periodOf('custom', '2026-11-22', { from: '2026-03-15', to: '2026-04-02' })).toEqual({
      from: '2026-03-15',
      to: '2026-04-02',
    })
  })

  it('splits a period into whole months and the days at its edges', () => {
    expect(splitPeriod({ from: '2026-01-01', to: '2026-12-31' })).toEqual({
      months: { first: '2026-01', last: '2026-12' },
      edges: [],
    })
    expect(splitPeriod({ from: '2025-11-23', to: '2026-11-22' })).toEqual({
      months: { first: '2025-12', last: '2026-10' },
      edges: [
        { from: '2025-11-23', to: '2025-11-30' },
        { from: '2026-11-01', to: '2026-11-22' },
      ],
    })
    // Ends on the last day of February: February is whole.
    expect(splitPeriod({ from: '2026-01-15', to: '2026-02-28' })).toEqual({
      months: { first: '2026-02', last: '2026-02' },
      edges: [{ from: '2026-01-15', to: '2026-01-31' }],
    })
    // Inside one month: no whole month, the period itself is the edge.
    expect(splitPeriod({ from: '2026-03-15', to: '2026-04-02' })).toEqual({
      months: null,
      edges: [{ from: '2026-03-15', to: '2026-04-02' }],
    })
    expect(splitPeriod({ from: '2026-03-02', to: '2026-03-30' })).toEqual({
      months: null,
      edges: [{ from: '2026-03-02', to: '2026-03-30' }],
    })
  })

  const original = process.env.TZ
  afterEach(() => {
    process.env.TZ = original
  })

  it('takes "this month" from the local calendar, not UTC', () => {
    const instant = new Date('2026-03-31T23:30:00Z')
    process.env.TZ = 'Pacific/Auckland' // already 1 April, 12:30
    expect(periodOf('month', localIsoDate(instant))).toEqual({ from: '2026-04-01', to: '2026-04-30' })
    process.env.TZ = 'America/Los_Angeles' // still 31 March, 16:30
    expect(periodOf('month', localIsoDate(instant))).toEqual({ from: '2026-03-01', to: '2026-03-31' })
  })
})

describe('rounding', () => {
  it('divides half away from zero in integers', () => {
    expect(divRound(5, 2)).toBe(3) // 2.5 → 3
    expect(divRound(-5, 2)).toBe(-3) // −2.5 → −3
    expect(divRound(7, 3)).toBe(2) // 2.33 → 2
    expect(divRound(8, 3)).toBe(3) // 2.67 → 3
    expect(() => divRound(1, 0)).toThrow(RangeError)
  })

  it('rounds the effective hourly rate and margin % once', () => {
    // revenue 1000, 7 minutes: 1000 × 60 / 7 = 8571.43 → 8571 per hour
    const f = figuresOf({ ...emptySums(), invoice: 1000, time: 100, timeMinutes: 7 })
    expect(f.effectiveRateMinor).toBe(8571)
    // margin 900 / revenue 1000 = 90.0 %
    expect(f.marginPct).toBe(90)
    // margin 1 / 3 = 33.33 % → 33.3
    expect(figuresOf({ ...emptySums(), invoice: 3, time: 2 }).marginPct).toBe(33.3)
    // margin −1 / 8 = −12.5 % → −12.5 (exact), −1 / 6 = −16.67 → −16.7
    expect(figuresOf({ ...emptySums(), invoice: 6, time: 7 }).marginPct).toBe(-16.7)
    expect(figuresOf(emptySums()).marginPct).toBeNull()
    expect(figuresOf(emptySums()).effectiveRateMinor).toBeNull()
  })
})

describe('the last n months (Trends)', () => {
  it('is twelve whole months for 12, this month included, never thirteen', () => {
    const r = lastMonths('2026-12-03', 12)
    expect(r).toEqual({ from: '2026-01-01', to: '2026-12-03' })
    expect(monthsBetween(r.from.slice(0, 7), r.to.slice(0, 7))).toHaveLength(12)
    expect(lastMonths('2026-03-31', 3)).toEqual({ from: '2026-01-01', to: '2026-03-31' })
  })
})
