/** The figures the client page, the Ledger page, the exports and the decision panel show. */
import type { EntityManager } from 'typeorm'
import { ClientDecisionEntity, ClientEntity } from '../../db/entities'
import { notFound } from '../../domain-error'
import { chunksOf, engineOf } from '../../db/engine'
import { figuresOf, emptySums } from '../../../shared/ledger/figures'
import type {
  KindSums,
  ClientFigures,
  ClientMonth,
  ClientPageFigures,
  DecisionRecord,
  PortfolioFigures,
} from '../../../shared/ledger/models'
import { addMonths, monthsBetween, periodOf, type Period } from '../../../shared/ledger/periods'
import { worthOf } from '../../../shared/ledger/recommend'

/** Whether a period is the last 12 months to today, so its sums serve the worth as they are. */
const isTtm = (p: Period, today: string) => {
  const ttm = periodOf('ttm', today)
  return p.from === ttm.from && p.to === ttm.to
}
import type { ClientStatus } from '../../../shared/words'
import { clientMonths, clientTouchpointMonths, ledgerSums, totalOf, type ClientLine } from './figures-query'
import type { LedgerContext } from './ledger-context'
import { turnaroundCosts } from './turnaround-cost'

async function lastDecision(m: EntityManager, clientId: number): Promise<DecisionRecord | null> {
  const d = await m.findOne(ClientDecisionEntity, { where: { clientId }, order: { decidedOn: 'DESC', id: 'DESC' } })
  return d
    ? { id: d.id, decidedOn: d.decidedOn, recommendation: d.recommendation, decision: d.decision, note: d.note }
    : null
}

/** Whether every sum is zero (a client with nothing in the period). */
function isEmpty(s: KindSums): boolean {
  for (const key in s) if (s[key as keyof KindSums] !== 0) return false
  return true
}

export class FiguresService {
  constructor(private readonly ctx: LedgerContext) {}

  async client(clientId: number, period: Period): Promise<ClientPageFigures> {
    const m = this.ctx.manager
    const profile = await this.ctx.profile()
    const c = await m.findOneBy(ClientEntity, { id: clientId })
    if (!c) throw notFound('client')
    const sums = (await ledgerSums(m, period, { clientId })).get(clientId) ?? emptySums()
    const ttm = isTtm(period, this.ctx.today())
      ? sums
      : ((await ledgerSums(m, periodOf('ttm', this.ctx.today()), { clientId })).get(clientId) ?? emptySums())
    return {
      clientId,
      name: c.name,
      status: c.status as ClientStatus,
      figures: figuresOf(sums),
      worth: worthOf(
        figuresOf(ttm).marginMinor,
        profile.horizonYears,
        c.referralValueMinor,
        profile.defaultReferralValueMinor,
      ),
      period,
      hourlyWorthMinor: profile.hourlyWorthMinor,
      currency: profile.currency,
      turnarounds: await turnaroundCosts(m, { clientId }),
      lastDecision: await lastDecision(m, clientId),
    }
  }

  async portfolio(period: Period): Promise<PortfolioFigures> {
    const m = this.ctx.manager
    // Independent reads, side by side on a pooled server.
    // The names come with the months' sums; a client seen only in the period's edge days is looked up.
    const names = new Map<number, ClientLine>()
    const [profile, sums] = await Promise.all([this.ctx.profile(), ledgerSums(m, period, { clients: names })])
    // A client whose month total is cancelled out by the days the period leaves out had no entry in it.
    for (const [id, s] of sums) if (isEmpty(s)) sums.delete(id)
    const ids = [...sums.keys()]
    const today = this.ctx.today()
    const ttm = isTtm(period, today) ? sums : await ledgerSums(m, periodOf('ttm', today))
    const missing = ids.filter((id) => !names.has(id))
    for (const chunk of chunksOf(engineOf(m), missing)) {
      const rows = await m
        .createQueryBuilder(ClientEntity, 'c')
        .select('c.id', 'id')
        .addSelect('c.name', 'name')
        .addSelect('c.status', 'status')
        .addSelect('c.referralValueMinor', 'referral')
        .where('c.id IN (:...ids)', { ids: chunk })
        .getRawMany<{ id: number; name: string; status: ClientStatus; referral: number | null }>()
      for (const r of rows)
        names.set(Number(r.id), {
          name: r.name,
          status: r.status,
          referral: r.referral === null ? null : Number(r.referral),
        })
    }
    const clients: ClientFigures[] = ids.map((id) => {
      const line = names.get(id)
      const figures = figuresOf(sums.get(id) ?? emptySums())
      // The last 12 months' margin: this period's own when it is those months.
      const ttmMargin = ttm === sums ? figures.marginMinor : figuresOf(ttm.get(id) ?? emptySums()).marginMinor
      return {
        clientId: id,
        name: line?.name ?? '',
        status: line?.status ?? 'active',
        figures,
        worth: worthOf(ttmMargin, profile.horizonYears, line?.referral ?? null, profile.defaultReferralValueMinor),
      }
    })
    clients.sort((a, b) => b.figures.marginMinor - a.figures.marginMinor || a.name.localeCompare(b.name))
    return {
      period,
      hourlyWorthMinor: profile.hourlyWorthMinor,
      currency: profile.currency,
      totals: figuresOf(totalOf(sums.values())),
      clients,
    }
  }

  /** Revenue, cost and margin for each of the last `months` months, this one included. */
  async months(clientId: number, months: number): Promise<ClientMonth[]> {
    const m = this.ctx.manager
    const last = this.ctx.today().slice(0, 7)
    const first = addMonths(last, -(months - 1))
    const rows = await clientMonths(m, clientId, first, last)
    const touch = await clientTouchpointMonths(m, clientId, first, last)
    return monthsBetween(first, last).map((month) => {
      const r = rows.get(month)
      const revenueMinor = Number(r?.revenue ?? 0)
      const costMinor = Number(r?.cost ?? 0) + (touch.get(month) ?? 0)
      return { month, revenueMinor, costMinor, marginMinor: revenueMinor - costMinor }
    })
  }
}
