import type { EntityManager } from 'typeorm'
import { CommitmentEntity, TurnaroundEntity } from '../../db/entities'
import { DomainError, notFound } from '../../domain-error'
import { claimVersion } from '../../db/record-version'
import type { TurnaroundDetail } from '../../../shared/turnarounds/models'
import type { CommitmentData } from '../../../shared/turnarounds/schemas'
import type { TurnaroundsContext } from './turnarounds-context'

/** Every promise with a due date, ours and the client's: done, missed or renegotiated. */
export class CommitmentsService {
  constructor(private readonly ctx: TurnaroundsContext) {}

  save(
    turnaroundId: number,
    id: number | undefined,
    input: CommitmentData,
    version?: number,
  ): Promise<TurnaroundDetail> {
    return this.ctx.mutate(turnaroundId, async (m, t) => {
      this.ctx.notBeforeOpening(t, input.dueOn, 'dueOn', 'A due date')
      if (id === undefined) {
        const e = Object.assign(new CommitmentEntity(), input, {
          turnaroundId,
          originalDueOn: input.dueOn,
          status: 'open' as const,
          doneOn: null,
          renegotiationReason: '',
          createdAt: this.ctx.stamp(),
          updatedAt: this.ctx.stamp(),
        })
        await m.save(e)
        return
      }
      const e = await this.find(m, id)
      if (e.turnaroundId !== turnaroundId)
        throw new DomainError('VALIDATION', 'That commitment belongs to another turnaround.')
      await claimVersion(m, CommitmentEntity, id, { seen: version, what: 'This commitment', now: this.ctx.deps.now() })
      Object.assign(e, { party: input.party, description: input.description, updatedAt: this.ctx.stamp() })
      if (e.status === 'open' && e.dueOn === e.originalDueOn) {
        e.dueOn = input.dueOn
        e.originalDueOn = input.dueOn
      } else if (input.dueOn !== e.dueOn) {
        throw new DomainError(
          'VALIDATION',
          'Use "Renegotiate" to move the date of a commitment, so the reason is kept.',
          'dueOn',
        )
      }
      await m.save(e)
    })
  }

  async markDone(id: number, doneOn: string): Promise<TurnaroundDetail> {
    return this.change(id, async (m, e) => {
      this.ctx.notInFuture(doneOn, 'doneOn', 'The day it was done')
      const t = await m.findOneByOrFail(TurnaroundEntity, { id: e.turnaroundId })
      this.ctx.notBeforeOpening(t, doneOn, 'doneOn', 'The day it was done')
      Object.assign(e, { status: 'done', doneOn, updatedAt: this.ctx.stamp() })
      await m.save(e)
    })
  }

  async markMissed(id: number): Promise<TurnaroundDetail> {
    return this.change(id, async (m, e) => {
      if (e.status === 'done') throw new DomainError('VALIDATION', 'This commitment was done; it cannot be missed.')
      Object.assign(e, { status: 'missed', doneOn: null, updatedAt: this.ctx.stamp() })
      await m.save(e)
    })
  }

  async renegotiate(id: number, newDueOn: string, reason: string): Promise<TurnaroundDetail> {
    return this.change(id, async (m, e) => {
      if (e.status === 'done')
        throw new DomainError('VALIDATION', 'This commitment is done; there is nothing to renegotiate.')
      if (newDueOn === e.dueOn) throw new DomainError('VALIDATION', 'Choose a new date.', 'newDueOn')
      if (newDueOn < this.ctx.today())
        throw new DomainError('VALIDATION', 'The new date cannot be in the past.', 'newDueOn')
      Object.assign(e, {
        status: 'renegotiated',
        dueOn: newDueOn,
        doneOn: null,
        renegotiationReason: reason,
        updatedAt: this.ctx.stamp(),
      })
      await m.save(e)
    })
  }

  async delete(id: number): Promise<TurnaroundDetail> {
    return this.change(id, async (m, e) => {
      await m.delete(CommitmentEntity, { id: e.id })
    })
  }

  private async change(
    id: number,
    fn: (m: EntityManager, e: CommitmentEntity) => Promise<void>,
  ): Promise<TurnaroundDetail> {
    const e = await this.ctx.deps.manager.findOneBy(CommitmentEntity, { id })
    if (!e) throw notFound('commitment')
    return this.ctx.mutate(e.turnaroundId, async (m) => fn(m, await this.find(m, id)))
  }

  private async find(m: EntityManager, id: number): Promise<CommitmentEntity> {
    const e = await m.findOneBy(CommitmentEntity, { id })
    if (!e) throw notFound('commitment')
    return e
  }
}
