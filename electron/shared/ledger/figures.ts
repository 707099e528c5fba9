/** The figures of DOMAIN.md ("The numbers") from sums the database computed. Integer arithmetic only (BigInt for products). */
import type { Figures, KindSums } from './models'
import { mulDivRound } from '../money'
import { KIND_GROUPS, kindsIn, type EntryKind, type KindGroup } from './words'

export function emptySums(): KindSums {
  return {
    invoice: 0,
    payment: 0,
    time: 0,
    material: 0,
    expense: 0,
    refund: 0,
    discount: 0,
    credit: 0,
    gift: 0,
    timeMinutes: 0,
    touchpointMinutes: 0,
    touchpointCost: 0,
  }
}

export function addSums(into: KindSums, more: KindSums): KindSums {
  for (const k of Object.keys(into) as Array<keyof KindSums>) into[k] += more[k]
  return into
}

/**
 * revenue = invoices; collected = payments; outstanding = invoiced − paid;
 * direct cost = time (entries and touchpoints) + materials + expenses;
 * concessions = refunds + discounts + credits + gifts; margin = revenue − direct cost − concessions;
 * margin % = margin ÷ revenue (one decimal); effective hourly rate = (revenue − materials − expenses
 * − concessions) ÷ hours worked, rounded half away from zero to a minor unit.
 */
/** Each group's kinds, worked out once (figuresOf runs for every client of the portfolio). */
const KINDS_OF = Object.fromEntries(KIND_GROUPS.map((g) => [g, kindsIn(g)])) as Record<KindGroup, EntryKind[]>

export function figuresOf(s: KindSums): Figures {
  const sumOf = (group: KindGroup) => KINDS_OF[group].reduce((sum, kind) => sum + s[kind], 0)
  const revenueMinor = sumOf('revenue')
  const collectedMinor = sumOf('collected')
  const timeCostMinor = s.time + s.touchpointCost
  // Touchpoints are complaint-handling time: a direct cost that has no entry kind of its own.
  const directCostMinor = sumOf('direct_cost') + s.touchpointCost
  const concessionsMinor = sumOf('concession')
  const marginMinor = revenueMinor - directCostMinor - concessionsMinor
  const minutes = s.timeMinutes + s.touchpointMinutes
  return {
    revenueMinor,
    collectedMinor,
    outstandingMinor: revenueMinor - collectedMinor,
    directCostMinor,
    timeCostMinor,
    touchpointCostMinor: s.touchpointCost,
    materialsMinor: s.material,
    expensesMinor: s.expense,
    concessionsMinor,
    marginMinor,
    marginPct: revenueMinor > 0 ? mulDivRound(marginMinor, 1000, revenueMinor) / 10 : null,
    minutes,
    timeMinutes: s.timeMinutes,
    touchpointMinutes: s.touchpointMinutes,
    effectiveRateMinor:
      minutes > 0
        ? mulDivRound(revenueMinor - (directCostMinor - timeCostMinor) - concessionsMinor, 60, minutes)
        : null,
  }
}
