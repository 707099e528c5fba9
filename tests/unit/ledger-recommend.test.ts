import { describe, expect, it } from 'vitest'
import type { DecisionFigures } from '../../electron/shared/ledger/models'
import { recommend, relationshipWorth, turnaroundCostLimit } from '../../electron/shared/ledger/recommend'

/**
 * A client worth 10,000.00: 4,000.00 of margin in 12 months × 2 years + 2,000.00 referral value.
 * Limits: 25% of worth (2,500.00), 20 hours, 50.00 per hour at least; the owner's hourly worth 80.00.
 */
const base: DecisionFigures = {
  currency: 'EUR',
  ttmMarginMinor: 400000,
  horizonYears: 2,
  referralValueMinor: 200000,
  referralIsDefault: false,
  worthMinor: 1000000,
  spentMinor: 150000,
  spentMinutes: 600,
  plannedMinor: 50000,
  plannedMinutes: 300,
  openActions: 2,
  totalCostMinor: 200000, // 20% of worth: inside the 25% limit, above half of it (12.5%)
  maxSharePct: 25,
  maxMinutes: 1200,
  effectiveRateMinor: 9000,
  hourlyWorthMinor: 8000,
  minEffectiveRateMinor: 5000,
  newIssuesAfterPlan: 0,
  planAgreedOn: '2026-11-01',
}
const withCost = (total: number, extra: Partial<DecisionFigures> = {}) => ({
  ...base,
  spentMinor: total - base.plannedMinor,
  totalCostMinor: total,
  ...extra,
})
const breached = (f: DecisionFigures) =>
  recommend(f)
    .limits.filter((l) => l.breached)
    .map((l) => l.key)

describe('relationship worth', () => {
  it('is max(0, 12-month margin) × horizon + referral value', () => {
    expect(relationshipWorth(400000, 2, 200000)).toBe(1000000) // 4000 × 2 + 2000 = 10,000.00
    expect(relationshipWorth(-50000, 3, 10000)).toBe(10000) // a loss counts as nothing: 0 × 3 + 100.00
  })
})

describe('what the limit lets a turnaround cost', () => {
  it('is the share of the worth, rounded down to the minor unit', () => {
    expect(turnaroundCostLimit(1000000, 25)).toBe(250000) // 25% of 10,000.00 = 2,500.00
    expect(turnaroundCostLimit(1003, 25)).toBe(250) // 250.75 minor units: 250
    expect(turnaroundCostLimit(0, 40)).toBe(0)
  })
  it('is exact where worth × share passes 2^53 and floating point is not', () => {
    // 900,719,925,474,101 × 99 / 100 = 891,712,726,219,359.99: floating point gives …360.
    expect(turnaroundCostLimit(900719925474101, 99)).toBe(891712726219359)
  })
  it('is the amount the share limit names', () => {
    const f = { ...base, worthMinor: 1000003, maxSharePct: 33 } // 330,000.99 minor units: 330,000 = €3,300.00
    expect(turnaroundCostLimit(f.worthMinor, f.maxSharePct)).toBe(330000)
    expect(recommend(f).limits.find((l) => l.key === 'share')?.sentence).toContain(
      "33% of the relationship's worth, €3,300.00",
    )
  })
})

describe('the limits, on each side', () => {
  it('share of worth: 2,500.00 is at the limit, 2,500.01 over it', () => {
    expect(breached(withCost(250000))).toEqual([])
    expect(breached(withCost(250001))).toEqual(['share'])
  })
  it('hours: 20 h is at the limit, 20 h 1 min over it', () => {
    expect(breached({ ...base, spentMinutes: 900, plannedMinutes: 300 })).toEqual([]) // 900 + 300 = 1200
    expect(breached({ ...base, spentMinutes: 901, plannedMinutes: 300 })).toEqual(['hours'])
  })
  it('effective rate: 50.00 meets the minimum, 49.99 is below; no minimum set never breaches', () => {
    expect(breached({ ...base, effectiveRateMinor: 5000 })).toEqual([])
    expect(breached({ ...base, effectiveRateMinor: 4999 })).toEqual(['rate'])
    expect(breached({ ...base, effectiveRateMinor: 100, minEffectiveRateMinor: 0 })).toEqual([])
    expect(breached({ ...base, effectiveRateMinor: null })).toEqual([])
  })
})

describe('the recommendation', () => {
  it('keeps investing when every limit holds and the cost is over half of what the limit allows', () => {
    expect(recommend(base).recommendation).toBe('keep_investing')
    expect(recommend(withCost(125001)).recommendation).toBe('keep_investing') // 12.50001 % > 12.5 %
  })
  it('gives the client their way when the cost is at most half the limit and each hour earns the owner’s worth', () => {
    expect(recommend(withCost(125000)).recommendation).toBe('give_way') // exactly 12.5 %
    expect(recommend(withCost(125000, { effectiveRateMinor: 7999 })).recommendation).toBe('keep_investing') // below 80.00/h
    expect(recommend(withCost(125000, { effectiveRateMinor: 8000 })).recommendation).toBe('give_way')
  })
  it('stands firm with one limit breached, or with new issues after the plan', () => {
    expect(recommend(withCost(250001)).recommendation).toBe('stand_firm')
    expect(recommend({ ...base, spentMinutes: 901 }).recommendation).toBe('stand_firm')
    expect(recommend({ ...base, effectiveRateMinor: 4999 }).recommendation).toBe('stand_firm')
    expect(recommend({ ...base, newIssuesAfterPlan: 1 }).recommendation).toBe('stand_firm')
  })
  it('cuts ties with two limits breached, one breached and new issues, or a cost at or above the worth', () => {
    expect(recommend({ ...withCost(250001), spentMinutes: 901 }).recommendation).toBe('cut_ties')
    expect(recommend({ ...withCost(250001), newIssuesAfterPlan: 2 }).recommendation).toBe('cut_ties')
    const whole = recommend(withCost(1000000, { maxSharePct: 100 }))
    expect(whole.recommendation).toBe('cut_ties') // 10,000.00 ≥ 10,000.00, though within a 100 % limit
    expect(recommend(withCost(999999, { maxSharePct: 100 })).recommendation).toBe('keep_investing')
  })
  it('explains itself with the figures in plain words', () => {
    const r = recommend({ ...withCost(250001), newIssuesAfterPlan: 2 })
    const text = r.reasons.join(' ')
    expect(text).toContain('€10,000.00')
    expect(text).toMatch(/2 new issues after agreeing the plan on (1 Nov 2026|Nov 1, 2026)\./)
    expect(r.limits.find((l) => l.key === 'share')?.sentence).toContain('€2,500.01')
    expect(r.limits.find((l) => l.key === 'hours')?.sentence).toContain('15 h')
  })
})
