import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
import type { ClientCommitmentKind, ClientPartSettled } from '../../../shared/turnarounds/words'

/** One part of what the client will do once the issues are solved: pay, refer, renew... each measurable. */
@Entity({ name: 'turnaround_client_commitments' })
export class ClientCommitmentPartEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number

  @Index('idx_client_commitments_turnaround')
  @Column({ name: 'turnaround_id', type: 'integer' })
  turnaroundId!: number

  @Column({ type: 'integer' })
  position!: number

  @Column({ type: 'varchar', length: 30 })
  kind!: ClientCommitmentKind

  @Column({ type: 'text' })
  description!: string

  @Column({ name: 'amount_minor', type: 'integer', nullable: true })
  amountMinor!: number | null

  @Column({ name: 'due_on', type: 'varchar', length: 10, nullable: true })
  dueOn!: string | null

  @Column({ name: 'met_when', type: 'text', default: '' })
  metWhen!: string

  /** How it ended: kept or not kept; null while it is open. */
  @Column({ name: 'settled_as', type: 'varchar', length: 10, nullable: true })
  settledAs!: ClientPartSettled | null

  /** The day the client kept it (only when kept). */
  @Column({ name: 'kept_on', type: 'varchar', length: 10, nullable: true })
  keptOn!: string | null
}
