/** Which turnaround of a client another feature (a letter, the decision panel) speaks of. */
import type { EntityManager } from 'typeorm'
import { TurnaroundEntity } from '../../db/entities'
import { builtById, builtFind } from '../../db/built-query'
import { DomainError } from '../../domain-error'

/** The turnaround asked for, checked to exist and to be the client's. */
export async function clientTurnaround(
  m: EntityManager,
  clientId: number,
  turnaroundId: number,
): Promise<TurnaroundEntity> {
  const t = await builtById(TurnaroundEntity)(m, turnaroundId)
  if (!t)
    throw new DomainError('NOT_FOUND', 'That turnaround no longer exists. It may have been deleted.', 'turnaroundId')
  if (t.clientId !== clientId)
    throw new DomainError('VALIDATION', 'That turnaround belongs to another client.', 'turnaroundId')
  return t
}

const currentOf = builtFind(
  (m, { clientId }: { clientId: number }) =>
    m
      .createQueryBuilder(TurnaroundEntity, 't')
      .where('t.clientId = :clientId', { clientId })
      .orderBy('CASE WHEN t.closedOn IS NULL THEN 0 ELSE 1 END', 'ASC')
      .addOrderBy('t.openedOn', 'DESC')
      .addOrderBy('t.id', 'DESC')
      .limit(1),
  ['clientId'],
)

/** The client's open turnaround, else its most recent one, else none. */
export async function currentTurnaround(m: EntityManager, clientId: number): Promise<TurnaroundEntity | null> {
  return (await currentOf(m, { clientId }))[0] ?? null
}
