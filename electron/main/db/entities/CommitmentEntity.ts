import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
import type { CommitmentStatus, Party } from '../../../shared/turnarounds/words'

/** An agreed promise with a due date, by us or by the client. */
@Entity({ name: 'commitments' })
@Index('idx_commitments_status_due', ['status', 'dueOn'])
export class CommitmentEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number

  @Index('idx_commitments_turnaround')
  @Column({ name: 'turnaround_id', type: 'integer' })
  turnaroundId!: number

  @Column({ type: 'varchar', length: 10 })
  party!: Party

  @Column({ type: 'text' })
  description!: string

  @Column({ name: 'due_on', type: 'varchar', length: 10 })
  dueOn!: string

  @Column({ name: 'original_due_on', type: 'varchar', length: 10 })
  originalDueOn!: string

  @Column({ type: 'varchar', length: 20 })
  status!: CommitmentStatus

  @Column({ name: 'done_on', type: 'varchar', length: 10, nullable: true })
  doneOn!: string | null

  @Column({ name: 'renegotiation_reason', type: 'text', default: '' })
  renegotiationReason!: string

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
