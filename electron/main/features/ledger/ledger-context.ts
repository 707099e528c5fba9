/** What every ledger service shares: the database, the clock, and the business's profile. */
import type { EntityManager } from 'typeorm'
import { BusinessProfileEntity } from '../../db/entities'
import { timestamp } from '../../db/dialect'
import { profileRequired } from '../profile'
import { localIsoDate } from '../../../shared/dates'
import { periodOf, type Period } from '../../../shared/ledger/periods'
import type { PeriodData } from '../../../shared/ledger/schemas'

export interface LedgerDeps {
  manager: EntityManager
  now: () => Date
}

export class LedgerContext {
  constructor(readonly deps: LedgerDeps) {}

  get manager(): EntityManager {
    return this.deps.manager
  }

  /** The owner's calendar day, on the computer's clock. */
  today(): string {
    return localIsoDate(this.deps.now())
  }

  stamp(): string {
    return timestamp(this.deps.now())
  }

  period(p: PeriodData): Period {
    return periodOf(p.preset, this.today(), p)
  }

  async profile(m: EntityManager = this.manager): Promise<BusinessProfileEntity> {
    const p = await m.findOneBy(BusinessProfileEntity, { id: 1 })
    if (!p) throw profileRequired('the ledger needs its currency and your hourly worth')
    return p
  }
}
