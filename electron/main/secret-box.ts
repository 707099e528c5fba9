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

/** Electron's safeStorage, as far as the keychain functions go. */
export interface SafeStorage extends SafeStorageLike {
  getSelectedStorageBackend(): string
}

/**
 * The system's keychain, the one place both secrets (the mail password, the shared database's)
 * are encrypted through. On Linux without a keyring Electron falls back to a fixed key
 * ('basic_text'): that is not keeping a secret, so it counts as no keychain.
 */
export function systemKeychain(safeStorage: SafeStorage, platform: NodeJS.Platform): SafeStorageLike {
  return {
    isEncryptionAvailable: () =>
      safeStorage.isEncryptionAvailable() &&
      (platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text'),
    encryptString: (text) => safeStorage.encryptString(text),
    decryptString: (sealed) => safeStorage.decryptString(sealed),
  }
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
