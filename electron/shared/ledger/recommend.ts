/**
 * The keep-or-cut recommendation: a pure function of the figures, so every branch is tested on
 * each side of each limit. The owner decides; this explains.
 */
import { formatsFor, type Formats } from '../format'
import type { DecisionFigures, LimitCheck, RecommendationResult, RelationshipWorth } from './models'
import type { Recommendation } from './words'

/** Minutes as hours and minutes ("7,170 h 15 min"): the shared formatter's duration, in English by default. */
export function hoursText(minutes: number, fmt: Formats = formatsFor('en')): string {
  return fmt.duration(minutes)
}

/** Relationship worth = max(0, trailing-12-month margin) × horizon in years + referral value. */
export function relationshipWorth(ttmMarginMinor: number, horizonYears: number, referralValueMinor: number): number {
  return Math.max(0, ttmMarginMinor) * horizonYears + referralValueMinor
}

/** The relationship's worth and how it was reached; a client without an estimate takes the default referral value. */
export function worthOf(
  ttmMarginMinor: number,
  horizonYears: number,
  clientReferralMinor: number | null,
  defaultReferralMinor: number,
): RelationshipWorth {
  const referralValueMinor = clientReferralMinor ?? defaultReferralMinor
  return {
    worthMinor: relationshipWorth(ttmMarginMinor, horizonYears, referralValueMinor),
    ttmMarginMinor,
    horizonYears,
    referralValueMinor,
    referralIsDefault: clientReferralMinor === null,
  }
}

/**
 * What the owner's limit lets a turnaround cost: `maxSharePct`% of the relationship's worth, rounded
 * down to the minor unit. Exact (BigInt): worth × share may pass 2^53.
 */
export function turnaroundCostLimit(worthMinor: number, maxSharePct: number): number {
  return Number((BigInt(worthMinor) * BigInt(maxSharePct)) / 100n)
}

/** The limits checked, each in a sentence written by `fmt` (the business's locale). */
export function checkLimits(f: DecisionFigures, fmt: Formats = formatsFor('en')): LimitCheck[] {
  const m = (v: number) => fmt.money(v, f.currency)
  const hours = fmt.duration
  // Integer comparison: cost × 100 > worth × share%, never a rounded fraction (BigInt: the products may pass 2^53).
  const shareBreached = BigInt(f.totalCostMinor) * 100n > BigInt(f.worthMinor) * BigInt(f.maxSharePct)
  const minutes = f.spentMinutes + f.plannedMinutes
  const hoursBreached = minutes > f.maxMinutes
  const rateBreached =
    f.effectiveRateMinor !== null && f.minEffectiveRateMinor > 0 && f.effectiveRateMinor < f.minEffectiveRateMinor
  const allowed = turnaroundCostLimit(f.worthMinor, f.maxSharePct)
  return [
    {
      key: 'share',
      breached: shareBreached,
      sentence: `Spent and still planned, the turnaround costs ${m(f.totalCostMinor)}; your limit is ${f.maxSharePct}% of the relationship's worth, ${m(allowed)}${shareBreached ? ', so it is over the limit.' : ', so it is within the limit.'}`,
    },
    {
      key: 'hours',
      breached: hoursBreached,
      sentence: `It takes ${hours(minutes)} (${hours(f.spentMinutes)} spent, ${hours(f.plannedMinutes)} planned); your limit is ${hours(f.maxMinutes)}${hoursBreached ? ', so it is over the limit.' : ', so it is within the limit.'}`,
    },
    {
      key: 'rate',
      breached: rateBreached,
      sentence:
        f.effectiveRateMinor === null
          ? 'No time was recorded for this client in the last 12 months, so there is no effective hourly rate to check.'
          : f.minEffectiveRateMinor === 0
            ? `The client earns you ${m(f.effectiveRateMinor)} per hour worked; you have set no minimum rate.`
            : `The client earns you ${m(f.effectiveRateMinor)} per hour worked; your minimum is ${m(f.minEffectiveRateMinor)}${rateBreached ? ', so it is below it.' : ', so it is at or above it.'}`,
    },
  ]
}

