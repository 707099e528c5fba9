import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
import type { LetterKind, PageSize } from '../../../shared/letters/words'

/**
 * A letter as it was sent: its final blocks (JSON), the letterhead it was printed on, the file it
 * was saved to and the SHA-256 of the PDF's bytes, so a re-export can prove it is identical.
 */
@Entity({ name: 'letters' })
@Index('idx_letters_client_date', ['clientId', 'letterDate'])
/** The letter saved last, the save dialog's folder (migration 0016). */
@Index('idx_letters_exported', ['exportedAt', 'id'])
export class LetterEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number

  @Column({ name: 'client_id', type: 'integer' })
  clientId!: number

  @Index('idx_letters_turnaround')
  @Column({ name: 'turnaround_id', type: 'integer', nullable: true })
  turnaroundId!: number | null

  @Column({ type: 'varchar', length: 20 })
  kind!: LetterKind

  @Index('idx_letters_date')
  @Column({ name: 'letter_date', type: 'varchar', length: 10 })
  letterDate!: string

  @Column({ type: 'text' })
  recipient!: string

  @Column({ type: 'text' })
  subject!: string

  /** The body as JSON blocks (shared/letters/blocks.ts), exactly as sent. */
  @Column({ type: 'text' })
  blocks!: string

  @Column({ type: 'varchar', length: 120 })
  closing!: string

  /** The letter's references, cc and enclosures (JSON; `{}` when it has none). */
  @Column({ type: 'text', default: '{}' })
  extras!: string

  @Column({ name: 'page_size', type: 'varchar', length: 10 })
  pageSize!: PageSize

  /** The locale its dates and amounts were written in ("" for its paper's convention). */
  @Column({ type: 'varchar', length: 35, default: '' })
  locale!: string

  @Column({ name: 'letterhead_id', type: 'integer' })
  letterheadId!: number

  @Column({ name: 'file_path', type: 'text' })
  filePath!: string

  @Column({ name: 'content_hash', type: 'varchar', length: 64 })
  contentHash!: string

  @Column({ name: 'exported_at', type: 'varchar', length: 30 })
  exportedAt!: string

  @Column({ name: 'is_sample', type: 'boolean', default: false })
  isSample!: boolean

  @Column({ name: 'created_at', type: 'varchar', length: 30 })
  createdAt!: string
}
