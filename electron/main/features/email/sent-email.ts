/**
 * A letter's sending as the app keeps and tells it: the record of who it went to (addresses kept
 * as JSON lists), the sending account's addresses, and the one failure after which something did
 * change (the server took the message, the database did not keep the record).
 */
import type Mail from 'nodemailer/lib/mailer'
import type { LetterEmailEntity } from '../../db/entities'
import { isUnreachable, storageMessageOf } from '../../db/errors'
import { DomainError } from '../../domain-error'
import type { LetterEmailRecord } from '../../../shared/email/models'
import type { EmailAccount } from './email-settings-service'

/** A record's addresses, kept as a JSON list. */
export const addressList = (json: string): string[] => JSON.parse(json) as string[]
export const joined = (addresses: string[]) => addresses.join(', ')

/**
 * The server took the message but the database did not keep the record of it: the one failure
 * after which something did change (the email is out). Says so, so that it is not sent twice.
 */
export function sentButNotRecorded(error: unknown, to: string[], messageId: string): DomainError {
  const why =
    error instanceof DomainError
      ? error.message
      : (storageMessageOf(error, 'the record was not saved') ??
        (isUnreachable(error)
          ? 'the shared database could not be reached.'
          : 'an unexpected error (the details are in the log file).'))
  return new DomainError(
    'STORAGE',
    `The email was sent to ${joined(to)} (message ${messageId}), but Turnaround Desk could not record it: ${why} ` +
      'The letter is not marked as sent and no touchpoint was logged. Do not send it again; log it by hand once this is fixed.',
  )
}

export function toRecord(row: LetterEmailEntity): LetterEmailRecord {
  return {
    id: row.id,
    letterId: row.letterId,
    to: addressList(row.toAddresses),
    cc: addressList(row.ccAddresses),
    bcc: addressList(row.bccAddresses),
    subject: row.subject,
    messageId: row.messageId,
    contentHash: row.contentHash,
    sentAt: row.sentAt,
    minutes: row.minutes,
  }
}

export function addressOf(account: EmailAccount): Mail.Address {
  return { name: account.fromName, address: account.fromAddress }
}

export function fromOf(account: EmailAccount): string {
  return account.fromName ? `${account.fromName} <${account.fromAddress}>` : account.fromAddress
}

export function domainOf(address: string): string {
  const domain = address.split('@').pop() ?? ''
  return /^[A-Za-z0-9.-]+$/.test(domain) ? domain : 'turnaround-desk.local'
}
