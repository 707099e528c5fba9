import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
import type { IssueStatus, Reality, RootCause, Severity } from '../../../shared/turnarounds/words'

/** One specific, agreed problem within a turnaround. */
@Entity({ name: 'turnaround_issues' })
@Index('idx_issues_trends', ['raisedOn', 'status', 'rootCause', 'severity', 'turnaroundId', 'staffMember', 'product'])
export class IssueEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number

  @Index('idx_issues_turnaround')
  @Column({ name: 'turnaround_id', type: 'integer' })
  turnaroundId!: number

  @Column({ type: 'text' })
  statement!: string

  @Column({ name: 'client_words', type: 'text', default: '' })
  clientWords!: string

  /** How letters put the issue to the client; '' means the statement is fit to print as it is. */
  @Column({ name: 'client_wording', type: 'varchar', length: 1000, default: '' })
  clientWording!: string

  @Column({ name: 'is_general', type: 'boolean', default: false })
  isGeneral!: boolean

  @Column({ name: 'root_cause', type: 'varchar', length: 30, nullable: true })
  rootCause!: RootCause | null

  @Column({ type: 'varchar', length: 20 })
  reality!: Reality

  @Column({ type: 'integer' })
  severity!: Severity

  @Column({ name: 'staff_member', type: 'varchar', length: 120, default: '' })
  staffMember!: string

  @Column({ type: 'varchar', length: 120, default: '' })
  product!: string

  @Column({ name: 'success_criterion', type: 'text', default: '' })
  successCriterion!: string

  @Column({ type: 'varchar', length: 20 })
  status!: IssueStatus

  @Column({ type: 'text', default: '' })
  prevention!: string

  @Column({ name: 'raised_on', type: 'varchar', length: 10 })
  raisedOn!: string

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
