import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm'
import { ClientCommitmentPartEntity, CommitmentEntity, TurnaroundEntity } from '../../db/entities'
import { builtQuery } from '../../db/built-query'
import type {
  TodayCheckIn,
  TodayClientPart,
  TodayCommitment,
  TodayData,
  TodayFollowUp,
} from '../../../shared/turnarounds/models'
import { addDays } from '../../../shared/dates'
import type { Stage } from '../../../shared/turnarounds/words'

/** Each list on the Today page is a page, not a dump. */
export const TODAY_LIST_LIMIT = 200

/** Turnarounds `t` with their client `cl`: the turnaround, the client and its name, then `more`. */
const turnaroundLines = (m: EntityManager, more: string[]) =>
  m
    .createQueryBuilder(TurnaroundEntity, 't')
    .innerJoin('clients', 'cl', 'cl.id = t.client_id')
    .select(['t.id AS "turnaroundId"', 't.client_id AS "clientId"', 'cl.name AS "clientName"', ...more])

const followUpsDue = builtQuery<{ today: string }, TodayFollowUp>(
  (m, { today }) =>
    turnaroundLines(m, ['t.owner AS owner', 't.next_follow_up_on AS "nextFollowUpOn"', 't.stage AS stage'])
      .where('t.closed_on IS NULL')
      .andWhere('t.next_follow_up_on <= :today', { today })
      .orderBy('t.next_follow_up_on', 'ASC')
      .addOrderBy('cl.name', 'ASC')
      .addOrderBy('t.id', 'ASC')
      .limit(TODAY_LIST_LIMIT),
  ['today'],
)

/**
 * A dated thing of an open turnaround (alias `a`: a commitment or a part of the client's commitment)
 * that `open` keeps and that falls due by the horizon, with its client's name; `what` is the one
 * column the two lists differ by. Oldest due first.
 */
function dueInOpenTurnarounds<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  a: string,
  what: string,
  open: string,
  horizon: string,
): SelectQueryBuilder<T> {
  return qb
    .innerJoin(TurnaroundEntity, 't', `t.id = ${a}.turnaround_id`)
    .innerJoin('clients', 'cl', 'cl.id = t.client_id')
    .select([
      `${a}.id AS id`,
      `${a}.turnaround_id AS "turnaroundId"`,
      'cl.name AS "clientName"',
      what,
      `${a}.description AS description`,
      `${a}.due_on AS "dueOn"`,
    ])
    .where(open)
    .andWhere(`${a}.due_on <= :horizon`, { horizon })
    .andWhere('t.closed_on IS NULL')
    .orderBy(`${a}.due_on`, 'ASC')
    .addOrderBy(`${a}.id`, 'ASC')
    .limit(TODAY_LIST_LIMIT)
}

const commitmentsDue = builtQuery<{ horizon: string }, Omit<TodayCommitment, 'state'>>(
  (m, { horizon }) =>
    dueInOpenTurnarounds(
      m.createQueryBuilder(CommitmentEntity, 'c'),
      'c',
      'c.party AS party',
      "c.status IN ('open', 'renegotiated')",
      horizon,
    ),
  ['horizon'],
)

/** The client's commitment: open parts with a date by the horizon, in open turnarounds, as our commitments. */
const clientPartsDue = builtQuery<{ horizon: string }, Omit<TodayClientPart, 'state'>>(
  (m, { horizon }) =>
    dueInOpenTurnarounds(
      m.createQueryBuilder(ClientCommitmentPartEntity, 'p'),
      'p',
      'p.kind AS kind',
      'p.settled_as IS NULL',
      horizon,
    ),
  ['horizon'],
)

const openStages = builtQuery<Record<string, never>, { stage: Stage; count: number | string }>(
  (m) =>
    m
      .createQueryBuilder(TurnaroundEntity, 't')
      .select('t.stage', 'stage')
      .addSelect('COUNT(*)', 'count')
      .where('t.closed_on IS NULL')
      .groupBy('t.stage'),
  [],
)

/**
 * The check-ins of closed turnarounds not yet made, due by `horizon`, soonest first: read from the
 * index of pending check-ins alone (migration 0018), not every closed turnaround's.
 */
export const checkInsDueQuery = (m: EntityManager, horizon: string) =>
  turnaroundLines(m, ['t.check_in_due_on AS "checkInDueOn"', 't.outcome AS outcome'])
    .where('t.closed_on IS NOT NULL')
    .andWhere('t.checked_in_on IS NULL')
    .andWhere('t.check_in_due_on <= :horizon', { horizon })
    .orderBy('t.check_in_due_on', 'ASC')
    .addOrderBy('t.id', 'ASC')
    .limit(TODAY_LIST_LIMIT)

const checkInsDue = builtQuery<{ horizon: string }, TodayCheckIn>(
  (m, { horizon }) => checkInsDueQuery(m, horizon),
  ['horizon'],
)

/** Lines of a turnaround, in place: its ids as numbers (PostgreSQL gives its bigint columns as text). */
function turnaroundIds<T extends { turnaroundId: number; clientId: number }>(rows: T[]): T[] {
  for (const r of rows) {
    r.turnaroundId = Number(r.turnaroundId)
    r.clientId = Number(r.clientId)
  }
  return rows
}

/**
 * Things falling due, in place: ids as numbers, and whether each is overdue or at risk (the SQL kept
 * only what is due by the horizon: past ones are overdue, the rest at risk). The rows are this call's
 * own: changing them, rather than copying each into a new object, spares the page's hundreds of
 * copies and their garbage (the copies were most of what TypeORM's path cost over plain SQL).
 */
function dueStates<T extends { id: number; turnaroundId: number; dueOn: string }>(
  rows: T[],
  today: string,
): Array<T & { state: 'overdue' | 'at_risk' }> {
  const dated = rows as Array<T & { state: 'overdue' | 'at_risk' }>
  for (const r of dated) {
    r.id = Number(r.id)
    r.turnaroundId = Number(r.turnaroundId)
    r.state = r.dueOn < today ? 'overdue' : 'at_risk'
  }
  return dated
}

/**
 * What needs the owner today, filtered, ordered and counted in SQL: follow-ups due or overdue,
 * commitments at risk or overdue (ours, the client's, and the parts of the client's commitment),
 * open turnarounds per stage, and check-ins coming due.
 * Everything uses the stored, derived columns (next_follow_up_on, stage, check_in_due_on). Each
 * query's SQL is written once per database (built-query.ts).
 */
export async function todayData(m: EntityManager, today: string, warningDays: number): Promise<TodayData> {
  const horizon = addDays(today, warningDays)
  const followUps = await followUpsDue(m, { today })
  const commitments = await commitmentsDue(m, { horizon })
  const clientParts = await clientPartsDue(m, { horizon })
  const stages = await openStages(m, {})
  const checkIns = await checkInsDue(m, { horizon })

  const stageCounts: TodayData['stageCounts'] = {}
  for (const row of stages) stageCounts[row.stage] = Number(row.count)

  return {
    today,
    followUps: turnaroundIds(followUps),
    commitments: dueStates(commitments, today),
    clientParts: dueStates(clientParts, today),
    stageCounts,
    checkIns: turnaroundIds(checkIns),
  }
}
