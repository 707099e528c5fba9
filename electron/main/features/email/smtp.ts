/**
 * The connection to the owner's mail server, made by nodemailer, and its failures in plain words.
 * nodemailer builds the MIME message and speaks SMTP; nothing here writes either by hand.
 */
import type { ConnectionOptions } from 'node:tls'
import nodemailer from 'nodemailer'
import type SMTPTransport from 'nodemailer/lib/smtp-transport'
import { DomainError } from '../../domain-error'
import type { SmtpSecurity } from '../../../shared/email/words'

export interface SmtpAccount {
  host: string
  port: number
  security: SmtpSecurity
  user: string
  password: string | null
}

/** Extra TLS trust, such as the tests' own certificate authority; none in the app. */
export type SmtpTrust = Pick<ConnectionOptions, 'ca'>

export function transportOptions(account: SmtpAccount, trust: SmtpTrust = {}): SMTPTransport.Options {
  return {
    host: account.host,
    port: account.port,
    secure: account.security === 'tls',
    requireTLS: account.security === 'starttls',
    ignoreTLS: account.security === 'none',
    auth: account.user ? { user: account.user, pass: account.password ?? '' } : undefined,
    connectionTimeout: 20_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
    tls: { minVersion: 'TLSv1.2', ...trust },
  }
}

export function createSmtpTransport(account: SmtpAccount, trust?: SmtpTrust) {
  return nodemailer.createTransport(transportOptions(account, trust))
}

interface MailError {
  code?: string
  responseCode?: number
  response?: string
  command?: string
  rejected?: string[]
  message?: string
  cause?: unknown
}

const CERTIFICATE = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ALTNAME|certificate/i

/** A failure to send, in words the owner can act on; the field is the form's, when one is to blame. */
export function sendFailure(error: unknown, account: { host: string; port: number }): DomainError {
  const e = (error ?? {}) as MailError
  const server = `${account.host}:${account.port}`
  const said = e.response ? ` The server said: “${e.response.replace(/\s+/g, ' ').slice(0, 200)}”.` : ''
  const text = String(e.message ?? '')
  const inner = (e.cause as { code?: string } | undefined)?.code ?? ''
  if (e.code === 'EAUTH' || e.responseCode === 535 || e.responseCode === 534)
    return new DomainError(
      'VALIDATION',
      `The mail server did not accept the user name and password. Check them in Settings > Email.${said}`,
    )
  if (e.code === 'EENVELOPE' || (e.command === 'RCPT TO' && e.responseCode && e.responseCode >= 500)) {
    const who = e.rejected?.length ? e.rejected.join(', ') : 'a recipient'
    return new DomainError(
      'VALIDATION',
      `The mail server refused to deliver to ${who}. Check the address; nothing was sent.${said}`,
      'to',
    )
  }
  if (e.responseCode === 552 || e.responseCode === 523 || /size|too large|too big/i.test(e.response ?? ''))
    return new DomainError(
      'VALIDATION',
      `The mail server refused the message as too large for it. Nothing was sent; save the letter as PDF and send it another way.${said}`,
    )
  if (CERTIFICATE.test(text) || CERTIFICATE.test(inner) || e.code === 'ETLS')
    return new DomainError(
      'VALIDATION',
      `The connection to ${server} could not be made secure (its certificate is not trusted, or it does not offer the security chosen). Check the server and security in Settings > Email.`,
    )
  if (/ENOTFOUND|EAI_AGAIN/.test(`${text} ${inner}`))
    return new DomainError(
      'VALIDATION',
      `No mail server named “${account.host}” could be found. Check the server’s name in Settings > Email, and that this computer is online.`,
    )
  if (/ECONNREFUSED/.test(`${text} ${inner}`))
    return new DomainError(
      'VALIDATION',
      `Nothing answered at ${server}: the server refused the connection. Check the server and port in Settings > Email.`,
    )
  if (e.code === 'ETIMEDOUT' || /timeout|timed out/i.test(text))
    return new DomainError(
      'VALIDATION',
      `The mail server at ${server} did not answer in time. Check that this computer is online and try again.`,
    )
  if (e.code === 'ECONNECTION' || e.code === 'ESOCKET' || /closed|ECONNRESET|EPIPE/i.test(text))
    return new DomainError(
      'VALIDATION',
      `The connection to ${server} was lost before the message was accepted. Nothing is recorded as sent; try again.`,
    )
  if (e.responseCode && e.responseCode >= 400)
    return new DomainError(
      'VALIDATION',
      `The mail server refused the message (code ${e.responseCode}). Nothing is recorded as sent.${said}`,
    )
  return new DomainError('VALIDATION', `The message could not be sent: ${text.slice(0, 200) || 'unknown reason'}.`)
}
