import type { EntityManager } from 'typeorm'
import { BusinessProfileEntity, StaffEntity } from '../../db/entities'
import { timeRate } from '../../../shared/money'

/**
 * The hourly rate (minor units) a touchpoint is logged at: the cost rate of the staff member whose
 * name is its `who`, else the owner's hourly worth (0 before a business profile exists). The
 * touchpoint keeps it, so later changes to staff rates, names or the owner's worth leave it as it was.
 */
export async function touchpointRate(m: EntityManager, who: string): Promise<number> {
  const staff = await m.findOneBy(StaffEntity, { name: who })
  const profile = staff ? null : await m.findOne(BusinessProfileEntity, { where: {}, order: { id: 'ASC' } })
  return timeRate(null, staff?.costRateMinor, profile?.hourlyWorthMinor ?? 0)
}
