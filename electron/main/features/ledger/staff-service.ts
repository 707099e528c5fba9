/** Staff members and their cost rates; the owner's risk limits on the profile. */
import { BusinessProfileEntity, StaffEntity } from '../../db/entities'
import { DomainError, notFound } from '../../domain-error'
import type { RiskLimits, StaffMember } from '../../../shared/ledger/models'
import type { RiskLimitsData, StaffData } from '../../../shared/ledger/schemas'
import type { LedgerContext } from './ledger-context'

const toStaff = (e: StaffEntity): StaffMember => ({
  id: e.id,
  name: e.name,
  costRateMinor: e.costRateMinor,
  isSample: Boolean(e.isSample),
})

export const riskLimitsOf = (p: BusinessProfileEntity): RiskLimits => ({
  horizonYears: p.horizonYears,
  maxTurnaroundSharePct: p.maxTurnaroundSharePct,
  maxTurnaroundMinutes: p.maxTurnaroundMinutes,
  minEffectiveRateMinor: p.minEffectiveRateMinor,
  defaultReferralValueMinor: p.defaultReferralValueMinor,
})

export class StaffService {
  constructor(private readonly ctx: LedgerContext) {}

  async list(): Promise<StaffMember[]> {
    const rows = await this.ctx.manager.getRepository(StaffEntity).find({ order: { name: 'ASC' } })
    return rows.map(toStaff)
  }

  async save(id: number | undefined, input: StaffData, options: { isSample?: boolean } = {}): Promise<StaffMember> {
    return this.ctx.manager.transaction(async (m) => {
      const clash = await m.createQueryBuilder(StaffEntity, 's').where('s.name = :name', { name: input.name }).getOne()
      if (clash && clash.id !== id)
        throw new DomainError('VALIDATION', `${input.name} is already on the staff list.`, 'name')
      const now = this.ctx.stamp()
      const e =
        id === undefined
          ? Object.assign(new StaffEntity(), { createdAt: now, isSample: options.isSample ?? false })
          : await m.findOneBy(StaffEntity, { id })
      if (!e) throw notFound('staff member')
      Object.assign(e, input, { updatedAt: now })
      return toStaff(await m.save(e))
    })
  }

  /** Time entries keep who worked and the rate they were costed at; only the link to the list goes. */
  async delete(id: number): Promise<{ deleted: number }> {
    return this.ctx.manager.transaction(async (m) => {
      const result = await m.delete(StaffEntity, { id })
      if (!result.affected) throw notFound('staff member')
      return { deleted: result.affected }
    })
  }

  async riskLimits(): Promise<RiskLimits> {
    return riskLimitsOf(await this.ctx.profile())
  }

  async saveRiskLimits(input: RiskLimitsData): Promise<RiskLimits> {
    return this.ctx.manager.transaction(async (m) => {
      const p = await this.ctx.profile(m)
      Object.assign(p, input, { updatedAt: this.ctx.stamp() })
      return riskLimitsOf(await m.save(BusinessProfileEntity, p))
    })
  }
}
