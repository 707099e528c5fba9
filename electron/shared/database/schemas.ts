/** Where the data lives: this computer's file, or a shared office database on PostgreSQL. */
import { z } from 'zod'
import { optionalText, trimmed } from '../fields'

export const DATABASE_KINDS = ['this-computer', 'shared'] as const
export type DatabaseKind = (typeof DATABASE_KINDS)[number]

/** A shared database's address and login. An empty password keeps the one already saved. */
export const ConnectionInput = z.strictObject({
  host: trimmed(255).min(1, 'Enter the server’s name or address.'),
  port: z
    .number()
    .int('Use a whole number.')
    .min(1, 'Use a port from 1 to 65535.')
    .max(65_535, 'Use a port from 1 to 65535.'),
  database: trimmed(63).min(1, 'Enter the database’s name.'),
  user: trimmed(63).min(1, 'Enter the user name the desktops log in as.'),
  password: z.string().max(1000).default(''),
  /** The server's certificate (PEM): the connection then uses TLS and trusts only that server. */
  tlsCertificate: optionalText(20_000)
    .refine((t) => !/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(t), {
      message: 'This is a private key, which must stay on the server. Give the server’s certificate instead.',
    })
    .refine((t) => t === '' || /-----BEGIN CERTIFICATE-----[\s\S]*-----END CERTIFICATE-----/.test(t), {
      message: 'Paste the server’s certificate whole, from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----.',
    }),
})
export type ConnectionData = z.output<typeof ConnectionInput>

export const DatabaseChoiceInput = z.strictObject({
  kind: z.enum(DATABASE_KINDS),
  connection: ConnectionInput.nullable().default(null),
  /** The name records made and changed at this desktop are signed with. */
  userName: trimmed(120).min(1, 'Say who works at this desktop.'),
})
export type DatabaseChoiceData = z.output<typeof DatabaseChoiceInput>
