import { Column, Entity, PrimaryColumn } from 'typeorm'
import type { LetterKind } from '../../../shared/letters/words'

/** The owner's own template for one kind of letter; without a row the kind uses its default. */
@Entity({ name: 'letter_templates' })
export class LetterTemplateEntity {
  @PrimaryColumn({ type: 'varchar', length: 20 })
  kind!: LetterKind

  @Column({ type: 'text' })
  subject!: string

  @Column({ type: 'text' })
  body!: string

  @Column({ name: 'updated_at', type: 'varchar', length: 30 })
  updatedAt!: string
}
