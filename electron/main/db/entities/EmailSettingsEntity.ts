import { Column, Entity, PrimaryColumn } from 'typeorm'
import type { SmtpSecurity } from '../../../shared/email/words'

/**
 * The one sending account (id 1): the mail server, who the mail is from, and the covering message's
 * template. The password is never here: it is kept encrypted by the system's keychain beside the
 * database (features/email/secret-file.ts).
 */
@Entity({ name: 'email_settings' })
export class EmailSettingsEntity {
  @PrimaryColumn({ type: 'integer' })
  id!: number

  @Column({ type: 'varchar', length: 253 })
  host!: string

  @Column({ type: 'integer' })
  port!: number

  @Column({ type: 'varchar', length: 10 })
  security!: SmtpSecurity

  @Column({ name: 'smtp_user', type: 'varchar', length: 254, default: '' })
  user!: string

  @Column({ name: 'from_name', type: 'varchar', length: 120, default: '' })
  fromName!: string

  @Column({ name: 'from_address', type: 'varchar', length: 254 })
  fromAddress!: string

  @Column({ name: 'reply_to', type: 'varchar', length: 254, default: '' })
  replyTo!: string

  /** The covering message's subject template; empty: the letter's own subject. */
  @Column({ name: 'cover_subject', type: 'text', default: '' })
  coverSubject!: string

  @Column({ name: 'cover_body', type: 'text' })
  coverBody!: string

  @Column({ name: 'updated_at', type: 'varchar', length: 30 })
  updatedAt!: string
}
