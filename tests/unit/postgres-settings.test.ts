/**
 * Settings > Your data, where the data lives (PostgreSQL only, unit-pg): a desktop on this
 * computer's file tests a connection to a real server (and hears why one fails, beside the field),
 * saves the shared database as its choice in database.json with the password only sealed, and moves
 * its data into the empty shared database, counts and checksums verified.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { DATABASE_CHOICE_FILE } from '../../electron/main/db/database-choice'
import type { Envelope } from '../../electron/shared/envelope'
import type { ConnectionTest, DatabaseSettings, MoveResult } from '../../electron/shared/database/models'
import { testPostgresSettings } from '../support/postgres/test-database'
import { openTestApp, tempDir, type TestApp } from '../support/temp-db'

let app: TestApp | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

async function server() {
  const s = await testPostgresSettings()
  return { host: s.host, port: s.port, database: s.database, user: s.user, password: s.password }
}

const ok = async <T>(channel: string, input?: unknown): Promise<T> => {
  const e = (await app!.call(channel, input)) as Envelope<T>
  if (!e.ok) throw new Error(`${channel}: ${e.error.message}`)
  return e.data
}

describe('where the data lives', () => {
  it('is this computer until a shared database is chosen, with the computer’s user name', async () => {
    app = await openTestApp(tempDir(), undefined, {}, 'sqlite')
    expect(await ok<DatabaseSettings>('database:settings')).toEqual({
      active: 'this-computer',
      kind: 'this-computer',
      userName: 'Owner',
      connection: null,
      canKeepPassword: true,
    })
  })

  it('tests a connection to the server, and says beside the field why one fails', async () => {
    app = await openTestApp(tempDir(), undefined, {}, 'sqlite')
    const good = await server()
    expect(await ok<ConnectionTest>('database:test-connection', good)).toMatchObject({
      serverVersion: expect.stringMatching(/^\d+\.\d+/),
      holdsData: false,
    })
    expect(await app.call('database:test-connection', { ...good, password: 'wrong' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', field: 'password', message: 'The server refused this user name and password.' },
    })
    expect(await app.call('database:test-connection', { ...good, database: 'no_such_database' })).toMatchObject({
      ok: false,
      error: { field: 'database' },
    })
    expect(await app.call('database:test-connection', { ...good, port: 1 })).toMatchObject({
      ok: false,
      error: { field: 'port', message: expect.stringContaining('Nothing answered') },
    })
  })

  it('saves the shared database for the next start, the password only sealed, and names this desktop', async () => {
    app = await openTestApp(tempDir(), undefined, {}, 'sqlite')
    const good = await server()
    const saved = await ok<DatabaseSettings>('database:save-choice', {
      kind: 'shared',
      userName: 'Dana',
      connection: { ...good, password: 'pa55-Word!' },
    })
    expect(saved).toMatchObject({
      active: 'this-computer',
      kind: 'shared',
      userName: 'Dana',
      connection: { host: good.host, port: good.port, database: good.database, user: good.user, hasPassword: true },
    })
    const file = fs.readFileSync(path.join(app.dir, DATABASE_CHOICE_FILE), 'utf8')
    expect(file).not.toContain('pa55-Word!')
    // Saved again without typing the password: the sealed one is kept, and a test uses it.
    await ok('database:save-choice', {
      kind: 'shared',
      userName: 'Dana',
      connection: { ...good, password: 'pa55-Word!' },
    })
    await ok('database:save-choice', { kind: 'shared', userName: 'Dana', connection: { ...good, password: '' } })
    expect((await ok<DatabaseSettings>('database:settings')).connection?.hasPassword).toBe(true)
    // Records made at this desktop from now on are signed with its name.
    expect(await ok('clients:create', { name: 'Signed Ltd' })).toMatchObject({ createdBy: 'Dana' })
    // A shared choice needs a password.
    const bare = await openTestApp(tempDir(), undefined, {}, 'sqlite')
    try {
      expect(
        await bare.call('database:save-choice', {
          kind: 'shared',
          userName: 'Lee',
          connection: { ...good, password: '' },
        }),
      ).toMatchObject({ ok: false, error: { field: 'connection.password' } })
    } finally {
      await bare.close()
    }
  })

  it('moves this computer’s data into the empty shared database and says what it verified', async () => {
    app = await openTestApp(tempDir(), undefined, {}, 'sqlite')
    await ok('sample:load')
    const moved = await ok<MoveResult>('database:move-to-shared', await server())
    expect(moved.rows).toBeGreaterThan(1000)
    expect(moved.tables.find((t) => t.table === 'clients')?.rows).toBeGreaterThan(40)
    // The server now holds the data: a second move is refused, nothing written.
    expect(await ok<ConnectionTest>('database:test-connection', await server())).toMatchObject({ holdsData: true })
    expect(await app.call('database:move-to-shared', await server())).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringContaining('already holds data') },
    })
  }, 180_000)
})
