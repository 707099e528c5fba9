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
  } | null
  /** Whether passwords can be kept encrypted by the system (Electron's safeStorage). */
  canKeepPassword: boolean
}

export interface ConnectionTest {
  serverVersion: string
  /** Whether the database holds the app's data already (then moving into it is refused). */
  holdsData: boolean
}

export interface MoveResult {
  tables: Array<{ table: string; rows: number; checksum: string }>
  rows: number
}
