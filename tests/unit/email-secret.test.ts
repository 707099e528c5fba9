/**
 * The SMTP password's keeping: encrypted by the keychain port (Electron's safeStorage in the app, a
 * fake here) into a file beside the database; in memory only when the system cannot encrypt; an
 * unreadable file counts as no password. The wiring passes safeStorage itself (index.ts).
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createSecretFile } from '../../electron/main/features/email'
import { fakeCipher } from '../support/fake-cipher'
import { tempDir } from '../support/temp-db'

describe('the password store', () => {
  it('writes only ciphertext, reads it back, and forgets it', async () => {
    const file = path.join(tempDir(), 'smtp-password.bin')
    const cipher = fakeCipher()
    const store = createSecretFile(file, cipher)
    expect(store.canKeep()).toBe(true)
    expect(store.has()).toBe(false)
    await store.write('pässwörd 🔑')
    expect(cipher.calls).toBe(1)
    expect(fs.readFileSync(file).toString('utf8')).not.toContain('pässwörd')
    expect(createSecretFile(file, cipher).read()).toBe('pässwörd 🔑')
    await store.clear()
    expect(fs.existsSync(file)).toBe(false)
    expect(store.read()).toBeNull()
  })

  it('keeps the password for the session only when the system cannot encrypt', async () => {
    const file = path.join(tempDir(), 'smtp-password.bin')
    const store = createSecretFile(file, fakeCipher(false))
    expect(store.canKeep()).toBe(false)
    await store.write('secret')
    expect(store.read()).toBe('secret')
    expect(fs.existsSync(file)).toBe(false)
    expect(createSecretFile(file, fakeCipher(false)).has()).toBe(false)
  })

  it('treats a file another keychain encrypted as no password', () => {
    const file = path.join(tempDir(), 'smtp-password.bin')
    fs.writeFileSync(file, 'garbage')
    expect(createSecretFile(file, fakeCipher()).read()).toBeNull()
    expect(createSecretFile(file, null).read()).toBeNull()
  })
})
