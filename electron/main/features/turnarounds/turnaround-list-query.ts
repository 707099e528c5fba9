import type { EntityManager } from 'typeorm'
import { CommitmentEntity, IssueEntity, TurnaroundEntity } from '../../db/entities'
import type { TurnaroundSummary } from '../../../shared/turnarounds/models'
import { addDays } from '../../../shared/dates'

interface ListOptions {
  state: 'open' | 'closed' | 'all'
  clientId: number | null
  today: string
  warningDays: number
}

/** Turnarounds with their client, open issues and commitments at risk or overdue: counted in SQL. */
export async function listTurnarounds(m: EntityManager, o: ListOptions): Promise<TurnaroundSummary[]> {
  const openIssues = m
    .createQueryBuilder()
    .subQuery()
    .select('COUNT(*)')
    .from(IssueEntity, 'i')
    .where("i.turnaround_id = t.id AND i.status IN ('open', 'in_progress')")
    .getQuery()
  const pending = "c.turnaround_id = t.id AND c.status IN ('open', 'renegotiated')"
  const atRisk = m
    .createQueryBuilder()
    .subQuery()
    .select('COUNT(*)')
    .from(CommitmentEntity, 'c')
    .where(`${pending} AND c.due_on >= :today AND c.due_on <= :horizon`)
    .getQuery()
  const overdue = m
    .createQueryBuilder()
    .subQuery()
    .select('COUNT(*)')
    .from(CommitmentEntity, 'c')
    .where(`${pending} AND c.due_on < :today`)
    .getQuery()

  const qb = m
    .createQueryBuilder(TurnaroundEntity, 't')
    .innerJoin('clients', 'cl', 'cl.id = t.client_id')
    .select([
      't.id AS id',
      't.client_id AS "clientId"',
      'cl.name AS "clientName"',
      't.opened_on AS "openedOn"',
      't.owner AS owner',
      't.stage AS stage',
      't.next_follow_up_on AS "nextFollowUpOn"',
      't.closed_on AS "closedOn"',
      't.outcome AS outcome',
      't.check_in_due_on AS "checkInDueOn"',
    ])
    .addSelect(openIssues, 'openIssues')
    .addSelect(atRisk, 'commitmentsAtRisk')
    .addSelect(overdue, 'commitmentsOverdue')
    .setParameters({ today: o.today, horizon: addDays(o.today, o.warningDays) })
  if (o.state === 'open') qb.where('t.closed_on IS NULL')
  if (o.state === 'closed') qb.where('t.closed_on IS NOT NULL')
  if (o.clientId !== null) qb.andWhere('t.client_id = :clientId', { clientId: o.clientId })
  qb.orderBy('t.closed_on', 'DESC', 'NULLS FIRST')
    .addOrderBy('t.next_follow_up_on', 'ASC', 'NULLS LAST')
    .addOrderBy('t.opened_on', 'DESC')
    .addOrderBy('t.id', 'DESC')

  const rows = await qb.getRawMany<TurnaroundSummary>()
  return rows.map((r) => ({
    ...r,
    id: Number(r.id),
    clientId: Number(r.clientId),
    openIssues: Number(r.openIssues),
    commitmentsAtRisk: Number(r.commitmentsAtRisk),
    commitmentsOverdue: Number(r.commitmentsOverdue),
  }))
}
