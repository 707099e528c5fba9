import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm'
import type { AgreementChannel, ComplaintChannel, Outcome, Stage } from '../../../shared/turnarounds/words'
import type { ClientEntity } from './ClientEntity'

/** One effort to rescue one client. Stage and follow-up dates are derived and kept current by the service. */
@Entity({ name: 'turnarounds' })
export class TurnaroundEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number

  @Index('idx_turnarounds_client')
  @Column({ name: 'client_id', type: 'integer' })
  clientId!: number

  @ManyToOne('ClientEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'client_id' })
  client?: ClientEntity

  @Column({ name: 'opened_on', type: 'varchar', length: 10 })
  openedOn!: string

  @Column({ type: 'varchar', length: 120 })
  owner!: string

  @Column({ name: 'first_heard_by', type: 'varchar', length: 120 })
  firstHeardBy!: string

  @Column({ type: 'varchar', length: 20 })
  channel!: ComplaintChannel

  @Column({ name: 'client_words', type: 'text', default: '' })
  clientWords!: string

  @Column({ name: 'client_expectation', type: 'text', default: '' })
  clientExpectation!: string

  @Column({ name: 'response_promised_on', type: 'varchar', length: 10, nullable: true })
  responsePromisedOn!: string | null

  @Column({ name: 'follow_up_every_days', type: 'integer' })
  followUpEveryDays!: number

  @Column({ name: 'last_touchpoint_on', type: 'varchar', length: 10, nullable: true })
  lastTouchpointOn!: string | null

  @Index('idx_turnarounds_next_follow_up')
  @Column({ name: 'next_follow_up_on', type: 'varchar', length: 10, nullable: true })
  nextFollowUpOn!: string | null

  /** The owner put the follow-up off until this day (from Today); the next follow-up is never before it. */
  @Column({ name: 'follow_up_snoozed_until', type: 'varchar', length: 10, nullable: true })
  followUpSnoozedUntil!: string | null

  @Column({ name: 'issues_agreed_on', type: 'varchar', length: 10, nullable: true })
  issuesAgreedOn!: string | null

  @Column({ name: 'issues_agreed_via', type: 'varchar', length: 20, nullable: true })
  issuesAgreedVia!: AgreementChannel | null

  /** JSON list of {id, statement} as the client agreed them. */
  @Column({ name: 'agreement_snapshot', type: 'text', nullable: true })
  agreementSnapshot!: string | null

  @Column({ name: 'agreement_missing_note', type: 'text', default: '' })
  agreementMissingNote!: string

  @Column({ name: 'plan_agreed_on', type: 'varchar', length: 10, nullable: true })
  planAgreedOn!: string | null

  @Column({ name: 'closed_on', type: 'varchar', length: 10, nullable: true })
  closedOn!: string | null

  @Column({ type: 'varchar', length: 20, nullable: true })
  outcome!: Outcome | null

  @Column({ name: 'closing_note', type: 'text', default: '' })
  closingNote!: string

  /** The check-ins still to make (migration 0018). */
  @Index('idx_turnarounds_check_in_pending', { where: 'closed_on IS NOT NULL AND checked_in_on IS NULL' })
  @Column({ name: 'check_in_due_on', type: 'varchar', length: 10, nullable: true })
  checkInDueOn!: string | null

  @Column({ name: 'checked_in_on', type: 'varchar', length: 10, nullable: true })
  checkedInOn!: string | null

  @Index('idx_turnarounds_stage')
  @Column({ type: 'varchar', length: 30 })
  stage!: Stage

  @Column({ name: 'is_sample', type: 'boolean', default: false })
  isSample!: boolean

  /** Raised by every edit, only by claimVersion (db/record-version.ts): save() never writes it. */
  @Column({ type: 'integer', default: 1, update: false })
  version!: number

  @Column({ name: 'created_by', type: 'varchar', length: 120, default: '', update: false })
  createdBy!: string

  @Column({ name: 'updated_by', type: 'varchar', length: 120, default: '', update: false })
  updatedBy!: string

  @Column({ name: 'created_at', type: 'varchar', length: 30 })
  createdAt!: string

  @Column({ name: 'updated_at', type: 'varchar', length: 30 })
  updatedAt!: string
}
