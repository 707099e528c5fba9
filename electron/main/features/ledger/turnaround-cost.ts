/**
 * What a turnaround has cost so far (entries tagged to it, and its touchpoints at the rate each was
 * logged at) and what its plan's open actions would still cost. SQL aggregates only.
 */
import type { EntityManager } from 'typeorm'
import { ActionEntity, LedgerEntryEntity, StaffEntity, TurnaroundEntity } from '../../db/entities'
import { costOfMinutes, timeRate } from '../../../shared/money'
import type { TurnaroundCost } from '../../../shared/ledger/models'
import { COST_KINDS } from '../../../shared/ledger/words'
import { kindIn } from './kind-sql'
import { touchpointCostBy } from './touchpoint-cost'

/** Every cost kind but time, whose minutes are counted apart. */
const OTHER_COST_KINDS = COST_KINDS.filter((k) => k !== 'time')

type Row = Record<string, string | number | null>

/** The cost so far of every turnaround of one client (or of one turnaround), oldest first. */
export async function turnaroundCosts(
  m: EntityManager,
  where: { clientId: number } | { turnaroundId: number },
): Promise<TurnaroundCost[]> {
  const tq = m
    .createQueryBuilder(TurnaroundEntity, 't')
    .select(['t.id', 't.openedOn', 't.closedOn'])
    .orderBy('t.openedOn', 'ASC')
    .addOrderBy('t.id', 'ASC')
  if ('clientId' in where) tq.where('t.clientId = :clientId', where)
  else tq.where('t.id = :turnaroundId', where)
  const turnarounds = await tq.getMany()
  if (turnarounds.length === 0) return []
  const ids = turnarounds.map((t) => t.id)
  const entries = await m
    .createQueryBuilder(LedgerEntryEntity, 'e')
    .select('e.turnaroundId', 'turnaroundId')
    .addSelect(`SUM(CASE WHEN e.kind = 'time' THEN e.amountMinor ELSE 0 END)`, 'timeCost')
    .addSelect(`SUM(CASE WHEN e.kind = 'time' THEN COALESCE(e.minutes, 0) ELSE 0 END)`, 'minutes')
    .addSelect(`SUM(CASE WHEN ${kindIn('e.kind', OTHER_COST_KINDS)} THEN e.amountMinor ELSE 0 END)`, 'other')
    .where('e.turnaroundId IN (:...ids)', { ids })
    .groupBy('e.turnaroundId')
    .getRawMany<Row>()
  const touch = await touchpointCostBy(m, 'tp.turnaroundId', (qb) => qb.where('tp.turnaroundId IN (:...ids)', { ids }))
  return turnarounds.map((t) => {
    const e = entries.find((r) => Number(r.turnaroundId) === t.id)
    const touchpointMinutes = touch.get(String(t.id))?.minutes ?? 0
    const touchpointCostMinor = touch.get(String(t.id))?.costMinor ?? 0
    const timeCostMinor = Number(e?.timeCost ?? 0)
    const otherCostMinor = Number(e?.other ?? 0)
    return {
      turnaroundId: t.id,
      openedOn: t.openedOn,
      closedOn: t.closedOn,
      minutes: Number(e?.minutes ?? 0) + touchpointMinutes,
      timeCostMinor,
      touchpointMinutes,
      touchpointCostMinor,
      otherCostMinor,
      costMinor: timeCostMinor + touchpointCostMinor + otherCostMinor,
    }
  })
}

/**
 * The plan's open actions (planned or in progress, ours to do): their effort at the rate of who is
 * responsible (a staff member's cost rate, else the owner's hourly worth), plus their stated cost.
 */
export async function plannedCost(
  m: EntityManager,
  turnaroundId: number,
  hourlyWorthMinor: number,
): Promise<{ minor: number; minutes: number; actions: number }> {
  const rows = await m
    .createQueryBuilder(ActionEntity, 'a')
    .leftJoin(StaffEntity, 's', 's.name = a.responsible')
    .select('s.costRateMinor', 'rate')
    .addSelect('SUM(a.effortMinutes)', 'minutes')
    .addSelect('SUM(a.costMinor)', 'cost')
    .addSelect('COUNT(*)', 'actions')
    .where('a.turnaroundId = :turnaroundId', { turnaroundId })
    .andWhere("a.status IN ('planned', 'in_progress')")
    .andWhere("a.party = 'us'")
    .groupBy('a.responsible')
    .addGroupBy('s.costRateMinor')
    .getRawMany<Row>()
  let minor = 0
  let minutes = 0
  let actions = 0
  for (const r of rows) {
    minutes += Number(r.minutes)
    actions += Number(r.actions)
    minor +=
      costOfMinutes(Number(r.minutes), timeRate(null, r.rate === null ? null : Number(r.rate), hourlyWorthMinor)) +
      Number(r.cost)
  }
  return { minor, minutes, actions }
}
