import type { EntityManager } from 'typeorm'
import { BusinessProfileEntity, StaffEntity } from '../../db/entities'
import { timeRate } from '../../../shared/money'
import { builtFind } from '../../db/built-query'

const staffNamed = builtFind(
  (m, { who }: { who: string }) => m.createQueryBuilder(StaffEntity, 's').where('s.name = :who', { who }).limit(1),
  ['who'],
)
const firstProfile = builtFind(
  (m) => m.createQueryBuilder(BusinessProfileEntity, 'p').orderBy('p.id', 'ASC').limit(1),
  [],
)

/**
 * The hourly rate (minor units) a touchpoint is logged at: the cost rate of the staff member whose
 * name is its `who`, else the owner's hourly worth (0 before a business profile exists). The
 * touchpoint keeps it, so later changes to staff rates, names or the owner's worth leave it as it was.
 */
export async function touchpointRate(m: EntityManager, who: string): Promise<number> {
  const [staff] = await staffNamed(m, { who })
  const [profile] = staff ? [] : await firstProfile(m, {})
  return timeRate(null, staff?.costRateMinor, profile?.hourlyWorthMinor ?? 0)
}
