/**
 * What complaint handling cost: touchpoint minutes at the rate each touchpoint was logged at, summed
 * exactly per group (a client, a month, a turnaround) in SQL and rounded once per group
 * (db/touchpoint-minutes.ts).
 */
import type { EntityManager, SelectQueryBuilder } from 'typeorm'
import type { TouchpointEntity } from '../../db/entities'
import { costOfMinuteRates, touchpointMinutesQuery } from '../../db/touchpoint-minutes'

export interface TouchpointCost {
  minutes: number
  costMinor: number
}

/**
 * Touchpoint minutes and their cost per value of `group` (an SQL expression on alias `tp`), over the
 * touchpoints `where` keeps.
 */
export async function touchpointCostBy(
  m: EntityManager,
  group: string,
  where: (qb: SelectQueryBuilder<TouchpointEntity>) => SelectQueryBuilder<TouchpointEntity>,
): Promise<Map<string, TouchpointCost>> {
  const rows = await touchpointMinutesQuery(m, group, where).getRawMany<{
    grp: string | number
    minutes: string | number
    minute_rates: string | number
  }>()
  return new Map(
    rows.map((r) => [String(r.grp), { minutes: Number(r.minutes), costMinor: costOfMinuteRates(r.minute_rates) }]),
  )
}
