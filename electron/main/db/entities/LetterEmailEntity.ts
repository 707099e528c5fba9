import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'

/**
 * A letter sent by email, recorded once the mail server accepted it: to whom (JSON lists), the
 * subject, the Message-ID, the SHA-256 of the PDF attached, when, and the minutes logged.
 */
@Entity({ name: 'letter_emails' })
export class LetterEmailEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number

  @Index('idx_letter_emails_letter')
  @Column({ name: 'letter_id', type: 'integer' })
  letterId!: number

  /** JSON arrays of addresses. */
  @Column({ name: 'to_addresses', type: 'text' })
  toAddresses!: string

  @Column({ name: 'cc_addresses', type: 'text', default: '[]' })
  ccAddresses!: string

  @Column({ name: 'bcc_addresses', type: 'text', default: '[]' })
  bccAddresses!: string

  @Column({ type: 'text' })
  subject!: string

  @Column({ name: 'message_id', type: 'varchar', length: 300 })
  messageId!: string

  @Column({ name: 'content_hash', type: 'varchar', length: 64 })
  contentHash!: string

  @Column({ type: 'integer', default: 0 })
  minutes!: number

  @Column({ name: 'sent_at', type: 'varchar', length: 30 })
  sentAt!: string
}
