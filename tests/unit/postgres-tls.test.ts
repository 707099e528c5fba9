/**
 * A shared database over TLS, against a real PostgreSQL server that speaks only TLS (its own
 * throwaway cluster with `ssl = on` and a certificate made for the run, tls-server.ts): with the
 * server's certificate authority the session is encrypted (the server's own pg_stat_ssl says so) and
 * the app opens and migrates the database over it, and its change listener connects over TLS; an untrusted certificate, a server reached by a
 * name its certificate does not carry, and a connection without TLS are each refused, and Test
 * connection (the channel behind Settings > Your data) says which, in words, beside the field.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { postgresSettingsOf } from '../../electron/main/db/database-choice'
import { openPostgresDatabase } from '../../electron/main/db/open-postgres'
import { DatabaseOpenError } from '../../electron/main/db/errors'
import { describeConnectionProblem } from '../../electron/main/db/connection-problem'
import { listenForChanges, notifyChanges } from '../../electron/main/db/change-feed'
import type { Envelope } from '../../electron/shared/envelope'
import type { ChosenCertificate, ConnectionTest, DatabaseSettings } from '../../electron/shared/database/models'
import { startTlsPostgres, type TlsPostgres } from '../support/postgres/tls-server'
import { openTestApp, tempDir, type TestApp } from '../support/temp-db'

let server: TlsPostgres
beforeAll(async () => {
  server = await startTlsPostgres()
}, 120_000)
afterAll(async () => {
  await server?.stop()
})

let app: TestApp | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

/** The form's fields, as the renderer sends them. */
const connection = (over: Partial<{ host: string; tlsCertificate: string }> = {}) => ({
  host: 'localhost',
  port: server.port,
  database: server.database,
  user: server.user,
  password: server.password,
  tlsCertificate: server.caCertificate,
  ...over,
})

const refusal = async (input: unknown) => {
  const e = (await app!.call('database:test-connection', input)) as Envelope<ConnectionTest>
  if (e.ok) throw new Error('the connection was expected to be refused')
  // Words for a person: no stack, no driver's error name.
  expect(e.error.message).not.toMatch(/\n\s+at |Error:|ERR_|UNABLE_TO|\bSSL\b routines/)
  return e.error
}

