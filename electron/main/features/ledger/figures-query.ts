/**
 * The ledger's figures, computed by SQL aggregates only. One function, ledgerSums(), serves the
 * client page, the portfolio, the exports, the decision panel and the tests.
 *
 * A period is read as whole months from ledger_client_months (each client's month in one row, every
 * kind side by side, kept exact by triggers, keyed by client and month) plus the days at its edges
 * from the entries themselves (indexed by entry_date and client_id, entry_date), so twelve months
 * across every client read about 24,000 rows of a client's month, not a million entries.
 * Touchpoint minutes count as complaint-handling time at the rate each touchpoint was logged at
 * (touchpoints.rate_minor: the cost rate of the staff member it names, else the owner's hourly
 * worth, as they were then), added up exactly and rounded once per client.
 */
import type { EntityManager } from 'typeorm'
import { LedgerMonthTotalEntity } from '../../db/entities'
import { engineOf, type Engine } from '../../db/engine'
import { amountColumn } from '../../db/client-months'
import { emptySums, addSums } from '../../../shared/ledger/figures'
import type { KindSums } from '../../../shared/ledger/models'
import { firstDay, lastDay, splitPeriod, type Period } from '../../../shared/ledger/periods'
import { addDays, daysBetween as daysApart } from '../../../shared/dates'
import { COST_KINDS, ENTRY_KINDS, kindsIn, type EntryKind } from '../../../shared/ledger/words'
import type { ClientStatus } from '../../../shared/words'
import { kindIn } from './kind-sql'
import { touchpointCostBy } from './touchpoint-cost'
import { costOfMinuteRates, touchpointDaySums } from '../../db/touchpoint-minutes'

type Row = Record<string, string | number | null>

/** What the portfolio shows of a client beside its figures. */
export interface ClientLine {
  name: string
  status: ClientStatus
  referral: number | null
}

/** Adds monthSums' rows to the sums (and, when asked for, each client's line to `clients`). */
function addMonthRows(into: Map<number, KindSums>, rows: unknown[][], clients?: Map<number, ClientLine>): void {
  const minutes = ENTRY_KINDS.length + 1
  for (const r of rows) {
    const id = Number(r[0])
    const s = into.get(id) ?? emptySums()
    ENTRY_KINDS.forEach((kind, i) => (s[kind] += Number(r[i + 1] ?? 0)))
    s.timeMinutes += Number(r[minutes] ?? 0)
    into.set(id, s)
    if (clients) {
      const referral = r[minutes + 3]
      clients.set(id, {
        name: String(r[minutes + 1]),
        status: r[minutes + 2] as ClientStatus,
        referral: referral === null ? null : Number(referral),
      })
    }
  }
}

const KINDS: ReadonlySet<string> = new Set(ENTRY_KINDS)

/** Adds daySums' rows ([client, kind, amount, minutes]) to the client's sums. */
function addKindRows(into: Map<number, KindSums>, rows: unknown[][], sign: 1 | -1): void {
  for (const [client, kind, amount, minutes] of rows) {
    if (!KINDS.has(String(kind))) continue
    const id = Number(client)
    const s = into.get(id) ?? emptySums()
    s[kind as EntryKind] += sign * Number(amount)
    if (kind === 'time') s.timeMinutes += sign * Number(minutes)
    into.set(id, s)
  }
}

/**
 * The client months' sums per client over the months `$1` to `$2` (and client `$3` when `oneClient`):
 * the client, each kind's amount in ENTRY_KINDS order, the time minutes, then (`withLine`) the
 * client's name, status and referral value, read in the same pass.
 * The clients are walked in order and each one's months read as one run of the key (client, month):
 * the sums come out grouped with no sort. CROSS JOIN keeps that order on SQLite, whatever statistics
 * the file may hold; PostgreSQL plans the join as it sees fit.
 */
export function monthSums(engine: Engine, oneClient: boolean, withLine: boolean): string {
  const p = (n: number) => engine.param(n)
  // Every column named, and each name once: PostgreSQL's rows are objects keyed by these names.
  const sums = [
    ...ENTRY_KINDS.map((kind) => `SUM(t.${amountColumn(kind)}) AS ${kind}_sum`),
    'SUM(t.time_minutes) AS minutes_sum',
  ]
  if (withLine) sums.push('c.name', 'c.status', 'c.referral_value_minor')
  return `SELECT c.id, ${sums.join(', ')}
    FROM clients c CROSS JOIN ledger_client_months t
    WHERE t.client_id = c.id AND t.month BETWEEN ${p(1)} AND ${p(2)}${oneClient ? ` AND c.id = ${p(3)}` : ''}
    GROUP BY c.id`
}

/**
 * The entries' sums per client and kind over the days `$1` to `$2` (and client `$3` when
 * `oneClient`): the client, the kind, the amount, the minutes.
 */
export function daySums(engine: Engine, oneClient: boolean): string {
  const p = (n: number) => engine.param(n)
  return `SELECT client_id, kind, SUM(amount_minor) AS amount_sum, SUM(COALESCE(minutes, 0)) AS minutes_sum
    FROM ledger_entries
    WHERE entry_date BETWEEN ${p(1)} AND ${p(2)}${oneClient ? ` AND client_id = ${p(3)}` : ''}
    GROUP BY client_id, kind`
}

export interface SumsOptions {
  /** One client only (the client page); all clients when absent. */
  clientId?: number
  /**
   * Filled with the line of each client whose months the period reads (the portfolio's names, in
   * the same read); a client with entries only in the period's edge days is not in it.
   */
  clients?: Map<number, ClientLine>
}

/** Per client: the sums of its entries and touchpoints over the period (both ends included). */
export async function ledgerSums(
  m: EntityManager,
  period: Period,
  o: SumsOptions = {},
): Promise<Map<number, KindSums>> {
  const out = new Map<number, KindSums>()
  const split = splitPeriod(period)
  const engine = engineOf(m)
  const oneClient = o.clientId !== undefined
  /** The statements' values: the two ends, then the client when there is one ($1, $2, $3). */
  const bound = (from: string, to: string) => (oneClient ? [from, to, o.clientId] : [from, to])
  // Each client's months, one run of the client months' key per client (monthSums).
  const totals = async (first: string, last: string) => {
    const sql = monthSums(engine, oneClient, o.clients !== undefined)
    addMonthRows(out, await engine.rows(m, sql, bound(first, last)), o.clients)
  }
  // The days at the edges: a row per client and kind, added up here (no CASE per kind in SQL).
  const entries = async (range: Period, sign: 1 | -1 = 1) => {
    if (range.from > range.to) return
    addKindRows(out, await engine.rows(m, daySums(engine, oneClient), bound(range.from, range.to)), sign)
  }
  // The period's touchpoints, each client's walked in its run of the index on client and day.
  const touchpoints = async () => {
    const sql = touchpointDaySums(engine, oneClient)
    for (const [client, minutes, minuteRates] of await engine.rows(m, sql, bound(period.from, period.to))) {
      const id = Number(client)
      const s = out.get(id) ?? emptySums()
      s.touchpointMinutes += Number(minutes)
      s.touchpointCost += costOfMinuteRates(minuteRates)
      out.set(id, s)
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
