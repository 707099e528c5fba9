/**
 * A shared database's refusals in words (connection-problem.ts), for the driver's errors the TLS
 * server in postgres-tls.test.ts does not make: an expired or not yet valid certificate, a server
 * with TLS off, a timeout, and anything else (said without a stack).
 */
import { describe, expect, it } from 'vitest'
import { describeConnectionProblem } from '../../electron/main/db/connection-problem'

const coded = (code: string, message = code) => Object.assign(new Error(message), { code })

describe('a connection refused, in words', () => {
  it('names an expired and a not yet valid certificate beside the certificate', () => {
    expect(describeConnectionProblem(coded('CERT_HAS_EXPIRED'))).toEqual({
      message: expect.stringContaining('has expired'),
      field: 'tlsCertificate',
    })
    expect(describeConnectionProblem(coded('CERT_NOT_YET_VALID')).message).toContain('this computer’s clock')
  })

  it('says a server offers no TLS when a certificate was given, and needs it when none was', () => {
    expect(describeConnectionProblem(new Error('The server does not support SSL connections'))).toMatchObject({
      field: 'tlsCertificate',
      message: expect.stringContaining('does not offer a secure connection'),
    })
    expect(
      describeConnectionProblem(
        coded('28000', 'no pg_hba.conf entry for host "10.0.0.5", user "desk", database "d", no encryption'),
      ),
    ).toMatchObject({ field: 'tlsCertificate', message: expect.stringContaining('only secure connections') })
    expect(describeConnectionProblem(coded('28000', 'no pg_hba.conf entry, SSL encryption')).field).toBe('password')
  })

  it('names the names a certificate carries when the host is not one of them', () => {
    const error = Object.assign(coded('ERR_TLS_CERT_ALTNAME_INVALID'), {
      host: 'db.office',
      cert: { subjectaltname: 'DNS:server.office, IP Address:10.0.0.5' },
    })
    expect(describeConnectionProblem(error)).toEqual({
      field: 'host',
      message:
        'The server’s certificate is made out to “server.office, 10.0.0.5”, not to “db.office”, so the connection was refused. Enter the server by the name its certificate names.',
    })
  })

  it('says a timeout and an unknown failure without a stack', () => {
    expect(describeConnectionProblem(new Error('Connection terminated due to connection timeout')).message).toContain(
      'did not answer in time',
    )
    const other = describeConnectionProblem(new Error('something odd'))
    expect(other).toEqual({ message: 'The shared database could not be reached: something odd' })
    expect(describeConnectionProblem('a string').message).not.toContain('\n')
  })
})
