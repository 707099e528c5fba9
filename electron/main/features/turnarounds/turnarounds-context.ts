import type { EntityManager } from 'typeorm'
import { TurnaroundEntity } from '../../db/entities'
import { timestamp } from '../../db/dialect'
import { DomainError, notFound } from '../../domain-error'
import type { PlannerSettings, TurnaroundDetail } from '../../../shared/turnarounds/models'
import { localIsoDate } from '../../../shared/dates'
import { refreshDerived } from './derived'
import { loadDetail } from './detail-view'

export interface TurnaroundsDeps {
  manager: EntityManager
  now: () => Date
  settings: () => Promise<PlannerSettings>
}

/** What every planner service shares: the clock, the settings, and one way to change a turnaround. */
export class TurnaroundsContext {
  constructor(readonly deps: TurnaroundsDeps) {}

  today(): string {
    return localIsoDate(this.deps.now())
  }

  stamp(): string {
    return timestamp(this.deps.now())
  }

  async detail(id: number, m: EntityManager = this.deps.manager): Promise<TurnaroundDetail> {
    const settings = await this.deps.settings()
    return loadDetail(m, id, this.today(), settings)
  }

  /**
   * Runs one change to a turnaround in a transaction: the change, then the derived stage and
   * follow-up dates, all or nothing. Returns the turnaround as it now stands.
   */
  async mutate(
    turnaroundId: number,
    change: (m: EntityManager, t: TurnaroundEntity) => Promise<void>,
  ): Promise<TurnaroundDetail> {
    return this.deps.manager.transaction(async (m) => {
      const t = await m.findOneBy(TurnaroundEntity, { id: turnaroundId })
      if (!t) throw notFound('turnaround')
      await change(m, t)
      await refreshDerived(m, turnaroundId)
      return this.detail(turnaroundId, m)
    })
  }

  /** Dates inside a turnaround cannot come before the day it opened. */
  notBeforeOpening(t: TurnaroundEntity, date: string | null, field: string, what: string): void {
    if (date !== null && date < t.openedOn) {
      throw new DomainError('VALIDATION', `${what} cannot be before the turnaround opened (${t.openedOn}).`, field)
    }
  }

  notInFuture(date: string, field: string, what: string): void {
    if (date > this.today()) throw new DomainError('VALIDATION', `${what} cannot be in the future.`, field)
  }
}
