import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
import type { ActionStatus, Party } from '../../../shared/turnarounds/words'

/** A planned step for an issue, with impact and effort: the best ratios are the quick wins. */
@Entity({ name: 'turnaround_actions' })
export class ActionEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number

  @Index('idx_actions_turnaround')
  @Column({ name: 'turnaround_id', type: 'integer' })
  turnaroundId!: number

  @Column({ name: 'issue_id', type: 'integer', nullable: true })
  issueId!: number | null

  @Column({ type: 'varchar', length: 300 })
  title!: string

  @Column({ type: 'integer' })
  impact!: number

  @Column({ name: 'effort_minutes', type: 'integer' })
  effortMinutes!: number

  @Column({ name: 'cost_minor', type: 'integer', default: 0 })
  costMinor!: number

  @Column({ type: 'varchar', length: 10 })
  party!: Party

  @Column({ type: 'varchar', length: 120, default: '' })
  responsible!: string

  @Column({ name: 'due_on', type: 'varchar', length: 10, nullable: true })
  dueOn!: string | null

  @Column({ type: 'varchar', length: 20 })
  status!: ActionStatus

  /** Set when the owner reorders by hand; null means ranked by impact over effort. */
  @Column({ name: 'manual_rank', type: 'integer', nullable: true })
  manualRank!: number | null

  @Column({ name: 'created_at', type: 'varchar', length: 30 })
  createdAt!: string

  @Column({ name: 'updated_at', type: 'varchar', length: 30 })
  updatedAt!: string
}
