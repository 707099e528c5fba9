/**
 * Touchpoint minutes summed per group and rate, the one query both the ledger's whole
 * (ledger-total.ts) and the figures of a period (features/ledger/touchpoint-cost.ts) cost from.
 */
import type { EntityManager, SelectQueryBuilder } from 'typeorm'
import { TouchpointEntity } from './entities'

/**
 * The minutes per value of `group` (an SQL expression on alias `tp`) and rate, over the touchpoints
 * `where` keeps (all when left out): read in order from the touchpoints' cost index alone
 * (migration 0016) when grouped by client, with no sort of every touchpoint.
 */
export function touchpointMinutesQuery(
  m: EntityManager,
  group: string,
  where: (qb: SelectQueryBuilder<TouchpointEntity>) => SelectQueryBuilder<TouchpointEntity> = (qb) => qb,
): SelectQueryBuilder<TouchpointEntity> {
  return where(
    m
      .createQueryBuilder(TouchpointEntity, 'tp')
      .select(group, 'grp')
      .addSelect('tp.rateMinor', 'rate')
      .addSelect('SUM(tp.minutes)', 'minutes'),
  )
    .andWhere('tp.minutes > 0')
    .groupBy(group)
    .addGroupBy('tp.rateMinor')
}
