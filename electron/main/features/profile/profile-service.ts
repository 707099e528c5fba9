import type { EntityManager } from 'typeorm'
import { BusinessProfileEntity } from '../../db/entities'
import { timestamp } from '../../db/dialect'
import type { BusinessProfile } from '../../../shared/models'
import type { ProfileInputData } from '../../../shared/schemas'

const PROFILE_ID = 1

function toProfile(e: BusinessProfileEntity): BusinessProfile {
  return {
    businessName: e.businessName,
    ownerName: e.ownerName,
    address: e.address,
    email: e.email,
    phone: e.phone,
    currency: e.currency,
    hourlyWorthMinor: e.hourlyWorthMinor,
    logoDataUrl: e.logoDataUrl,
    isSample: Boolean(e.isSample),
    updatedAt: e.updatedAt,
  }
}

/** The owner's business profile: one row, created on first start. */
export class ProfileService {
  constructor(private readonly deps: { manager: EntityManager; now: () => Date }) {}

  async get(): Promise<BusinessProfile | null> {
    const e = await this.deps.manager.getRepository(BusinessProfileEntity).findOneBy({ id: PROFILE_ID })
    return e ? toProfile(e) : null
  }

  async save(input: ProfileInputData, options: { isSample?: boolean } = {}): Promise<BusinessProfile> {
    const repo = this.deps.manager.getRepository(BusinessProfileEntity)
    const now = timestamp(this.deps.now())
    const e = (await repo.findOneBy({ id: PROFILE_ID })) ?? Object.assign(new BusinessProfileEntity(), { id: PROFILE_ID, createdAt: now, isSample: false })
    Object.assign(e, input, { updatedAt: now })
    // Editing the profile makes it the owner's own; loading the sample marks it as sample.
    e.isSample = options.isSample ?? false
    return toProfile(await repo.save(e))
  }
}
