import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'

/** A turnaround handed from one owner to another, in real time, with the reason. */
@Entity({ name: 'turnaround_handovers' })
export class HandoverEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number

  @Index('idx_handovers_turnaround')
  @Column({ name: 'turnaround_id', type: 'integer' })
  turnaroundId!: number

  @Column({ name: 'handed_on', type: 'varchar', length: 10 })
  handedOn!: string

  @Column({ name: 'from_owner', type: 'varchar', length: 120 })
  fromOwner!: string

  @Column({ name: 'to_owner', type: 'varchar', length: 120 })
  toOwner!: string

  @Column({ type: 'text' })
  reason!: string
}
