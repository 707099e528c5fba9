import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm'
import { builtById, builtFind, builtQuery } from '../../db/built-query'
import { notFound } from '../../domain-error'
import {
  ActionEntity,
  ClientCommitmentPartEntity,
  CommitmentEntity,
  TouchpointEntity,
  TurnaroundEntity,
} from '../../db/entities'
import { deriveStage, nextFollowUpOn } from '../../../shared/turnarounds/rules'

type Id = { id: number }

/** The reads a refresh makes on every write, their SQL written once per database. */
const lastTouchpointOf = builtQuery<Id, { last: string | null }>(
  (m, { id }) =>
    m
      .createQueryBuilder(TouchpointEntity, 'tp')
      .select('MAX(tp.occurredOn)', 'last')
      .where('tp.turnaroundId = :id', { id }),
  ['id'],
)
/** Any row the query keeps (an EXISTS without TypeORM's own wrapping, which it writes again each time). */
const anyOf = (build: (m: EntityManager, id: number) => SelectQueryBuilder<ObjectLiteral>) =>
  builtQuery<Id, unknown>((m, { id }) => build(m, id).select('1', 'found').limit(1), ['id'])
const followUpSince = builtQuery<{ id: number; agreed: string }, unknown>(
  (m, { id, agreed }) =>
    m
      .createQueryBuilder(TouchpointEntity, 'tp')
      .select('1', 'found')
      .where('tp.turnaroundId = :id AND tp.kind IN (:...kinds) AND tp.occurredOn >= :agreed', {
        id,
        kinds: ['letter', 'email'],
        agreed,
      })
      .limit(1),
  ['id', 'agreed'],
)
const actionStarted = anyOf((m, id) =>
  m
    .createQueryBuilder(ActionEntity, 'a')
    .where('a.turnaroundId = :id AND a.status IN (:...s)', { id, s: ['in_progress', 'done'] }),
)
const commitmentDone = anyOf((m, id) =>
  m.createQueryBuilder(CommitmentEntity, 'c').where("c.turnaroundId = :id AND c.status = 'done'", { id }),
)
const clientPartsOf = builtFind(
  (m, { id }: Id) =>
    m
      .createQueryBuilder(ClientCommitmentPartEntity, 'p')
      .select(['p.id', 'p.description'])
      .where('p.turnaroundId = :id', { id }),
  ['id'],
)

/**
 * Recomputes what a turnaround's stage and follow-up dates are from its data, inside the caller's
 * transaction. Every write to a turnaround or its parts ends here, so the stored values that the
 * Today page and the lists query stay true. Only what changed is written.
 */
export async function refreshDerived(m: EntityManager, turnaroundId: number): Promise<void> {
  const id = turnaroundId
  const t = await builtById(TurnaroundEntity)(m, id)
  if (!t) throw notFound('turnaround')
  const [last] = await lastTouchpointOf(m, { id })
  const followUp = t.issuesAgreedOn !== null && (await followUpSince(m, { id, agreed: t.issuesAgreedOn })).length > 0
  const started = (await actionStarted(m, { id })).length > 0 || (await commitmentDone(m, { id })).length > 0

  const lastTouchpointOn = last?.last ?? null
  const byCadence = nextFollowUpOn(t.openedOn, lastTouchpointOn, t.followUpEveryDays)
  const snoozed = t.followUpSnoozedUntil
  const derived: Pick<TurnaroundEntity, 'lastTouchpointOn' | 'nextFollowUpOn' | 'stage'> = {
    lastTouchpointOn,
    // A follow-up put off from Today is never due before the day it was put off to.
    nextFollowUpOn: t.closedOn ? null : snoozed !== null && snoozed > byCadence ? snoozed : byCadence,
    stage: deriveStage({
      closedOutcome: t.closedOn ? t.outcome : null,
      issuesAgreedOn: t.issuesAgreedOn,
      clientCommitments: await clientPartsOf(m, { id }),
      followUpSent: followUp,
      planAgreedOn: t.planAgreedOn,
      workStarted: started,
    }),
  }
  const changed = Object.fromEntries(
    Object.entries(derived).filter(([key, value]) => t[key as keyof typeof derived] !== value),
  ) as Partial<typeof derived>
  if (Object.keys(changed).length > 0) await m.update(TurnaroundEntity, { id }, changed)
}
