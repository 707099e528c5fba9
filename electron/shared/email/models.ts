/** What the email channels return. */
import type { LetterRecord } from '../letters/models'
import type { SmtpSecurity } from './words'

export interface EmailSettingsView {
  host: string
  port: number
  security: SmtpSecurity
  user: string
  fromName: string
  fromAddress: string
  replyTo: string
  coverSubject: string
  coverBody: string
  defaultCoverSubject: string
  defaultCoverBody: string
  /** A password is kept (encrypted by the system's keychain); it is never sent back. */
  passwordSaved: boolean
  /** The system can encrypt a password (Electron's safeStorage). */
  canKeepPassword: boolean
  /** A sending account is set up: server and from address saved. */
  configured: boolean
}

export interface EmailTestResult {
  to: string
  messageId: string
}

/** The email as the dialog starts it: addresses as the owner types them. */
export interface LetterEmailComposed {
  to: string
  cc: string
  bcc: string
  subject: string
  message: string
  /** "Sender Name <address>" or null when no account is set up. */
  from: string | null
  attachmentName: string
  attachmentBytes: number
  contentHash: string
}

/** A letter sent by email: to whom, when, the message ID and the attached PDF's SHA-256. */
export interface LetterEmailRecord {
  id: number
  letterId: number
  to: string[]
  cc: string[]
  bcc: string[]
  subject: string
  messageId: string
  contentHash: string
  sentAt: string
  minutes: number
}

export interface LetterEmailSent {
  letter: LetterRecord
  email: LetterEmailRecord
  /** Addresses the server refused while accepting the others (the message went to the rest). */
  refused: string[]
}

export type LetterEmailDraftSaved = { saved: false } | { saved: true; filePath: string }

/** A letter's latest sending by email, for the history tables. */
export interface LetterEmailLatest {
  letterId: number
  sentAt: string
  to: string[]
  /** How many times the letter was sent by email. */
  times: number
}
