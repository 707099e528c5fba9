/**
 * Why a shared database could not be reached, in words a desk user can act on, with the field of
 * the form it is about. The driver's own message goes to the log, never on screen.
 */

export interface ConnectionProblem {
  message: string
  /** The form's field: host, port, database, user, password or tlsCertificate. */
  field?: string
}

interface DriverError {
  code?: unknown
  message?: unknown
  host?: unknown
  cert?: { subjectaltname?: unknown; subject?: { CN?: unknown } }
}

/** The names a server's certificate is made out to, as Node read them ("DNS:localhost" -> localhost). */
function certificateNames(error: DriverError): string {
  const alt = typeof error.cert?.subjectaltname === 'string' ? error.cert.subjectaltname : ''
  const names = alt
    .split(',')
    .map((n) => n.trim().replace(/^(DNS|IP Address):/, ''))
    .filter((n) => n !== '')
  if (names.length === 0 && typeof error.cert?.subject?.CN === 'string') names.push(error.cert.subject.CN)
  return names.join(', ')
}

const UNTRUSTED = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_SIGNATURE_FAILURE',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
])

export function describeConnectionProblem(error: unknown): ConnectionProblem {
  const e = (typeof error === 'object' && error !== null ? error : {}) as DriverError
  const code = String(e.code ?? '')
  const message = typeof e.message === 'string' ? e.message : String(error)
  if (UNTRUSTED.has(code))
    return {
      message:
        'The server’s certificate is not signed by the certificate given here, so the connection was refused (it could be another server). Ask the server’s administrator for its certificate and give that one.',
      field: 'tlsCertificate',
    }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    const names = certificateNames(e)
    return {
      message: `The server’s certificate is made out to ${names ? `“${names}”` : 'another name'}, not to “${String(e.host ?? 'this address')}”, so the connection was refused. Enter the server by the name its certificate names.`,
      field: 'host',
    }
  }
  if (code === 'CERT_HAS_EXPIRED')
    return {
      message:
        'The server’s certificate has expired, so the connection was refused. Ask the server’s administrator to renew it.',
      field: 'tlsCertificate',
    }
  if (code === 'CERT_NOT_YET_VALID')
    return {
      message:
        'The server’s certificate is not valid yet (is this computer’s clock right?), so the connection was refused.',
      field: 'tlsCertificate',
    }
  if (/does not support SSL/i.test(message))
    return {
      message:
        'The server does not offer a secure connection (TLS is off there). Leave the certificate empty on a trusted office network, or ask the administrator to turn TLS on.',
      field: 'tlsCertificate',
    }
  if (code === '28000' && /no encryption/i.test(message))
    return {
      message: 'The server accepts only secure connections. Give the server’s certificate below to connect with TLS.',
      field: 'tlsCertificate',
    }
  if (code === '28P01' || code === '28000')
    return { message: 'The server refused this user name and password.', field: 'password' }
  if (code === '3D000') return { message: 'The server has no database of that name.', field: 'database' }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return { message: 'No server of that name was found.', field: 'host' }
  if (code === 'ECONNREFUSED')
    return { message: 'Nothing answered at that address and port. Is the server running?', field: 'port' }
  if (code === 'ETIMEDOUT' || /timeout/i.test(message))
    return { message: 'The server did not answer in time. Check the address, and that this computer can reach it.' }
  if (/certificate|SSL|TLS/i.test(message) || code.startsWith('ERR_TLS') || code.startsWith('ERR_SSL'))
    return {
      message: `The secure connection could not be made (${code || 'TLS'}). Check the server’s certificate given here.`,
      field: 'tlsCertificate',
    }
  return { message: `The shared database could not be reached: ${message}` }
}
