import type { EntityManager } from 'typeorm'
import {
  ActionEntity,
  ClientCommitmentPartEntity,
  CommitmentEntity,
  TouchpointEntity,
  TurnaroundEntity,
} from '../../db/entities'
import { deriveStage, nextFollowUpOn } from '../../../shared/turnarounds/rules'

/**
 * Recomputes what a turnaround's stage and follow-up dates are from its data, inside the caller's
 * transaction. Every write to a turnaround or its parts ends here, so the stored values that the
 * Today page and the lists query stay true.
 */
export async function refreshDerived(m: EntityManager, turnaroundId: number): Promise<TurnaroundEntity> {
  const t = await m.findOneByOrFail(TurnaroundEntity, { id: turnaroundId })
  const last = await m
    .createQueryBuilder(TouchpointEntity, 'tp')
    .select('MAX(tp.occurredOn)', 'last')
    .where('tp.turnaroundId = :id', { id: turnaroundId })
    .getRawOne<{ last: string | null }>()
  const followUp =
    t.issuesAgreedOn !== null &&
    (await m
      .createQueryBuilder(TouchpointEntity, 'tp')
      .where('tp.turnaroundId = :id AND tp.kind IN (:...kinds) AND tp.occurredOn >= :agreed', {
        id: turnaroundId,
        kinds: ['letter', 'email'],
        agreed: t.issuesAgreedOn,
      })
      .getExists())
  const started =
    (await m
      .createQueryBuilder(ActionEntity, 'a')
      .where('a.turnaroundId = :id AND a.status IN (:...s)', { id: turnaroundId, s: ['in_progress', 'done'] })
      .getExists()) ||
    (await m
      .createQueryBuilder(CommitmentEntity, 'c')
      .where("c.turnaroundId = :id AND c.status = 'done'", { id: turnaroundId })
      .getExists())

  t.lastTouchpointOn = last?.last ?? null
  const byCadence = nextFollowUpOn(t.openedOn, t.lastTouchpointOn, t.followUpEveryDays)
  const snoozed = t.followUpSnoozedUntil
  // A follow-up put off from Today is never due before the day it was put off to.
  t.nextFollowUpOn = t.closedOn ? null : snoozed !== null && snoozed > byCadence ? snoozed : byCadence
  t.stage = deriveStage({
    closedOutcome: t.closedOn ? t.outcome : null,
    issuesAgreedOn: t.issuesAgreedOn,
    clientCommitments: await m.find(ClientCommitmentPartEntity, {
      where: { turnaroundId },
      select: { description: true },
    }),
    followUpSent: followUp,
    planAgreedOn: t.planAgreedOn,
    workStarted: started,
  })
  return m.save(t)
}
