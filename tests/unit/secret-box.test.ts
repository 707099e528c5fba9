import { describe, expect, it } from 'vitest'
import { safeStorageBox, systemKeychain } from '../../electron/main/secret-box'

/** A stand-in for Electron's safeStorage: "encrypts" by reversing the bytes. */
const fakeSafeStorage = (available: boolean) => ({
  isEncryptionAvailable: () => available,
  encryptString: (text: string) => Buffer.from(text, 'utf8').reverse(),
  decryptString: (sealed: Buffer) => Buffer.from(sealed).reverse().toString('utf8'),
})

describe('the password box over safeStorage', () => {
  it('seals a password to base64 that is not the password, and opens it again', () => {
    const box = safeStorageBox(fakeSafeStorage(true))
    const sealed = box.seal('pa55-Wörd!')
    expect(sealed).not.toContain('pa55')
    expect(Buffer.from(sealed, 'base64').length).toBeGreaterThan(0)
    expect(box.open(sealed)).toBe('pa55-Wörd!')
    expect(box.available()).toBe(true)
  })

  it('refuses to seal when the system has no keychain, rather than keep the password in the clear', () => {
    for (const box of [safeStorageBox(fakeSafeStorage(false)), safeStorageBox(undefined)]) {
      expect(box.available()).toBe(false)
      expect(() => box.seal('secret')).toThrow(/keychain/)
    }
  })

  it("does not count Linux's fixed-key fallback as a keychain, for either password", () => {
    const fallback = { ...fakeSafeStorage(true), getSelectedStorageBackend: () => 'basic_text' }
    expect(safeStorageBox(systemKeychain(fallback, 'linux')).available()).toBe(false)
    expect(systemKeychain(fallback, 'linux').isEncryptionAvailable()).toBe(false)
    expect(
      systemKeychain(
        { ...fallback, getSelectedStorageBackend: () => 'gnome_libsecret' },
        'linux',
      ).isEncryptionAvailable(),
    ).toBe(true)
    expect(systemKeychain(fallback, 'win32').isEncryptionAvailable()).toBe(true)
  })
})
