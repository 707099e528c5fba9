import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'

/**
 * The letterhead a letter was printed on (business name, address, contacts, logo), kept once per
 * distinct content so a stored letter re-exports the same after the profile changes.
 */
@Entity({ name: 'letterheads' })
export class LetterheadEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number

  @Index('uq_letterheads_content_hash', { unique: true })
  @Column({ name: 'content_hash', type: 'varchar', length: 64 })
  contentHash!: string

  @Column({ type: 'text' })
  content!: string

  @Column({ name: 'created_at', type: 'varchar', length: 30 })
  createdAt!: string
}
