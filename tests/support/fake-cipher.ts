/** A stand-in for Electron's safeStorage: reversible, and never the clear text on disk. */
import type { SecretCipher } from '../../electron/main/features/email'

export function fakeCipher(available = true): SecretCipher & { calls: number } {
  const cipher = {
    calls: 0,
    isEncryptionAvailable: () => available,
    encryptString(text: string): Buffer {
      cipher.calls += 1
      return Buffer.from(`enc:${Buffer.from(text, 'utf8').toString('base64').split('').reverse().join('')}`)
    },
    decryptString(data: Buffer): string {
      const text = data.toString('utf8')
      if (!text.startsWith('enc:')) throw new Error('not ours')
      return Buffer.from(text.slice(4).split('').reverse().join(''), 'base64').toString('utf8')
    },
  }
  return cipher
}
