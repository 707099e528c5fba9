/** What every ledger service shares: the database, the clock, and the business's profile. */
import type { EntityManager } from 'typeorm'
import { BusinessProfileEntity } from '../../db/entities'
import { timestamp } from '../../db/dialect'
import { profileRequired } from '../profile'
import { localIsoDate } from '../../../shared/dates'
import { periodOf, type Period } from '../../../shared/ledger/periods'
import type { PeriodData } from '../../../shared/ledger/schemas'
import { formatsFor, resolveLocale, type Formats } from '../../../shared/format'

/** Node's own default locale: only where no port says the computer's language (tests, tools). */
const defaultLocale = () => Intl.DateTimeFormat().resolvedOptions().locale

export interface LedgerDeps {
  manager: EntityManager
  now: () => Date
  /** The computer's language (Electron: app.getLocale()), for a business that has chosen no locale. */
  systemLocale?: () => string
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

  /** The one formatter in the business's locale, the same the pages use. */
  formats(profile: Pick<BusinessProfileEntity, 'locale'>): Formats {
    return formatsFor(resolveLocale(profile.locale, this.deps.systemLocale?.() ?? defaultLocale()))
  }

  async profile(m: EntityManager = this.manager): Promise<BusinessProfileEntity> {
    const p = await m.findOneBy(BusinessProfileEntity, { id: 1 })
    if (!p) throw profileRequired('the ledger needs its currency and your hourly worth')
    return p
  }
}
