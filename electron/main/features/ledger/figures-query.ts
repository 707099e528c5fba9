/**
 * The ledger's figures, computed by SQL aggregates only. One function, ledgerSums(), serves the
 * client page, the portfolio, the exports, the decision panel and the tests.
 *
 * A period is read as whole months from ledger_client_months (each client's month in one row, every
 * kind side by side, kept exact by triggers) plus the days at its edges from the entries themselves
 * (indexed by entry_date and client_id, entry_date), so twelve months across every client read about
 * 20,000 rows of a client's month, not a million entries.
 * Touchpoint minutes count as complaint-handling time at the rate each touchpoint was logged at
 * (touchpoints.rate_minor: the cost rate of the staff member it names, else the owner's hourly
 * worth, as they were then), rounded once per client and rate.
 */
import type { EntityManager } from 'typeorm'
import { LedgerClientMonthEntity, LedgerEntryEntity, LedgerMonthTotalEntity } from '../../db/entities'
import { amountColumn } from '../../db/client-months'
import { emptySums, addSums } from '../../../shared/ledger/figures'
import type { KindSums } from '../../../shared/ledger/models'
import { firstDay, lastDay, splitPeriod, type Period } from '../../../shared/ledger/periods'
import { addDays, daysBetween as daysApart } from '../../../shared/dates'
import { COST_KINDS, ENTRY_KINDS, kindsIn, type EntryKind } from '../../../shared/ledger/words'
import { kindIn } from './kind-sql'
import { touchpointCostBy } from './touchpoint-cost'

type Row = Record<string, string | number | null>

function addRows(into: Map<number, KindSums>, rows: Row[], sign: 1 | -1 = 1): void {
  for (const r of rows) {
    const id = Number(r.clientId)
    const s = into.get(id) ?? emptySums()
    for (const kind of ENTRY_KINDS) s[kind] += sign * Number(r[kind] ?? 0)
    s.timeMinutes += sign * Number(r.timeMinutes ?? 0)
    into.set(id, s)
  }
}

const KINDS: ReadonlySet<string> = new Set(ENTRY_KINDS)

/** Adds rows of one client and kind each (amount, minutes) to the client's sums. */
function addKindRows(into: Map<number, KindSums>, rows: Row[], sign: 1 | -1): void {
  for (const r of rows) {
    const kind = String(r.kind) as EntryKind
    if (!KINDS.has(kind)) continue
    const id = Number(r.clientId)
    const s = into.get(id) ?? emptySums()
    s[kind] += sign * Number(r.amount)
    if (kind === 'time') s.timeMinutes += sign * Number(r.minutes)
    into.set(id, s)
  }
}

export interface SumsOptions {
  /** One client only (the client page); all clients when absent. */
  clientId?: number
}

