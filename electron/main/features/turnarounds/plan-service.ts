import type { EntityManager } from 'typeorm'
import { claimVersion } from '../../db/record-version'
import { ActionEntity, IssueEntity } from '../../db/entities'
import { DomainError, notFound } from '../../domain-error'
import type { TurnaroundDetail } from '../../../shared/turnarounds/models'
import type { ActionData, IssueData } from '../../../shared/turnarounds/schemas'
import { rankActions } from '../../../shared/turnarounds/rules'
import { MAX_PLAN_ACTIONS } from '../../../shared/money'
import type { TurnaroundsContext } from './turnarounds-context'

/** The issue list and the plan of actions, with the owner's own ordering. */
export class PlanService {
  constructor(private readonly ctx: TurnaroundsContext) {}

  saveIssue(
    turnaroundId: number,
    id: number | undefined,
    input: IssueData,
    version?: number,
  ): Promise<TurnaroundDetail> {
    return this.ctx.mutate(turnaroundId, async (m, t) => {
      this.ctx.notBeforeOpening(t, input.raisedOn, 'raisedOn', 'An issue')
      const e = id === undefined ? new IssueEntity() : await this.owned(m, IssueEntity, id, turnaroundId, 'issue')
      if (id !== undefined)
        await claimVersion(m, IssueEntity, id, { seen: version, what: 'This issue', now: this.ctx.deps.now() })
      Object.assign(e, input, { turnaroundId, updatedAt: this.ctx.stamp() })
      if (id === undefined) e.createdAt = this.ctx.stamp()
      await m.save(e)
    })
  }

  async deleteIssue(id: number): Promise<TurnaroundDetail> {
    const issue = await this.ctx.deps.manager.findOneBy(IssueEntity, { id })
    if (!issue) throw notFound('issue')
    return this.ctx.mutate(issue.turnaroundId, async (m) => {
      await m.delete(IssueEntity, { id })
    })
  }

  saveAction(turnaroundId: number, id: number | undefined, input: ActionData): Promise<TurnaroundDetail> {
    return this.ctx.mutate(turnaroundId, async (m, t) => {
      this.ctx.notBeforeOpening(t, input.dueOn, 'dueOn', 'The due date')
      if (input.issueId !== null) await this.owned(m, IssueEntity, input.issueId, turnaroundId, 'issue', 'issueId')
      // A plan's size is bounded, so its planned cost is too (money.ts, MAX_PLAN_ACTIONS).
      if (id === undefined && (await m.countBy(ActionEntity, { turnaroundId })) >= MAX_PLAN_ACTIONS) {
        throw new DomainError(
          'VALIDATION',
          `A plan holds at most ${MAX_PLAN_ACTIONS} actions. Combine some, or remove those that are done with.`,
        )
      }
      const e =
        id === undefined
          ? Object.assign(new ActionEntity(), { manualRank: null })
          : await this.owned(m, ActionEntity, id, turnaroundId, 'action')
      Object.assign(e, input, { turnaroundId, updatedAt: this.ctx.stamp() })
      if (id === undefined) e.createdAt = this.ctx.stamp()
      await m.save(e)
    })
  }

  async deleteAction(id: number): Promise<TurnaroundDetail> {
    const action = await this.ctx.deps.manager.findOneBy(ActionEntity, { id })
    if (!action) throw notFound('action')
    return this.ctx.mutate(action.turnaroundId, async (m) => {
      await m.delete(ActionEntity, { id })
    })
  }

  /**
   * Moves an action one place up or down the plan. The plan's current order is frozen into
   * manual ranks, so the owner's order then holds until they reset it.
   */
  async moveAction(id: number, direction: 'up' | 'down'): Promise<TurnaroundDetail> {
    const action = await this.ctx.deps.manager.findOneBy(ActionEntity, { id })
    if (!action) throw notFound('action')
    return this.ctx.mutate(action.turnaroundId, async (m) => {
      const all = await m.find(ActionEntity, { where: { turnaroundId: action.turnaroundId } })
      // Only unfinished actions are reordered; done and dropped ones stay at the end.
      const { quickWinMaxEffortMinutes } = await this.ctx.deps.settings()
      const ordered = rankActions(all, quickWinMaxEffortMinutes)
        .filter((a) => a.status !== 'done' && a.status !== 'dropped')
        .map((a) => a.id)
      const from = ordered.indexOf(id)
      const to = direction === 'up' ? from - 1 : from + 1
      if (from < 0 || to < 0 || to >= ordered.length) return
      ;[ordered[from], ordered[to]] = [ordered[to] as number, ordered[from] as number]
      for (const [rank, actionId] of ordered.entries())
        await m.update(ActionEntity, { id: actionId }, { manualRank: rank + 1 })
    })
  }

  /** Back to the ranking by impact over effort. */
  resetOrder(turnaroundId: number): Promise<TurnaroundDetail> {
    return this.ctx.mutate(turnaroundId, async (m) => {
      await m.update(ActionEntity, { turnaroundId }, { manualRank: null })
    })
  }

  private async owned<T extends IssueEntity | ActionEntity>(
    m: EntityManager,
    entity: new () => T,
    id: number,
    turnaroundId: number,
    what: string,
    field?: string,
  ): Promise<T> {
    const row = (await m.findOneBy(entity, { id } as never)) as T | null
    if (!row) throw notFound(what)
    if (row.turnaroundId !== turnaroundId)
      throw new DomainError('VALIDATION', `That ${what} belongs to another turnaround.`, field)
    return row
  }
}
