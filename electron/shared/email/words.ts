/** The sending account's words: how the connection to the mail server is protected. */
export const SMTP_SECURITY = ['tls', 'starttls', 'none'] as const
export type SmtpSecurity = (typeof SMTP_SECURITY)[number]

export const SMTP_SECURITY_LABELS: Record<SmtpSecurity, string> = {
  tls: 'TLS (usually port 465)',
  starttls: 'STARTTLS (usually port 587)',
  none: 'None (only for a server on this computer)',
}

/** The port each kind of security usually listens on. */
export const SMTP_DEFAULT_PORTS: Record<SmtpSecurity, number> = { tls: 465, starttls: 587, none: 25 }

/** Hosts that are this computer: the only ones a connection without encryption may go to. */
export const LOCAL_HOSTS = ['localhost', '127.0.0.1', '::1'] as const

export const isLocalHost = (host: string): boolean =>
  (LOCAL_HOSTS as readonly string[]).includes(host.trim().toLowerCase()) || /^127\.\d+\.\d+\.\d+$/.test(host.trim())

/** The covering message's template when the owner has not written their own. */
export const DEFAULT_COVER_SUBJECT = ''
export const DEFAULT_COVER_BODY = `Dear {{ client.greeting }},

Please find attached our letter of {{ letter.date }}.

Kind regards,
{{ business.owner }}
{{ business.name }}`

/** The most a covering message template, and the message it makes, may hold. */
export const COVER_SUBJECT_MAX = 500
export const COVER_BODY_MAX = 10_000
/** The most addresses one message may go to (to, cc and bcc together). */
export const MAX_RECIPIENTS = 50
