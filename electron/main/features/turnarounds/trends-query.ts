import type { EntityManager, SelectQueryBuilder } from 'typeorm'
import { IssueEntity, TurnaroundEntity } from '../../db/entities'
import type { TrendCount, TrendsData } from '../../../shared/turnarounds/models'
import type { RootCause, Severity } from '../../../shared/turnarounds/words'
import { builtQuery } from '../../db/built-query'

/** How many staff members and products the trends show: the ones named most. */
export const TRENDS_TOP = 10

/** The month of an ISO date as text (YYYY-MM): portable to PostgreSQL, unlike strftime. */
const MONTH = 'SUBSTR(i.raised_on, 1, 7)'

/** Every month (YYYY-MM) from the month of `from` to the month of `to`, oldest first. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = []
  let year = Number(from.slice(0, 4))
  let month = Number(from.slice(5, 7))
  const last = to.slice(0, 7)
  for (;;) {
    const key = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`
    if (key > last) break
    months.push(key)
    if (++month > 12) {
      month = 1
      year++
    }
  }
  return months
}

type Period = { from: string; to: string }

const issues = (m: EntityManager, { from, to }: Period): SelectQueryBuilder<IssueEntity> =>
  m
    .createQueryBuilder(IssueEntity, 'i')
    .where('i.raised_on >= :from AND i.raised_on <= :to', { from, to })
    .andWhere("i.status <> 'dropped'")

const PERIOD: Array<keyof Period> = ['from', 'to']

const byRootCauseOf = builtQuery<Period, { month: string; rootCause: RootCause; count: number | string }>(
  (m, period) =>
    issues(m, period)
      .select(MONTH, 'month')
      .addSelect('i.root_cause', 'rootCause')
      .addSelect('COUNT(*)', 'count')
      .andWhere('i.root_cause IS NOT NULL')
      .groupBy(MONTH)
      .addGroupBy('i.root_cause')
      .orderBy(MONTH, 'ASC')
      .addOrderBy('i.root_cause', 'ASC'),
  PERIOD,
)

const bySeverityOf = builtQuery<Period, { month: string; severity: number | string; count: number | string }>(
  (m, period) =>
    issues(m, period)
      .select(MONTH, 'month')
      .addSelect('i.severity', 'severity')
      .addSelect('COUNT(*)', 'count')
      .groupBy(MONTH)
      .addGroupBy('i.severity')
      .orderBy(MONTH, 'ASC')
      .addOrderBy('i.severity', 'ASC'),
  PERIOD,
)

const rankedBy = (column: string) =>
  builtQuery<Period, { key: string; count: number | string }>(
    (m, period) =>
      issues(m, period)
        .select(column, 'key')
        .addSelect('COUNT(*)', 'count')
        .andWhere(`${column} <> ''`)
        .groupBy(column)
        .orderBy('COUNT(*)', 'DESC')
        .addOrderBy(column, 'ASC')
        .limit(TRENDS_TOP),
    PERIOD,
  )
const staffOf = rankedBy('i.staff_member')
const productsOf = rankedBy('i.product')

const sharedOf = builtQuery<Period, { rootCause: RootCause; clients: number | string; issues: number | string }>(
  (m, period) =>
    issues(m, period)
      .innerJoin(TurnaroundEntity, 't', 't.id = i.turnaround_id')
      .select('i.root_cause', 'rootCause')
      .addSelect('COUNT(DISTINCT t.client_id)', 'clients')
      .addSelect('COUNT(*)', 'issues')
      .andWhere('i.root_cause IS NOT NULL')
      .groupBy('i.root_cause')
      .having('COUNT(DISTINCT t.client_id) >= 2')
      .orderBy('COUNT(DISTINCT t.client_id)', 'DESC')
      .addOrderBy('COUNT(*)', 'DESC')
      .addOrderBy('i.root_cause', 'ASC'),
  PERIOD,
)

/**
 * Issue patterns over a period (both days included), counted in SQL: per month by root cause and by
 * severity, the staff members and products named most, and the root causes that more than one
 * client raised. Dropped issues are left out: they were not real, specific issues. Each query's
 * SQL is written once per database (built-query.ts).
 */
export async function trendsData(m: EntityManager, from: string, to: string): Promise<TrendsData> {
  const period = { from, to }
  const byRootCause = await byRootCauseOf(m, period)
  const bySeverity = await bySeverityOf(m, period)
  const staff = await staffOf(m, period)
  const products = await productsOf(m, period)
  const shared = await sharedOf(m, period)

  const counts = (rows: Array<{ key: string; count: number | string }>): TrendCount[] =>
    rows.map((r) => ({ key: r.key, count: Number(r.count) }))
  return {
    from,
    to,
    months: monthsBetween(from, to),
    byRootCause: byRootCause.map((r) => ({ month: r.month, rootCause: r.rootCause, count: Number(r.count) })),
    bySeverity: bySeverity.map((r) => ({
      month: r.month,
      severity: Number(r.severity) as Severity,
      count: Number(r.count),
    })),
    staff: counts(staff),
    products: counts(products),
    sharedRootCauses: shared.map((r) => ({
      rootCause: r.rootCause,
      clients: Number(r.clients),
      issues: Number(r.issues),
    })),
  }
}
