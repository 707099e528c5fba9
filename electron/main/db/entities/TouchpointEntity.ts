import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
import type { TouchpointKind } from '../../../shared/turnarounds/words'

/**
 * A call, meeting, email, letter or visit. Minutes and who spent them are kept as entered, with
 * the hourly rate of that person when it was logged (a staff member's cost rate, else the owner's
 * hourly worth), so the ledger costs them as they were, like time entries.
 */
@Entity({ name: 'touchpoints' })
@Index('idx_touchpoints_turnaround_on', ['turnaroundId', 'occurredOn'])
/** Each client's touchpoints by day, with their minutes and rate: costed from the index alone (migration 0017). */
@Index('idx_touchpoints_client_day', ['clientId', 'occurredOn', 'minutes', 'rateMinor'])
export class TouchpointEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number

  @Column({ name: 'client_id', type: 'integer' })
  clientId!: number

  @Column({ name: 'turnaround_id', type: 'integer', nullable: true })
  turnaroundId!: number | null

  @Column({ type: 'varchar', length: 20 })
  kind!: TouchpointKind

  @Column({ name: 'occurred_on', type: 'varchar', length: 10 })
  occurredOn!: string

  @Column({ type: 'varchar', length: 120 })
  who!: string

  @Column({ type: 'integer' })
  minutes!: number

  @Column({ type: 'text', default: '' })
  summary!: string

  /** Hourly rate in minor units when logged; kept on edits unless `who` changes. */
  @Column({ name: 'rate_minor', type: 'integer', default: 0 })
  rateMinor!: number

  @Column({ name: 'is_check_in', type: 'boolean', default: false })
  isCheckIn!: boolean

  @Column({ name: 'created_at', type: 'varchar', length: 30 })
  createdAt!: string
}
