/** The figures of DOMAIN.md ("The numbers") from sums the database computed. Integer arithmetic only (BigInt for products). */
import type { Figures, KindSums } from './models'
import { mulDivRound } from '../money'

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
export function figuresOf(s: KindSums): Figures {
  const timeCostMinor = s.time + s.touchpointCost
  const directCostMinor = timeCostMinor + s.material + s.expense
  const concessionsMinor = s.refund + s.discount + s.credit + s.gift
  const marginMinor = s.invoice - directCostMinor - concessionsMinor
  const minutes = s.timeMinutes + s.touchpointMinutes
  return {
    revenueMinor: s.invoice,
    collectedMinor: s.payment,
    outstandingMinor: s.invoice - s.payment,
    directCostMinor,
    timeCostMinor,
    touchpointCostMinor: s.touchpointCost,
    materialsMinor: s.material,
    expensesMinor: s.expense,
    concessionsMinor,
    marginMinor,
    marginPct: s.invoice > 0 ? mulDivRound(marginMinor, 1000, s.invoice) / 10 : null,
    minutes,
    timeMinutes: s.timeMinutes,
    touchpointMinutes: s.touchpointMinutes,
    effectiveRateMinor:
      minutes > 0 ? mulDivRound(s.invoice - s.material - s.expense - concessionsMinor, 60, minutes) : null,
  }
}
