import { Column, Entity, PrimaryColumn } from 'typeorm'

/** The owner's letter conventions: one row (id 1), the settings as JSON read through their schema. */
@Entity({ name: 'letter_conventions' })
export class LetterConventionsEntity {
  @PrimaryColumn({ type: 'integer' })
  id!: number

  @Column({ type: 'text', default: '{}' })
  settings!: string

  @Column({ name: 'updated_at', type: 'varchar', length: 30 })
  updatedAt!: string
}
