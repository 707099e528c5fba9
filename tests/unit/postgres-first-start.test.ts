/**
 * The first start's choice of a shared office database, on a real PostgreSQL server (unit-pg): the
 * connection is tested before anything is kept (a refusal said beside its field, nothing written),
 * then the choice is kept with the password sealed, and the glue's `openChosen` opens and migrates
 * that database, after which the app's own handlers answer. The same on the TLS-only server, with
 * its certificate kept. This computer is one click and opens the file.
 */
import fs from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  DATABASE_CHOICE_FILE,
  postgresSettingsOf,
  readChoice,
  type DatabaseChoice,
  type SecretBox,
} from '../../electron/main/db/database-choice'
import { openPostgresDatabase } from '../../electron/main/db/open-postgres'
import type { OpenedDatabase } from '../../electron/main/db/open-database'
import { AppearanceSettings, appearanceFile } from '../../electron/main/features/appearance/appearance-settings'
import { createFirstStartHandlers, isFirstStart } from '../../electron/main/features/database'
import { createDispatcher } from '../../electron/main/ipc'
import type { Handlers } from '../../electron/shared/contract'
import { testPostgresSettings } from '../support/postgres/test-database'
import { startTlsPostgres, type TlsPostgres } from '../support/postgres/tls-server'
import { TRUSTED_URL, tempDir } from '../support/temp-db'

const secrets: SecretBox = {
  available: () => true,
  seal: (text) => Buffer.from(`sealed:${text}`).toString('base64'),
  open: (sealed) => Buffer.from(sealed, 'base64').toString().slice('sealed:'.length),
}

/** A first-start desktop as the glue makes it: the page's handlers, and an openChosen that opens the database. */
function firstStartDesk(dir: string) {
  const handlers = {} as Handlers
  const opened: OpenedDatabase[] = []
  const chosen: DatabaseChoice[] = []
  Object.assign(
    handlers,
    createFirstStartHandlers({
      dataDir: dir,
      version: '0.0.0-test',
      defaultUser: 'owner',
      secrets,
      appearance: new AppearanceSettings(appearanceFile(dir), { applyTheme: () => {}, applyZoom: () => {} }),
      openChosen: async (choice) => {
        chosen.push(choice)
        if (choice.kind === 'shared' && choice.connection)
          opened.push(
            await openPostgresDatabase(
              postgresSettingsOf(choice.connection, secrets.open(choice.connection.passwordSealed)),
            ),
          )
      },
    }),
  )
  const dispatcher = createDispatcher(
    handlers,
    (f) => f?.url === TRUSTED_URL,
    () => {},
  )
  return {
    call: (channel: string, input?: unknown) => dispatcher.dispatch({ url: TRUSTED_URL }, channel, input),
    opened,
    chosen,
    close: () => Promise.all(opened.map((o) => o.dataSource.destroy())),
  }
}

let database: string
let server: Awaited<ReturnType<typeof testPostgresSettings>>
let tls: TlsPostgres
beforeAll(async () => {
  server = await testPostgresSettings()
  // A database of its own: the choice migrates its public schema.
  database = `desk_first_${process.pid}_${Date.now()}`
  const admin = new pg.Client({ ...server, database: server.database })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${database} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`)
  await admin.end()
  tls = await startTlsPostgres()
}, 120_000)
afterAll(async () => {
  const admin = new pg.Client({ ...server, database: server.database })
  await admin.connect()
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`)
  await admin.end()
  await tls?.stop()
})

const address = () => ({
  host: server.host,
  port: server.port,
  database,
  user: server.user,
  password: server.password,
})

describe('the first start’s choice of a shared database', () => {
  it('tests the connection first: a refusal is said beside its field and nothing is kept', async () => {
    const dir = tempDir()
    const desk = firstStartDesk(dir)
    expect(isFirstStart(dir)).toBe(true)
    expect(
      await desk.call('database:first-start-choice', {
        kind: 'shared',
        userName: 'Dana',
        connection: { ...address(), password: 'wrong' },
      }),
    ).toMatchObject({
      ok: false,
      error: { field: 'connection.password', message: 'The server refused this user name and password.' },
    })
    expect(desk.chosen).toEqual([])
    expect(fs.existsSync(path.join(dir, DATABASE_CHOICE_FILE))).toBe(false)
    expect(isFirstStart(dir)).toBe(true)
  })

  it('keeps the choice with the password sealed, opens and migrates the shared database, and asks no more', async () => {
    const dir = tempDir()
    const desk = firstStartDesk(dir)
    try {
      expect(await desk.call('database:test-connection', address())).toMatchObject({ ok: true })
      expect(
        await desk.call('database:first-start-choice', { kind: 'shared', userName: 'Dana', connection: address() }),
      ).toMatchObject({
        ok: true,
        data: { kind: 'shared', userName: 'Dana', connection: { host: server.host, database, hasPassword: true } },
      })
      const kept = fs.readFileSync(path.join(dir, DATABASE_CHOICE_FILE), 'utf8')
      expect(JSON.parse(kept).connection.passwordSealed).toBe(secrets.seal(server.password))
      expect(JSON.parse(kept).connection).not.toHaveProperty('password')
      expect(readChoice(path.join(dir, DATABASE_CHOICE_FILE), 'owner')).toMatchObject({
        kind: 'shared',
        userName: 'Dana',
      })
      expect(desk.opened).toHaveLength(1)
      expect(desk.opened[0]!.applied.length).toBeGreaterThan(0)
      const [row] = (await desk.opened[0]!.dataSource.query(
        "SELECT to_regclass('clients') IS NOT NULL AS present",
      )) as Array<{
        present: boolean
      }>
      expect(row!.present).toBe(true)
      expect(isFirstStart(dir)).toBe(false)
    } finally {
      await desk.close()
    }
  })

  it('keeps the server’s certificate with the choice and opens the TLS-only server over TLS', async () => {
    const dir = tempDir()
    const desk = firstStartDesk(dir)
    const connection = {
      host: 'localhost',
      port: tls.port,
      database: tls.database,
      user: tls.user,
      password: tls.password,
      tlsCertificate: tls.caCertificate,
    }
    try {
      expect(
        await desk.call('database:first-start-choice', {
          kind: 'shared',
          userName: 'Dana',
          connection: { ...connection, tlsCertificate: tls.otherCaCertificate },
        }),
      ).toMatchObject({ ok: false, error: { field: 'connection.tlsCertificate' } })
      expect(fs.existsSync(path.join(dir, DATABASE_CHOICE_FILE))).toBe(false)
      expect(
        await desk.call('database:first-start-choice', { kind: 'shared', userName: 'Dana', connection }),
      ).toMatchObject({
        ok: true,
        data: { connection: { certificate: { subject: 'Desk Test CA' } } },
      })
      const [session] = (await desk.opened[0]!.dataSource.query(
        'SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()',
      )) as Array<{ ssl: boolean }>
      expect(session!.ssl).toBe(true)
    } finally {
      await desk.close()
    }
  })

  it('chooses this computer in one call, with no connection kept', async () => {
    const dir = tempDir()
    const desk = firstStartDesk(dir)
    expect(await desk.call('database:first-start-choice', { kind: 'this-computer', userName: 'Dana' })).toMatchObject({
      ok: true,
      data: { kind: 'this-computer', connection: null },
    })
    expect(desk.chosen).toEqual([{ kind: 'this-computer', userName: 'Dana', connection: null }])
  })
})
