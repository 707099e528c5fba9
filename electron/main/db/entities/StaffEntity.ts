import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'

/** Someone who works for the business, with what an hour of their time costs it. */
@Entity({ name: 'staff' })
export class StaffEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number

  /** Unique; touchpoints name who spent the time, and are costed at the matching rate. */
  @Column({ type: 'varchar', length: 120, unique: true })
  name!: string

  @Column({ name: 'cost_rate_minor', type: 'integer' })
  costRateMinor!: number

  @Column({ name: 'is_sample', type: 'boolean', default: false })
  isSample!: boolean

  @Column({ name: 'created_at', type: 'varchar', length: 30 })
  createdAt!: string

  @Column({ name: 'updated_at', type: 'varchar', length: 30 })
  updatedAt!: string
}
