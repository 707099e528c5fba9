/**
 * The server's certificate a desktop trusts for TLS: checked whole before it is used or kept (each
 * PEM block must be a certificate Node can read), and described for Settings (who it names, until
 * when). A file chosen in the open dialog may be PEM text or DER bytes; either becomes PEM.
 */
import { X509Certificate } from 'node:crypto'
import { DomainError } from '../../domain-error'
import type { CertificateInfo } from '../../../shared/database/models'

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g
/** Certificates a desktop is given are a few KB; a bundle of a hundred authorities is under this. */
export const MAX_CERTIFICATE_BYTES = 20_000

const damaged = () =>
  new DomainError(
    'VALIDATION',
    'This certificate is damaged or incomplete. Copy it again, whole, from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----.',
    'tlsCertificate',
  )

/** The common name, else the whole subject, of a certificate. */
function nameOf(subject: string): string {
  const cn = subject.split('\n').find((line) => line.startsWith('CN='))
  return cn ? cn.slice(3) : subject.replace(/\n/g, ', ')
}

/** What the PEM text holds, checked: null when it is empty (no TLS). */
export function checkCertificate(text: string): CertificateInfo | null {
  if (text.trim() === '') return null
  const blocks = text.match(PEM_BLOCK) ?? []
  if (blocks.length === 0) throw damaged()
  const read = blocks.map((pem) => {
    try {
      return new X509Certificate(pem)
    } catch {
      throw damaged()
    }
  })
  const first = read[0]!
  return {
    subject: nameOf(first.subject),
    validTo: new Date(first.validTo).toISOString(),
    count: read.length,
  }
}

/** A certificate file's content as PEM text: PEM as it is, DER (a binary .cer) converted. */
export function certificateFromFile(bytes: Buffer): string {
  if (bytes.length > MAX_CERTIFICATE_BYTES)
    throw new DomainError(
      'VALIDATION',
      'This file is too large to be a server’s certificate. Choose the certificate file (.crt, .pem or .cer).',
      'tlsCertificate',
    )
  const text = bytes.toString('utf8')
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text))
    throw new DomainError(
      'VALIDATION',
      'This file holds a private key, which must stay on the server. Choose the server’s certificate instead.',
      'tlsCertificate',
    )
  if (text.includes('-----BEGIN CERTIFICATE-----')) {
    checkCertificate(text)
    return (text.match(PEM_BLOCK) ?? []).join('\n') + '\n'
  }
  try {
    return new X509Certificate(bytes).toString()
  } catch {
    throw new DomainError(
      'VALIDATION',
      'This file is not a certificate. Choose the server’s certificate file (.crt, .pem or .cer).',
      'tlsCertificate',
    )
  }
}
