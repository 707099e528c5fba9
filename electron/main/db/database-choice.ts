/**
 * Where this desktop's data lives, kept in a small file in the user-data folder (`database.json`),
 * never in the database itself: this computer's SQLite file, or a shared PostgreSQL database. The
 * password is kept only sealed by the system (Electron's safeStorage, behind the SecretBox port).
 */
import fs from 'node:fs'
import path from 'node:path'
import type { PostgresSettings } from './engine/postgres-engine'

export const DATABASE_CHOICE_FILE = 'database.json'

export interface SharedConnection {
  host: string
  port: number
  database: string
  user: string
  /** The password as the SecretBox sealed it (base64), or '' when none is kept. */
  passwordSealed: string
  tlsCertificate: string
}

export interface DatabaseChoice {
  kind: 'this-computer' | 'shared'
  userName: string
  connection: SharedConnection | null
}

/** Seals and opens secrets with the system's keychain (Electron's safeStorage in the app). */
export interface SecretBox {
  available(): boolean
  seal(text: string): string
  open(sealed: string): string
}

export function choiceFileOf(dataDir: string): string {
  return path.join(dataDir, DATABASE_CHOICE_FILE)
}

/** The saved choice; this computer when nothing (or nothing readable) is saved. */
export function readChoice(file: string, defaultUser: string): DatabaseChoice {
  try {
    const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<DatabaseChoice>
    const c = saved.connection
    return {
      kind: saved.kind === 'shared' && c ? 'shared' : 'this-computer',
      userName: typeof saved.userName === 'string' && saved.userName.trim() !== '' ? saved.userName : defaultUser,
      connection:
        c && typeof c.host === 'string'
          ? {
              host: c.host,
              port: Number(c.port) || 5432,
              database: String(c.database ?? ''),
              user: String(c.user ?? ''),
              passwordSealed: String(c.passwordSealed ?? ''),
              tlsCertificate: String(c.tlsCertificate ?? ''),
            }
          : null,
    }
  } catch {
    return { kind: 'this-computer', userName: defaultUser, connection: null }
  }
}

/** Written whole or not at all (a temporary file renamed over the old one). */
export function writeChoice(file: string, choice: DatabaseChoice): void {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const temp = `${file}.${process.pid}.tmp`
  fs.writeFileSync(temp, `${JSON.stringify(choice, null, 2)}\n`, { mode: 0o600 })
  fs.renameSync(temp, file)
}

/** The driver's settings for a connection, its password opened. */
export function postgresSettingsOf(c: Omit<SharedConnection, 'passwordSealed'>, password: string): PostgresSettings {
  return {
    host: c.host,
    port: c.port,
    database: c.database,
    user: c.user,
    password,
    tls: c.tlsCertificate.trim() === '' ? null : { ca: c.tlsCertificate },
    connectTimeoutMs: 8000,
  }
}
