/**
 * The SMTP password, kept out of the database: encrypted by the system's keychain (Electron's
 * safeStorage, given as a port) and written whole to a file beside the database, so neither the
 * database, its backups nor "Export everything" ever hold it. When the system cannot encrypt, the
 * password is kept in memory until the app quits, and Settings says so.
 */
import fs from 'node:fs'
import { writeFileAtomically } from '../../durable-file'

/** What Electron's safeStorage offers (index.ts passes it as is; tests a fake). */
export interface SecretCipher {
  isEncryptionAvailable(): boolean
  encryptString(plainText: string): Buffer
  decryptString(encrypted: Buffer): string
}

export interface SecretStore {
  /** The system can encrypt the password, so it outlives the session. */
  canKeep(): boolean
  has(): boolean
  read(): string | null
  write(secret: string): Promise<void>
  clear(): Promise<void>
}

export const SECRET_FILE_NAME = 'smtp-password.bin'

export function createSecretFile(file: string, cipher: SecretCipher | null): SecretStore {
  let session: string | null = null
  const canKeep = () => {
    try {
      return cipher?.isEncryptionAvailable() === true
    } catch {
      return false
    }
  }
  return {
    canKeep,
    has: () => session !== null || fs.existsSync(file),
    read() {
      if (session !== null) return session
      if (!cipher || !fs.existsSync(file)) return null
      try {
        return cipher.decryptString(fs.readFileSync(file))
      } catch {
        // Encrypted by another user or keychain: as good as no password.
        return null
      }
    },
    async write(secret) {
      if (canKeep() && cipher) {
        await writeFileAtomically(file, cipher.encryptString(secret))
        session = null
      } else {
        session = secret
        fs.rmSync(file, { force: true })
      }
    },
    async clear() {
      session = null
      fs.rmSync(file, { force: true })
    },
  }
}
