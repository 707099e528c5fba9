/**
 * Periods of the ledger as local calendar days (YYYY-MM-DD text, both ends included), and how a
 * period splits into whole months (read from the monthly totals) and the days at its edges (read
 * from the entries).
 */
import type { PeriodPreset } from './words'
import { addDays } from '../dates'

export interface Period {
  from: string
  to: string
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0')

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** 'YYYY-MM' shifted by `n` months. */
export function addMonths(month: string, n: number): string {
  const total = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n
  return `${pad(Math.floor(total / 12), 4)}-${pad((total % 12) + 1)}`
}

export const firstDay = (month: string) => `${month}-01`
export function lastDay(month: string): string {
  return `${month}-${pad(daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7))))}`
}

/** The same day `n` months earlier or later, clamped to the month's last day (29 Feb → 28 Feb). */
export function addMonthsToDate(date: string, n: number): string {
  const month = addMonths(date.slice(0, 7), n)
  const day = Math.min(Number(date.slice(8, 10)), daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7))))
  return `${month}-${pad(day)}`
}

/**
 * The days a preset covers, seen from `today` (the owner's local calendar day): this month,
 * quarter and year are whole calendar periods; the last 12 months end today and start the day
 * after the same day a year ago; custom is as chosen.
 */
export function periodOf(
  preset: PeriodPreset,
  today: string,
  custom?: { from: string | null; to: string | null },
): Period {
  const month = today.slice(0, 7)
  const year = today.slice(0, 4)
  switch (preset) {
    case 'month':
      return { from: firstDay(month), to: lastDay(month) }
    case 'quarter': {
      const q0 = Math.floor((Number(today.slice(5, 7)) - 1) / 3) * 3 + 1
      const first = `${year}-${pad(q0)}`
      return { from: firstDay(first), to: lastDay(addMonths(first, 2)) }
    }
    case 'year':
      return { from: `${year}-01-01`, to: `${year}-12-31` }
    case 'ttm':
      return { from: addDays(addMonthsToDate(today, -12), 1), to: today }
    case 'custom':
      if (!custom?.from || !custom.to) throw new RangeError('A custom period needs its first and last day')
      return { from: custom.from, to: custom.to }
  }
}

export interface PeriodSplit {
  /** The first and last whole month inside the period, or null when none is whole. */
  months: { first: string; last: string } | null
  /** The days outside those months, at most one range at each end. */
  edges: Period[]
}

/** Splits a period into whole months and the partial days at its edges. */
export function splitPeriod(p: Period): PeriodSplit {
  if (p.from > p.to) return { months: null, edges: [] }
  const first = p.from.endsWith('-01') ? p.from.slice(0, 7) : addMonths(p.from.slice(0, 7), 1)
  const last = p.to === lastDay(p.to.slice(0, 7)) ? p.to.slice(0, 7) : addMonths(p.to.slice(0, 7), -1)
  if (first > last) return { months: null, edges: [p] }
  const edges: Period[] = []
  if (p.from < firstDay(first)) edges.push({ from: p.from, to: addDays(firstDay(first), -1) })
  if (p.to > lastDay(last)) edges.push({ from: addDays(lastDay(last), 1), to: p.to })
  return { months: { first, last }, edges }
}

/** Every month from `first` to `last`, inclusive. */
export function monthsBetween(first: string, last: string): string[] {
  const out: string[] = []
  for (let m = first; m <= last; m = addMonths(m, 1)) out.push(m)
  return out
}

/** The last `n` whole months to today: this month and the n − 1 before it, from the first day. */
export function lastMonths(today: string, n: number): { from: string; to: string } {
  return { from: firstDay(addMonths(today.slice(0, 7), -(n - 1))), to: today }
}
