import { Column, Entity, PrimaryColumn } from 'typeorm'
import type { PageSize } from '../../../shared/letters/words'

/** The owner's business: exactly one row, id 1. */
@Entity({ name: 'business_profile' })
export class BusinessProfileEntity {
  @PrimaryColumn({ type: 'integer' })
  id!: number

  @Column({ name: 'business_name', type: 'varchar', length: 120 })
  businessName!: string

  @Column({ name: 'owner_name', type: 'varchar', length: 120 })
  ownerName!: string

  @Column({ type: 'text', default: '' })
  address!: string

  @Column({ type: 'varchar', length: 254, default: '' })
  email!: string

  @Column({ type: 'varchar', length: 40, default: '' })
  phone!: string

  @Column({ type: 'varchar', length: 3 })
  currency!: string

  /** How dates, numbers and amounts are written and typed ("en-GB"); empty: the computer's language. */
  @Column({ type: 'varchar', length: 35, default: '' })
  locale!: string

  @Column({ name: 'hourly_worth_minor', type: 'integer' })
  hourlyWorthMinor!: number

  @Column({ name: 'logo_data_url', type: 'text', nullable: true })
  logoDataUrl!: string | null

  @Column({ name: 'is_sample', type: 'boolean', default: false })
  isSample!: boolean

  @Column({ name: 'warning_window_days', type: 'integer', default: 2 })
  warningWindowDays!: number

  @Column({ name: 'follow_up_every_days', type: 'integer', default: 2 })
  followUpEveryDays!: number

  @Column({ name: 'check_in_after_days', type: 'integer', default: 90 })
  checkInAfterDays!: number

  @Column({ name: 'quick_win_max_effort_minutes', type: 'integer', default: 120 })
  quickWinMaxEffortMinutes!: number

  @Column({ name: 'letter_page_size', type: 'varchar', length: 10, default: 'A4' })
  letterPageSize!: PageSize

  /** Risk limits for the keep-or-cut decision (migration 0004). */
  @Column({ name: 'horizon_years', type: 'integer', default: 3 })
  horizonYears!: number

  /** The largest share of relationship worth, in percent, a turnaround may cost. */
  @Column({ name: 'max_turnaround_share_pct', type: 'integer', default: 25 })
  maxTurnaroundSharePct!: number

  @Column({ name: 'max_turnaround_minutes', type: 'integer', default: 1200 })
  maxTurnaroundMinutes!: number

  @Column({ name: 'min_effective_rate_minor', type: 'integer', default: 0 })
  minEffectiveRateMinor!: number

  @Column({ name: 'default_referral_value_minor', type: 'integer', default: 0 })
  defaultReferralValueMinor!: number

  @Column({ name: 'created_at', type: 'varchar', length: 30 })
  createdAt!: string

  @Column({ name: 'updated_at', type: 'varchar', length: 30 })
  updatedAt!: string
}
