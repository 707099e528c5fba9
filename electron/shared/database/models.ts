import type { DatabaseKind } from './schemas'

/** The database choice as Settings shows it: never the password, only whether one is kept. */
export interface DatabaseSettings {
  /** What this run of the app uses. */
  active: DatabaseKind
  /** What is saved for the next start. */
  kind: DatabaseKind
  userName: string
  connection: {
    host: string
    port: number
    database: string
    user: string
    hasPassword: boolean
    tlsCertificate: string
    /** What the kept certificate names, or null without TLS. */
    certificate: CertificateInfo | null
  } | null
  /** Whether passwords can be kept encrypted by the system (Electron's safeStorage). */
  canKeepPassword: boolean
}

/** A server's certificate as a person checks it: whom it names and until when. */
export interface CertificateInfo {
  /** Its common name (else its whole subject). */
  subject: string
  /** ISO 8601. */
  validTo: string
  /** How many certificates the text holds (a chain or a bundle). */
  count: number
}

export interface ConnectionTest {
  serverVersion: string
  /** The TLS version the session is encrypted with (PostgreSQL's pg_stat_ssl), or null when it is not. */
  tls: string | null
  /** Whether the database holds the app's data already (then moving into it is refused). */
  holdsData: boolean
}

export interface MoveResult {
  tables: Array<{ table: string; rows: number; checksum: string }>
  rows: number
}

/** A certificate read from a file the user chose. */
export interface ChosenCertificate {
  pem: string
  certificate: CertificateInfo
}
