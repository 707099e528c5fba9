import type { EntityManager } from 'typeorm'
import { ClientCommitmentPartEntity, type TurnaroundEntity } from '../../db/entities'
import { notFound } from '../../domain-error'
import type { TurnaroundDetail } from '../../../shared/turnarounds/models'
import type { ClientCommitmentPartData, ClientPartMarkData } from '../../../shared/turnarounds/schemas'
import type { TurnaroundsContext } from './turnarounds-context'

/**
 * The client's commitment, part by part: the parts replaced as a whole when the owner saves them,
 * and each one marked kept (on a day), not kept, or open again.
 */
export class ClientCommitmentService {
  constructor(private readonly ctx: TurnaroundsContext) {}

  /**
   * Replaces the parts with these, in this order. A part that carries the id of one of this
   * turnaround's parts is that part, edited: it keeps whether the client kept it. Any other part is new.
   */
  set(id: number, parts: readonly ClientCommitmentPartData[]): Promise<TurnaroundDetail> {
    return this.ctx.mutate(id, async (m, t) => {
      parts.forEach((p, i) => this.ctx.notBeforeOpening(t, p.dueOn, `parts.${i}.dueOn`, 'Its date'))
      await replaceParts(m, t, parts)
      t.updatedAt = this.ctx.stamp()
      await m.save(t)
    })
  }

  async mark(input: ClientPartMarkData): Promise<TurnaroundDetail> {
    const found = await this.ctx.deps.manager.findOneBy(ClientCommitmentPartEntity, { id: input.id })
    if (!found) throw notFound('part of the client’s commitment')
    return this.ctx.mutate(found.turnaroundId, async (m, t) => {
      const part = await m.findOneBy(ClientCommitmentPartEntity, { id: input.id })
      if (!part) throw notFound('part of the client’s commitment')
      if (input.status === 'kept') {
        this.ctx.notInFuture(input.keptOn, 'keptOn', 'The day it was kept')
        this.ctx.notBeforeOpening(t, input.keptOn, 'keptOn', 'The day it was kept')
      }
      part.settledAs = input.status === 'open' ? null : input.status
      part.keptOn = input.status === 'kept' ? input.keptOn : null
      await m.save(part)
      t.updatedAt = this.ctx.stamp()
      await m.save(t)
    })
  }
}

async function replaceParts(
  m: EntityManager,
  t: TurnaroundEntity,
  parts: readonly ClientCommitmentPartData[],
): Promise<void> {
  const existing = new Map(
    (await m.findBy(ClientCommitmentPartEntity, { turnaroundId: t.id })).map((p) => [p.id, p] as const),
  )
  const kept = new Set<number>()
  const rows = parts.map(({ id, ...data }, position) => {
    const same = id !== undefined && !kept.has(id) ? existing.get(id) : undefined
    if (same) kept.add(same.id)
    const row = same ?? Object.assign(new ClientCommitmentPartEntity(), { settledAs: null, keptOn: null })
    return Object.assign(row, data, { turnaroundId: t.id, position })
  })
  const gone = [...existing.keys()].filter((id) => !kept.has(id))
  if (gone.length > 0) await m.delete(ClientCommitmentPartEntity, gone)
  await m.save(rows)
}