describe('a shared database over TLS', () => {
  it('connects with the server’s certificate authority, encrypted, and Test connection says so', async () => {
    app = await openTestApp(tempDir(), undefined, {}, 'sqlite')
    const e = (await app.call('database:test-connection', connection())) as Envelope<ConnectionTest>
    expect(e).toMatchObject({
      ok: true,
      data: { serverVersion: expect.stringMatching(/^\d+\.\d+/), tls: expect.stringMatching(/^TLSv1\.[23]$/) },
    })
  })

  it('opens and migrates the shared database over TLS as the app does at start, every session encrypted', async () => {
    const opened = await openPostgresDatabase(
      postgresSettingsOf({ ...connection(), tlsCertificate: server.caCertificate }, server.password),
    )
    try {
      expect(opened.applied.length).toBeGreaterThan(0)
      const [session] = (await opened.dataSource.query(
        'SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()',
      )) as Array<{ ssl: boolean; version: string }>
      expect(session).toMatchObject({ ssl: true, version: expect.stringMatching(/^TLSv1\.[23]$/) })
      // Not one of the app's sessions on the server is in the clear.
      const plain = (await opened.dataSource.query(
        "SELECT count(*) AS n FROM pg_stat_ssl s JOIN pg_stat_activity a USING (pid) WHERE a.application_name = 'Turnaround Desk' AND NOT s.ssl",
      )) as Array<{ n: number }>
      expect(Number(plain[0]!.n)).toBe(0)
    } finally {
      await opened.dataSource.destroy()
    }
  })

  it('listens for other desktops’ changes over TLS too, and hears them', async () => {
    const settings = postgresSettingsOf({ ...connection() }, server.password)
    const opened = await openPostgresDatabase(settings)
    const heard: string[][] = []
    const listener = listenForChanges(
      settings,
      'desk-a',
      { changed: (areas) => void heard.push(areas), connection: () => {} },
      { debounceMs: 20, retryMs: [100] },
    )
    try {
      await vi.waitFor(() => expect(listener.connected()).toBe(true), { timeout: 20_000 })
      const [row] = (await opened.dataSource.query('SELECT ssl FROM pg_stat_ssl WHERE pid = $1', [
        listener.backendPid(),
      ])) as Array<{ ssl: boolean }>
      expect(row!.ssl).toBe(true)
      await notifyChanges(opened.dataSource, undefined, { desk: 'desk-b', areas: ['clients'] })
      await vi.waitFor(() => expect(heard).toEqual([['clients']]), { timeout: 20_000 })
    } finally {
      await listener.stop()
      await opened.dataSource.destroy()
    }
  })

  it('refuses a server whose certificate the given one did not sign, and says so beside the certificate', async () => {
    app = await openTestApp(tempDir(), undefined, {}, 'sqlite')
    const error = await refusal(connection({ tlsCertificate: server.otherCaCertificate }))
    expect(error).toMatchObject({
      code: 'VALIDATION',
      field: 'tlsCertificate',
      message: expect.stringContaining('not signed by the certificate given here'),
    })
  })

  it('refuses a server reached by a name its certificate does not carry, naming both', async () => {
    app = await openTestApp(tempDir(), undefined, {}, 'sqlite')
    const error = await refusal(connection({ host: '127.0.0.1' }))
    expect(error).toMatchObject({
      field: 'host',
      message:
        'The server’s certificate is made out to “localhost”, not to “127.0.0.1”, so the connection was refused. Enter the server by the name its certificate names.',
    })
  })

  it('says the server accepts only secure connections when no certificate is given', async () => {
    app = await openTestApp(tempDir(), undefined, {}, 'sqlite')
    const error = await refusal(connection({ tlsCertificate: '' }))
    expect(error).toMatchObject({
      field: 'tlsCertificate',
      message: expect.stringContaining('only secure connections'),
    })
  })

  it('refuses at start with the same words, for the start dialog', async () => {
    const settings = postgresSettingsOf({ ...connection(), tlsCertificate: server.otherCaCertificate }, server.password)
    const failure = await openPostgresDatabase(settings).catch((e: unknown) => e)
    expect(failure).toBeInstanceOf(DatabaseOpenError)
    expect(describeConnectionProblem((failure as DatabaseOpenError).cause).message).toContain(
      'not signed by the certificate given here',
    )
  })

  it('refuses a pasted text that is not a whole certificate, and a private key, before connecting', async () => {
    app = await openTestApp(tempDir(), undefined, {}, 'sqlite')
    const damaged = server.caCertificate.replace(/\n[A-Za-z0-9+/]{20}/, '\n!!!!damaged!!!!!!!!!')
    expect(await refusal(connection({ tlsCertificate: damaged }))).toMatchObject({
      field: 'tlsCertificate',
      message: expect.stringContaining('damaged or incomplete'),
    })
    expect(await refusal(connection({ tlsCertificate: 'hello' }))).toMatchObject({
      field: 'tlsCertificate',
      message: expect.stringContaining('whole, from -----BEGIN CERTIFICATE-----'),
    })
    const { privateKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
    const key = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string
    expect(await refusal(connection({ tlsCertificate: `${server.caCertificate}\n${key}` }))).toMatchObject({
      field: 'tlsCertificate',
      message: expect.stringContaining('private key'),
    })
  })

  it('keeps the certificate with the choice and shows whom it names and until when', async () => {
    app = await openTestApp(tempDir(), undefined, {}, 'sqlite')
    const e = (await app.call('database:save-choice', {
      kind: 'shared',
      userName: 'Dana',
      connection: connection(),
    })) as Envelope<DatabaseSettings>
    expect(e).toMatchObject({
      ok: true,
      data: { connection: { tlsCertificate: server.caCertificate.trim(), certificate: { subject: 'Desk Test CA' } } },
    })
    const validTo = (e as { data: DatabaseSettings }).data.connection!.certificate!.validTo
    expect(new Date(validTo).getTime()).toBeGreaterThan(Date.now())
  })

  it('reads the certificate from a chosen file, PEM or DER, and refuses a key file', async () => {
    app = await openTestApp(tempDir(), undefined, {}, 'sqlite')
    const pem = path.join(app.dir, 'server-ca.crt')
    fs.writeFileSync(pem, server.caCertificate)
    app.ports.nextOpenPath = pem
    const chosen = (await app.call('database:choose-certificate')) as Envelope<ChosenCertificate>
    expect(chosen).toMatchObject({ ok: true, data: { certificate: { subject: 'Desk Test CA', count: 1 } } })
    // What was read connects.
    const pemText = (chosen as { data: ChosenCertificate }).data.pem
    expect(await app.call('database:test-connection', connection({ tlsCertificate: pemText }))).toMatchObject({
      ok: true,
    })

    const der = path.join(app.dir, 'server-ca.cer')
    fs.writeFileSync(der, new crypto.X509Certificate(server.caCertificate).raw)
    app.ports.nextOpenPath = der
    expect(await app.call('database:choose-certificate')).toMatchObject({
      ok: true,
      data: { pem: expect.stringContaining('-----BEGIN CERTIFICATE-----'), certificate: { subject: 'Desk Test CA' } },
    })

    const keyFile = path.join(app.dir, 'server.key')
    const { privateKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
    fs.writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }) as string)
    app.ports.nextOpenPath = keyFile
    expect(await app.call('database:choose-certificate')).toMatchObject({
      ok: false,
      error: { field: 'tlsCertificate', message: expect.stringContaining('private key') },
    })
    app.ports.nextOpenPath = null
    expect(await app.call('database:choose-certificate')).toEqual({ ok: true, data: null })
  })
})