/**
 * Cut ties when the turnaround costs at least what the relationship is worth, when two or more
 * limits are breached, or when a limit is breached and the client keeps raising new issues after
 * agreeing the plan. Stand firm when one limit is breached, or when new issues came after the plan.
 * Give the client their way when no limit is breached, no new issue came, the cost is at most half
 * of what the limit allows and each hour earns at least the owner's hourly worth. Otherwise keep investing.
 */
export function recommend(f: DecisionFigures, fmt: Formats = formatsFor('en')): RecommendationResult {
  const m = (v: number) => fmt.money(v, f.currency)
  const dayText = fmt.date
  const limits = checkLimits(f, fmt)
  const breached = limits.filter((l) => l.breached).length
  const reasons: string[] = []
  reasons.push(
    `The relationship is worth ${m(f.worthMinor)}: ${m(Math.max(0, f.ttmMarginMinor))} of margin in the last 12 months${f.ttmMarginMinor < 0 ? ` (it was ${m(f.ttmMarginMinor)}, counted as nothing)` : ''} × ${f.horizonYears} year${f.horizonYears === 1 ? '' : 's'}, plus ${m(f.referralValueMinor)} of referral value${f.referralIsDefault ? ' (your default)' : ''}.`,
  )
  reasons.push(
    `The turnaround has cost ${m(f.spentMinor)} so far and its ${f.openActions} open action${f.openActions === 1 ? '' : 's'} would cost ${m(f.plannedMinor)} more: ${m(f.totalCostMinor)} in all.`,
  )
  if (f.effectiveRateMinor !== null && f.effectiveRateMinor < f.hourlyWorthMinor) {
    reasons.push(
      `Each hour on this client earns ${m(f.effectiveRateMinor)}, less than your hourly worth of ${m(f.hourlyWorthMinor)}: the same hours might earn more spent on other clients.`,
    )
  }
  if (f.planAgreedOn === null) reasons.push('The plan is not agreed yet, so no new issue counts against it.')
  else if (f.newIssuesAfterPlan > 0)
    reasons.push(
      `The client raised ${f.newIssuesAfterPlan} new issue${f.newIssuesAfterPlan === 1 ? '' : 's'} after agreeing the plan on ${dayText(f.planAgreedOn)}.`,
    )
  else reasons.push(`No new issue was raised since the plan was agreed on ${dayText(f.planAgreedOn)}.`)

  let recommendation: Recommendation
  const rateOk = f.effectiveRateMinor === null || f.effectiveRateMinor >= f.hourlyWorthMinor
  if (f.totalCostMinor >= f.worthMinor && f.totalCostMinor > 0) {
    recommendation = 'cut_ties'
    reasons.push(
      'The turnaround costs at least what the whole relationship is worth: letting the client go courteously costs less than keeping them.',
    )
  } else if (breached >= 2) {
    recommendation = 'cut_ties'
    reasons.push(`${breached} of your risk limits are breached: by your own rules it is time to let the client go.`)
  } else if (breached === 1 && f.newIssuesAfterPlan > 0) {
    recommendation = 'cut_ties'
    reasons.push(
      'A risk limit is breached and the client keeps coming back with new demands: by your own rules it is time to let the client go.',
    )
  } else if (breached === 1) {
    recommendation = 'stand_firm'
    reasons.push('One risk limit is breached: finish what was agreed, but make no further concessions.')
  } else if (f.newIssuesAfterPlan > 0) {
    recommendation = 'stand_firm'
    reasons.push('New demands after an agreed plan: hold to the plan and deal with them separately, at a price.')
  } else if (BigInt(f.totalCostMinor) * 200n <= BigInt(f.worthMinor) * BigInt(f.maxSharePct) && rateOk) {
    recommendation = 'give_way'
    reasons.push(
      'The cost is at most half of what your limit allows and the client earns at least your hourly worth: giving the client their way is cheap against what they are worth.',
    )
  } else {
    recommendation = 'keep_investing'
    reasons.push('Every limit holds: the relationship is worth the turnaround, so keep investing in it.')
  }
  return { recommendation, limits, reasons }
}
