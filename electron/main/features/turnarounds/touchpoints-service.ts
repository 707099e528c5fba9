import type { EntityManager } from 'typeorm'
import { BusinessProfileEntity, ClientEntity, TouchpointEntity, TurnaroundEntity } from '../../db/entities'
import { DomainError, notFound } from '../../domain-error'
import type { TouchpointView } from '../../../shared/turnarounds/models'
import type { TouchpointData } from '../../../shared/turnarounds/schemas'
import { builtById, builtQuery } from '../../db/built-query'
import { refreshDerived } from './derived'
import { touchpointRate } from './touchpoint-rate'
import { assertLedgerWithinTotal } from '../../db/ledger-total'
import { toTouchpointView } from './detail-view'
import type { TurnaroundsContext } from './turnarounds-context'

async function currencyOf(m: EntityManager): Promise<string> {
  return (await builtById(BusinessProfileEntity)(m, 1))?.currency ?? 'USD'
}

const clientExists = builtQuery<{ id: number }, unknown>(
  (m, { id }) => m.createQueryBuilder(ClientEntity, 'c').select('1', 'found').where('c.id = :id', { id }),
  ['id'],
)

/** Calls, meetings, emails, letters and visits, with the minutes they took and the rate they were logged at. */
export class TouchpointsService {
  constructor(private readonly ctx: TurnaroundsContext) {}

  async list(clientId: number): Promise<TouchpointView[]> {
    const rows = await this.ctx.deps.manager.find(TouchpointEntity, {
      where: { clientId },
      order: { occurredOn: 'DESC', id: 'DESC' },
      take: 500,
    })
    return rows.map(toTouchpointView)
  }

  async save(
    clientId: number,
    turnaroundId: number | null,
    id: number | undefined,
    input: TouchpointData,
    options: { allowFuture?: boolean } = {},
  ): Promise<TouchpointView> {
    return this.ctx.deps.manager.transaction(async (m) => {
      if ((await clientExists(m, { id: clientId })).length === 0) throw notFound('client')
      if (!options.allowFuture) this.ctx.notInFuture(input.occurredOn, 'occurredOn', 'A touchpoint')
      if (turnaroundId !== null) {
        const t = await builtById(TurnaroundEntity)(m, turnaroundId)
        if (!t) throw notFound('turnaround')
        if (t.clientId !== clientId)
          throw new DomainError('VALIDATION', 'That turnaround belongs to another client.', 'turnaroundId')
        this.ctx.notBeforeOpening(t, input.occurredOn, 'occurredOn', 'A touchpoint of this turnaround')
      }
      const e = id === undefined ? new TouchpointEntity() : await m.findOneBy(TouchpointEntity, { id })
      if (!e) throw notFound('touchpoint')
      if (id !== undefined && e.clientId !== clientId)
        throw new DomainError('VALIDATION', 'That touchpoint belongs to another client.', 'clientId')
      const previousTurnaround = id === undefined ? null : e.turnaroundId
      // The rate is set when logged and kept on edits, unless who spent the time changes.
      const rateMinor = id === undefined || e.who !== input.who ? await touchpointRate(m, input.who) : e.rateMinor
      Object.assign(e, input, { clientId, turnaroundId, rateMinor })
      if (id === undefined) e.createdAt = this.ctx.stamp()
      const saved = await m.save(e)
      // A touchpoint's cost counts in the ledger's whole (ledger-total.ts).
      if (input.minutes > 0) await assertLedgerWithinTotal(m, await currencyOf(m), 'minutes')
      for (const affected of new Set([turnaroundId, previousTurnaround])) {
        if (affected !== null) await refreshDerived(m, affected)
      }
      if (input.isCheckIn && turnaroundId !== null) {
        const t = await m.findOneByOrFail(TurnaroundEntity, { id: turnaroundId })
        if (t.closedOn && !t.checkedInOn && input.occurredOn >= t.closedOn)
          await m.update(TurnaroundEntity, { id: turnaroundId }, { checkedInOn: input.occurredOn })
      }
      return toTouchpointView(saved)
    })
  }

  async delete(id: number): Promise<{ deleted: number }> {
    return this.ctx.deps.manager.transaction(async (m) => {
      const e = await m.findOneBy(TouchpointEntity, { id })
      if (!e) throw notFound('touchpoint')
      await m.delete(TouchpointEntity, { id })
      if (e.turnaroundId !== null) await refreshDerived(m, e.turnaroundId)
      return { deleted: 1 }
    })
  }
}
