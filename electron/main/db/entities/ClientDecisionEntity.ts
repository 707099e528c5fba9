import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
import type { Recommendation } from '../../../shared/ledger/words'

/** The owner's keep-or-cut decision, with the recommendation and the figures (JSON) as they stood. */
@Entity({ name: 'client_decisions' })
@Index('idx_client_decisions_client', ['clientId', 'decidedOn'])
export class ClientDecisionEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number

  @Column({ name: 'client_id', type: 'integer' })
  clientId!: number

  @Column({ name: 'turnaround_id', type: 'integer', nullable: true })
  turnaroundId!: number | null

  @Column({ name: 'decided_on', type: 'varchar', length: 10 })
  decidedOn!: string

  @Column({ type: 'varchar', length: 20 })
  recommendation!: Recommendation

  @Column({ type: 'varchar', length: 20 })
  decision!: Recommendation

  @Column({ type: 'text', default: '' })
  note!: string

  @Column({ type: 'text' })
  figures!: string

  @Column({ name: 'created_at', type: 'varchar', length: 30 })
  createdAt!: string
}
