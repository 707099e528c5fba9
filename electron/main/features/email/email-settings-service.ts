/**
 * The sending account: the mail server, who mail is from, a reply-to and the covering message's
 * template, in the database; the password in the secret store, never in the database.
 */
import type { EntityManager } from 'typeorm'
import type { Liquid } from 'liquidjs'
import { EmailSettingsEntity } from '../../db/entities'
import { timestamp } from '../../db/dialect'
import { DomainError } from '../../domain-error'
import type { EmailSettingsView } from '../../../shared/email/models'
import type { EmailSettingsData } from '../../../shared/email/schemas'
import { DEFAULT_COVER_BODY, DEFAULT_COVER_SUBJECT, SMTP_DEFAULT_PORTS } from '../../../shared/email/words'
import { checkCover, type CoverTemplate } from './cover-message'
import type { SecretStore } from './secret-file'
import type { SmtpAccount } from './smtp'

export interface EmailAccount extends SmtpAccount {
  fromName: string
  fromAddress: string
  replyTo: string
}

export class EmailSettingsService {
  constructor(
    private readonly deps: { manager: EntityManager; now: () => Date; secrets: SecretStore; engine: Liquid },
  ) {}

  private row(): Promise<EmailSettingsEntity | null> {
    return this.deps.manager.findOneBy(EmailSettingsEntity, { id: 1 })
  }

  async get(): Promise<EmailSettingsView> {
    const row = await this.row()
    const { secrets } = this.deps
    return {
      host: row?.host ?? '',
      port: row?.port ?? SMTP_DEFAULT_PORTS.starttls,
      security: row?.security ?? 'starttls',
      user: row?.user ?? '',
      fromName: row?.fromName ?? '',
      fromAddress: row?.fromAddress ?? '',
      replyTo: row?.replyTo ?? '',
      coverSubject: row?.coverSubject ?? DEFAULT_COVER_SUBJECT,
      coverBody: row?.coverBody ?? DEFAULT_COVER_BODY,
      defaultCoverSubject: DEFAULT_COVER_SUBJECT,
      defaultCoverBody: DEFAULT_COVER_BODY,
      passwordSaved: secrets.has(),
      canKeepPassword: secrets.canKeep(),
      configured: row !== null,
    }
  }

  async save(input: EmailSettingsData): Promise<EmailSettingsView> {
    checkCover(this.deps.engine, { subject: input.coverSubject, body: input.coverBody })
    const { password, forgetPassword, ...fields } = input
    // The password is kept inside the transaction: when the keychain refuses it, the account stays as it was.
    await this.deps.manager.transaction(async (m) => {
      await m.save(
        Object.assign(new EmailSettingsEntity(), { id: 1, ...fields, updatedAt: timestamp(this.deps.now()) }),
      )
      if (forgetPassword) await this.deps.secrets.clear()
      else if (password !== undefined && password !== '') await this.deps.secrets.write(password)
    })
    return this.get()
  }

  async cover(): Promise<CoverTemplate> {
    const row = await this.row()
    return { subject: row?.coverSubject ?? DEFAULT_COVER_SUBJECT, body: row?.coverBody ?? DEFAULT_COVER_BODY }
  }

  /** The account to send with, or null before one is set up. */
  async accountOrNull(): Promise<EmailAccount | null> {
    const row = await this.row()
    if (!row) return null
    return {
      host: row.host,
      port: row.port,
      security: row.security,
      user: row.user,
      password: row.user ? this.deps.secrets.read() : null,
      fromName: row.fromName,
      fromAddress: row.fromAddress,
      replyTo: row.replyTo,
    }
  }

  async account(): Promise<EmailAccount> {
    const account = await this.accountOrNull()
    if (!account) throw new DomainError('VALIDATION', 'Set up the account to send from first, in Settings > Email.')
    if (account.user && account.password === null)
      throw new DomainError(
        'VALIDATION',
        'The password of the sending account is not saved (or could not be read). Enter it again in Settings > Email.',
      )
    return account
  }
}
