/**
 * The SecretBox port (db/database-choice.ts) over Electron's safeStorage: the shared database's
 * password sealed by the system's keychain (DPAPI, the macOS Keychain, libsecret), kept as base64.
 */
import type { SecretBox } from './db/database-choice'

export interface SafeStorageLike {
  isEncryptionAvailable(): boolean
  encryptString(text: string): Buffer
  decryptString(sealed: Buffer): string
}

export function safeStorageBox(safeStorage: SafeStorageLike | undefined): SecretBox {
  return {
    available: () => safeStorage?.isEncryptionAvailable() ?? false,
    seal: (text) => {
      if (!safeStorage?.isEncryptionAvailable()) throw new Error('The system keychain is not available.')
      return safeStorage.encryptString(text).toString('base64')
    },
    open: (sealed) => {
      if (!safeStorage?.isEncryptionAvailable()) throw new Error('The system keychain is not available.')
      return safeStorage.decryptString(Buffer.from(sealed, 'base64'))
    },
  }
}
