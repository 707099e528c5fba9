/**
 * A real SMTP server on loopback for the email tests (the smtp-server package): TLS from the start
 * or STARTTLS with a certificate made by `selfsigned`, AUTH with one user, and ways to misbehave
 * (refuse a recipient, a size limit, drop the connection in the middle of a message). Every
 * message received is parsed back with mailparser.
 */
import type { AddressInfo } from 'node:net'
import { simpleParser, type ParsedMail } from 'mailparser'
import { generate } from 'selfsigned'
import { SMTPServer, type SMTPServerOptions } from 'smtp-server'

export interface ReceivedMail {
  from: string
  recipients: string[]
  raw: Buffer
  parsed: ParsedMail
}

export interface TestSmtp {
  port: number
  /** The self-signed certificate to trust (the app's smtpTrust port). */
  ca: string
  user: string
  password: string
  received: ReceivedMail[]
  /** Connections that authenticated (or tried to). */
  logins: Array<{ user: string; ok: boolean }>
  close(): Promise<void>
}

export interface TestSmtpOptions {
  /** TLS from the first byte (port 465 style); otherwise STARTTLS is offered and required by the client. */
  secure?: boolean
  /** No TLS at all (a server on this computer only). */
  plain?: boolean
  /** Recipients the server refuses with 550. */
  refuse?: string[]
  /** The largest message accepted, in bytes. */
  size?: number
  /** Drops the connection after the first bytes of the message's data. */
  dropMidMessage?: boolean
  /** How long the server takes to accept a message, in ms. */
  delayMs?: number
}

let certificate: Promise<{ key: string; cert: string }> | null = null

function localCertificate(): Promise<{ key: string; cert: string }> {
  certificate ??= generate([{ name: 'commonName', value: 'localhost' }], {
    keySize: 2048,
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, keyCertSign: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  }).then((pems) => ({ key: pems.private, cert: pems.cert }))
  return certificate
}

export async function startSmtp(options: TestSmtpOptions = {}): Promise<TestSmtp> {
  const { key, cert } = await localCertificate()
  const user = 'owner@harbourlane.example'
  const password = 'correct horse battery'
  const received: ReceivedMail[] = []
  const logins: TestSmtp['logins'] = []
  const config: SMTPServerOptions = {
    secure: options.secure === true,
    key,
    cert,
    hideSTARTTLS: options.plain === true,
    allowInsecureAuth: options.plain === true,
    authMethods: ['PLAIN', 'LOGIN'],
    size: options.size,
    logger: false,
    disableReverseLookup: true,
    onAuth(auth, _session, callback) {
      const ok = auth.username === user && auth.password === password
      logins.push({ user: String(auth.username), ok })
      if (!ok)
        return callback(Object.assign(new Error('5.7.8 Authentication credentials invalid'), { responseCode: 535 }))
      callback(null, { user: auth.username })
    },
    onRcptTo(address, _session, callback) {
      if (options.refuse?.includes(address.address))
        return callback(Object.assign(new Error('5.1.1 No such user here'), { responseCode: 550 }))
      callback()
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      let dropped = false
      stream.on('data', (chunk: Buffer) => {
        chunks.push(chunk)
        if (options.dropMidMessage && !dropped) {
          dropped = true
          for (const connection of server.connections)
            (connection as unknown as { _socket: { destroy(): void } })._socket.destroy()
        }
      })
      stream.on('end', () => {
        if (dropped) return
        if ((stream as unknown as { sizeExceeded?: boolean }).sizeExceeded)
          return callback(Object.assign(new Error('5.3.4 Message too big for this server'), { responseCode: 552 }))
        const raw = Buffer.concat(chunks)
        void simpleParser(raw).then((parsed) => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            recipients: session.envelope.rcptTo.map((r) => r.address),
            raw,
            parsed,
          })
          setTimeout(() => callback(), options.delayMs ?? 0)
        }, callback)
      })
    },
  }
  const server = new SMTPServer(config)
  server.on('error', () => {})
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.server.address() as AddressInfo).port
  return {
    port,
    ca: cert,
    user,
    password,
    received,
    logins,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
