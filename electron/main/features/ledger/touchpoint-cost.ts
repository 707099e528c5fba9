/**
 * What complaint handling cost: touchpoint minutes at the rate each touchpoint was logged at, summed
 * per group (a client, a month, a turnaround) and rate in SQL, and costed once per group and rate.
 */
import type { EntityManager, SelectQueryBuilder } from 'typeorm'
import type { TouchpointEntity } from '../../db/entities'
import { touchpointMinutesQuery } from '../../db/touchpoint-minutes'
import { costOfMinutes } from '../../../shared/money'

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
    rate: string | number
    minutes: string | number
  }>()
  const out = new Map<string, TouchpointCost>()
  for (const r of rows) {
    const key = String(r.grp)
    const sum = out.get(key) ?? { minutes: 0, costMinor: 0 }
    sum.minutes += Number(r.minutes)
    sum.costMinor += costOfMinutes(Number(r.minutes), Number(r.rate))
    out.set(key, sum)
  }
  return out
}