/** Per client: the sums of its entries and touchpoints over the period (both ends included). */
export async function ledgerSums(
  m: EntityManager,
  period: Period,
  o: SumsOptions = {},
): Promise<Map<number, KindSums>> {
  const out = new Map<number, KindSums>()
  const split = splitPeriod(period)
  // One run of the client months' key (month, client): no pivot, one row per client and month.
  const totals = async (first: string, last: string, sign: 1 | -1 = 1) => {
    const qb = m
      .createQueryBuilder(LedgerClientMonthEntity, 't')
      .select('t.client_id', 'clientId')
      .where('t.month BETWEEN :first AND :last', { first, last })
    for (const kind of ENTRY_KINDS) qb.addSelect(`SUM(t.${amountColumn(kind)})`, kind)
    qb.addSelect('SUM(t.time_minutes)', 'timeMinutes').groupBy('t.client_id')
    if (o.clientId !== undefined) qb.andWhere('t.client_id = :clientId', { clientId: o.clientId })
    addRows(out, await qb.getRawMany<Row>(), sign)
  }
  // The days at the edges: a row per client and kind, added up here (no CASE per kind in SQL).
  const entries = async (range: Period, sign: 1 | -1 = 1) => {
    if (range.from > range.to) return
    const qb = m
      .createQueryBuilder(LedgerEntryEntity, 'e')
      .select('e.clientId', 'clientId')
      .addSelect('e.kind', 'kind')
      .addSelect('SUM(e.amountMinor)', 'amount')
      .addSelect('SUM(COALESCE(e.minutes, 0))', 'minutes')
      .where('e.entryDate BETWEEN :from AND :to', range)
      .groupBy('e.clientId')
      .addGroupBy('e.kind')
    if (o.clientId !== undefined) qb.andWhere('e.clientId = :clientId', { clientId: o.clientId })
    addKindRows(out, await qb.getRawMany<Row>(), sign)
  }
  const touchpoints = async () => {
    const touch = await touchpointCostBy(m, 'tp.clientId', (qb) => {
      qb.where('tp.occurredOn BETWEEN :from AND :to', period)
      return o.clientId === undefined ? qb : qb.andWhere('tp.clientId = :clientId', { clientId: o.clientId })
    })
    for (const [id, t] of touch) {
      const s = out.get(Number(id)) ?? emptySums()
      s.touchpointMinutes += t.minutes
      s.touchpointCost += t.costMinor
      out.set(Number(id), s)
    }
  }
  // An edge covering most of its month reads fewer entries as the month's total minus the days it
  // leaves out; that month joins the whole months' run (it is next to it), read in the same query.
  let run = split.months ? { ...split.months } : null
  const direct: Period[] = []
  const leftOut: Period[] = []
  for (const edge of split.edges) {
    const month = edge.from.slice(0, 7)
    if (
      edge.to.slice(0, 7) === month &&
      2 * (daysApart(edge.from, edge.to) + 1) > daysApart(firstDay(month), lastDay(month)) + 1
    ) {
      run = run
        ? { first: month < run.first ? month : run.first, last: month > run.last ? month : run.last }
        : { first: month, last: month }
      leftOut.push(
        { from: firstDay(month), to: addDays(edge.from, -1) },
        { from: addDays(edge.to, 1), to: lastDay(month) },
      )
    } else direct.push(edge)
  }
  // Independent reads, all at once: a pooled server answers them side by side; the sums are
  // integers, added in any order.
  await Promise.all([
    run ? totals(run.first, run.last) : null,
    ...direct.map((edge) => entries(edge)),
    ...leftOut.map((days) => entries(days, -1)),
    touchpoints(),
  ])
  return out
}

/** Every client's sums added together. */
export function totalOf(sums: Iterable<KindSums>): KindSums {
  const total = emptySums()
  for (const s of sums) addSums(total, s)
  return total
}

/** One client's revenue and cost per month, from the monthly totals only (whole months). */
export async function clientMonths(
  m: EntityManager,
  clientId: number,
  first: string,
  last: string,
): Promise<Map<string, Row>> {
  const qb = m
    .createQueryBuilder(LedgerMonthTotalEntity, 't')
    .select('t.month', 'month')
    .addSelect(`SUM(CASE WHEN ${kindIn('t.kind', kindsIn('revenue'))} THEN t.amountMinor ELSE 0 END)`, 'revenue')
    .addSelect(`SUM(CASE WHEN ${kindIn('t.kind', COST_KINDS)} THEN t.amountMinor ELSE 0 END)`, 'cost')
    .where('t.clientId = :clientId', { clientId })
    .andWhere('t.month BETWEEN :first AND :last', { first, last })
    .groupBy('t.month')
  const rows = await qb.getRawMany<Row>()
  return new Map(rows.map((r) => [String(r.month), r]))
}

/** Touchpoint cost per month for one client, so the monthly chart counts complaint handling too. */
export async function clientTouchpointMonths(
  m: EntityManager,
  clientId: number,
  first: string,
  last: string,
): Promise<Map<string, number>> {
  const touch = await touchpointCostBy(m, 'SUBSTR(tp.occurredOn, 1, 7)', (qb) =>
    qb
      .where('tp.clientId = :clientId', { clientId })
      .andWhere('tp.occurredOn BETWEEN :from AND :to', { from: firstDay(first), to: lastDay(last) }),
  )
  return new Map([...touch].map(([month, t]) => [month, t.costMinor]))
}
