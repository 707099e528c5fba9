import type { EntityManager } from 'typeorm'
import { BusinessProfileEntity } from '../../db/entities'
import { builtById } from '../../db/built-query'
import { timestamp } from '../../db/dialect'
import type { BusinessProfile } from '../../../shared/models'
import type { PlannerSettings } from '../../../shared/turnarounds/models'
import { QUICK_WIN_MAX_EFFORT_MINUTES } from '../../../shared/turnarounds/rules'
import type { PlannerSettingsData } from '../../../shared/turnarounds/schemas'
import type { ProfileInputData } from '../../../shared/schemas'
import { profileRequired } from './profile-required'

const PROFILE_ID = 1

function toProfile(e: BusinessProfileEntity): BusinessProfile {
  return {
    businessName: e.businessName,
    ownerName: e.ownerName,
    address: e.address,
    email: e.email,
    phone: e.phone,
    currency: e.currency,
    locale: e.locale ?? '',
    hourlyWorthMinor: e.hourlyWorthMinor,
    logoDataUrl: e.logoDataUrl,
    isSample: Boolean(e.isSample),
    updatedAt: e.updatedAt,
    warningWindowDays: e.warningWindowDays,
    followUpEveryDays: e.followUpEveryDays,
    checkInAfterDays: e.checkInAfterDays,
    quickWinMaxEffortMinutes: e.quickWinMaxEffortMinutes,
    letterPageSize: e.letterPageSize ?? 'A4',
  }
}

export const DEFAULT_PLANNER_SETTINGS: PlannerSettings = {
  warningWindowDays: 2,
  followUpEveryDays: 2,
  checkInAfterDays: 90,
  quickWinMaxEffortMinutes: QUICK_WIN_MAX_EFFORT_MINUTES,
}

/** The owner's business profile: one row, created on first start. */
export class ProfileService {
  constructor(private readonly deps: { manager: EntityManager; now: () => Date }) {}

  async get(): Promise<BusinessProfile | null> {
    const e = await builtById(BusinessProfileEntity)(this.deps.manager, PROFILE_ID)
    return e ? toProfile(e) : null
  }

  async save(input: ProfileInputData, options: { isSample?: boolean } = {}): Promise<BusinessProfile> {
    const repo = this.deps.manager.getRepository(BusinessProfileEntity)
    const now = timestamp(this.deps.now())
    const e =
      (await repo.findOneBy({ id: PROFILE_ID })) ??
      Object.assign(new BusinessProfileEntity(), {
        id: PROFILE_ID,
        createdAt: now,
        isSample: false,
        ...DEFAULT_PLANNER_SETTINGS,
      })
    Object.assign(e, input, { updatedAt: now })
    // Editing the profile makes it the owner's own; loading the sample marks it as sample.
    e.isSample = options.isSample ?? false
    return toProfile(await repo.save(e))
  }

  /** The planner's thresholds; the defaults until a profile exists. */
  async plannerSettings(): Promise<PlannerSettings> {
    const p = await this.get()
    return p
      ? {
          warningWindowDays: p.warningWindowDays,
          followUpEveryDays: p.followUpEveryDays,
          checkInAfterDays: p.checkInAfterDays,
          quickWinMaxEffortMinutes: p.quickWinMaxEffortMinutes,
        }
      : { ...DEFAULT_PLANNER_SETTINGS }
  }

  /** The paper letters are laid out on, kept with the letterhead. */
  async saveLetterPageSize(
    pageSize: BusinessProfileEntity['letterPageSize'],
  ): Promise<BusinessProfileEntity['letterPageSize']> {
    const repo = this.deps.manager.getRepository(BusinessProfileEntity)
    if (!(await repo.existsBy({ id: PROFILE_ID }))) throw profileRequired()
    await repo.update({ id: PROFILE_ID }, { letterPageSize: pageSize, updatedAt: timestamp(this.deps.now()) })
    return pageSize
  }

  async savePlannerSettings(input: PlannerSettingsData): Promise<PlannerSettings> {
    const repo = this.deps.manager.getRepository(BusinessProfileEntity)
    const e = await repo.findOneBy({ id: PROFILE_ID })
    if (!e) throw profileRequired()
    Object.assign(e, input, { updatedAt: timestamp(this.deps.now()) })
    await repo.save(e)
    return { ...input }
  }
}
