/**
 * Touchpoint minutes and their cost summed per group, the one rule both the ledger's whole
 * (ledger-total.ts) and the figures of a period (features/ledger/touchpoint-cost.ts, figures-query.ts)
 * cost complaint handling by: each touchpoint's minutes × the hourly rate it was logged at, added up
 * exactly in SQL (`minute_rates`, in sixtieths of a minor unit), and the group's cost that sum ÷ 60
 * rounded once (half away from zero), like time.
 *
 * The sum is a safe integer for any ledger the app keeps: it is at most 60 × the touchpoints' cost
 * plus 30 a group, and the ledger's whole never passes MAX_LEDGER_TOTAL_MINOR (1.5 × 10^14, so
 * 60 × it is 9 × 10^15, under 2^53). Only the check of a write that would pass it can see more,
 * and it counts such a sum as over (ledger-total.ts).
 */
import type { EntityManager, SelectQueryBuilder } from 'typeorm'
import type { Engine } from './engine'
import { TouchpointEntity } from './entities'
import { divRound } from '../../shared/money'

/**
 * Each touchpoint's minutes × its rate, summed, as SQL on alias `tp`: in 64-bit integers on both
 * engines (SQLite's integers are; PostgreSQL's columns are bigint, postgres-engine.ts).
 */
const MINUTE_RATES = 'SUM(tp.minutes * tp.rate_minor)'

/** A group's cost from its summed minute rates (as the database answers them: a number or a string). */
export function costOfMinuteRates(sum: unknown): number {
  return divRound(Number(sum ?? 0), 60)
}

/**
 * The minutes and their summed minute rates per value of `group` (an SQL expression on alias `tp`),
 * over the touchpoints `where` keeps (all when left out), as `grp`, `minutes` and `minute_rates`.
 * Grouped by client, read in order from the index on client and day (migration 0017) alone.
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
      .addSelect('SUM(tp.minutes)', 'minutes')
      .addSelect(MINUTE_RATES, 'minute_rates'),
  )
    .andWhere('tp.minutes > 0')
    .groupBy(group)
}

/**
 * Per client over the days `$1` to `$2` (and client `$3` when `oneClient`): the client, the minutes
 * and their summed minute rates. The clients are walked in order and each one's days read as one run
 * of the index on client and day: only the period's touchpoints are read, grouped with no sort (a
 * scan of the whole index filtered by day read every touchpoint ever logged).
 */
export function touchpointDaySums(engine: Engine, oneClient: boolean): string {
  const p = (n: number) => engine.param(n)
  return `SELECT c.id, SUM(tp.minutes) AS minutes_sum, ${MINUTE_RATES} AS minute_rates
    FROM clients c CROSS JOIN touchpoints tp
    WHERE tp.client_id = c.id AND tp.occurred_on BETWEEN ${p(1)} AND ${p(2)} AND tp.minutes > 0${oneClient ? ` AND c.id = ${p(3)}` : ''}
    GROUP BY c.id`
}
