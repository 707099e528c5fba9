/** The decision panel: relationship worth against the turnaround's cost, the limits, the recommendation; and recording the owner's decision. */
import type { EntityManager } from 'typeorm'
import { ClientDecisionEntity, ClientEntity, IssueEntity, TurnaroundEntity } from '../../db/entities'
import { DomainError, notFound } from '../../domain-error'
import { emptySums, figuresOf } from '../../../shared/ledger/figures'
import type { DecisionFigures, DecisionPanel } from '../../../shared/ledger/models'
import { periodOf } from '../../../shared/ledger/periods'
import { recommend, worthOf } from '../../../shared/ledger/recommend'
import type { Recommendation } from '../../../shared/ledger/words'
import type { ClientStatus } from '../../../shared/words'
import { ledgerSums } from './figures-query'
import type { LedgerContext } from './ledger-context'
import { plannedCost, turnaroundCosts } from './turnaround-cost'
import { clientTurnaround, currentTurnaround } from '../turnarounds'

export class DecisionService {
  constructor(private readonly ctx: LedgerContext) {}

  /** The turnaround asked for (it must be the client's), else the open one, else the latest. */
  private async turnaround(m: EntityManager, clientId: number, turnaroundId: number | null): Promise<TurnaroundEntity> {
    if (turnaroundId !== null) return clientTurnaround(m, clientId, turnaroundId)
    const t = await currentTurnaround(m, clientId)
    if (!t) throw new DomainError('VALIDATION', 'This client has no turnaround, so there is no decision to weigh.')
    return t
  }

  async panel(
    clientId: number,
    turnaroundId: number | null,
    m: EntityManager = this.ctx.manager,
  ): Promise<DecisionPanel> {
    const profile = await this.ctx.profile(m)
    const client = await m.findOneBy(ClientEntity, { id: clientId })
    if (!client) throw notFound('client')
    const t = await this.turnaround(m, clientId, turnaroundId)
    const ttm = figuresOf(
      (await ledgerSums(m, periodOf('ttm', this.ctx.today()), { clientId })).get(clientId) ?? emptySums(),
    )
    const spent = (await turnaroundCosts(m, { turnaroundId: t.id }))[0]
    const planned = await plannedCost(m, t.id, profile.hourlyWorthMinor)
    const newIssues =
      t.planAgreedOn === null
        ? 0
        : await m
            .createQueryBuilder(IssueEntity, 'i')
            .where('i.turnaroundId = :id', { id: t.id })
            .andWhere('i.raisedOn > :agreed', { agreed: t.planAgreedOn })
            .andWhere("i.status <> 'dropped'")
            .getCount()
    const worth = worthOf(
      ttm.marginMinor,
      profile.horizonYears,
      client.referralValueMinor,
      profile.defaultReferralValueMinor,
    )
    const spentMinor = spent?.costMinor ?? 0
    const figures: DecisionFigures = {
      currency: profile.currency,
      ttmMarginMinor: worth.ttmMarginMinor,
      horizonYears: worth.horizonYears,
      referralValueMinor: worth.referralValueMinor,
      referralIsDefault: worth.referralIsDefault,
      worthMinor: worth.worthMinor,
      spentMinor,
      spentMinutes: spent?.minutes ?? 0,
      plannedMinor: planned.minor,
      plannedMinutes: planned.minutes,
      openActions: planned.actions,
      totalCostMinor: spentMinor + planned.minor,
      maxSharePct: profile.maxTurnaroundSharePct,
      maxMinutes: profile.maxTurnaroundMinutes,
      effectiveRateMinor: ttm.effectiveRateMinor,
      hourlyWorthMinor: profile.hourlyWorthMinor,
      minEffectiveRateMinor: profile.minEffectiveRateMinor,
      newIssuesAfterPlan: newIssues,
      planAgreedOn: t.planAgreedOn,
    }
    const decisions = await m.find(ClientDecisionEntity, {
      where: { clientId },
      order: { decidedOn: 'DESC', id: 'DESC' },
    })
    return {
      clientId,
      clientName: client.name,
      clientStatus: client.status as ClientStatus,
      turnaroundId: t.id,
      turnaroundClosed: t.closedOn !== null,
      figures,
      result: recommend(figures, this.ctx.formats(profile)),
      decisions: decisions.map((d) => ({
        id: d.id,
        decidedOn: d.decidedOn,
        recommendation: d.recommendation,
        decision: d.decision,
        note: d.note,
      })),
    }
  }

  /** Stores the decision with its note and the figures as they stood; "cut ties" lets the client go in the same transaction. */
  async record(
    clientId: number,
    turnaroundId: number | null,
    decision: Recommendation,
    note: string,
  ): Promise<DecisionPanel> {
    return this.ctx.manager.transaction(async (m) => {
      const panel = await this.panel(clientId, turnaroundId, m)
      await m.insert(ClientDecisionEntity, {
        clientId,
        turnaroundId: panel.turnaroundId,
        decidedOn: this.ctx.today(),
        recommendation: panel.result.recommendation,
        decision,
        note,
        figures: JSON.stringify({ ...panel.figures, limits: panel.result.limits, reasons: panel.result.reasons }),
        createdAt: this.ctx.stamp(),
      })
      if (decision === 'cut_ties')
        await m.update(ClientEntity, { id: clientId }, { status: 'let_go', updatedAt: this.ctx.stamp() })
      return this.panel(clientId, panel.turnaroundId, m)
    })
  }
}
