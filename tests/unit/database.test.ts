import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { DATABASE_FILE_NAME, PAGE_CACHE_KIB, openDatabase } from '../../electron/main/db/open-database'
import { DatabaseOpenError, describeOpenProblem } from '../../electron/main/db/errors'
import { MIGRATION_NAMES } from '../../electron/main/db/migrations'
import { openTestApp, tempDir, type TestApp } from '../support/temp-db'

let app: TestApp | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

describe('opening the database', () => {
  it('creates every table from an empty folder, with WAL, foreign keys and a 32 MB page cache', async () => {
    app = await openTestApp()
    expect(app.db.applied).toEqual(MIGRATION_NAMES)
    expect(app.db.backupFile).toBeNull()
    const tables = await app.db.dataSource.query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    expect(tables.map((t: { name: string }) => t.name)).toEqual(
      expect.arrayContaining(['business_profile', 'clients', 'client_tags', 'migrations']),
    )
    expect(await app.db.dataSource.query('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }])
    expect(await app.db.dataSource.query('PRAGMA foreign_keys')).toEqual([{ foreign_keys: 1 }])
    // Twice SQLite's own 16 MB: a large ledger's portfolio keeps its client months and edge days in it.
    expect(PAGE_CACHE_KIB).toBe(32 * 1024)
    expect(await app.db.dataSource.query('PRAGMA cache_size')).toEqual([{ cache_size: -PAGE_CACHE_KIB }])
  })

  it('opens an up-to-date file again without migrating or backing up', async () => {
    const dir = tempDir()
    app = await openTestApp(dir)
    await app.close()
    app = await openTestApp(dir)
    expect(app.db.applied).toEqual([])
    expect(app.db.backupFile).toBeNull()
  })

  it('backs an older file up with the backup API before migrating it', async () => {
    const dir = tempDir()
    const file = path.join(dir, DATABASE_FILE_NAME)
    // An older version's file: a database with a client-less migrations table.
    const raw = new Database(file)
    raw.exec(
      "CREATE TABLE migrations (id INTEGER PRIMARY KEY AUTOINCREMENT, timestamp BIGINT NOT NULL, name VARCHAR NOT NULL); CREATE TABLE note (t TEXT); INSERT INTO note VALUES ('kept')",
    )
    raw.close()
    const opened = await openDatabase({ file, now: () => new Date('2026-11-22T10:00:00Z') })
    try {
      expect(opened.applied).toEqual(MIGRATION_NAMES)
      expect(opened.backupFile).not.toBeNull()
      const copy = new Database(opened.backupFile as string, { readonly: true })
      expect(copy.prepare('SELECT t FROM note').get()).toEqual({ t: 'kept' })
      expect(copy.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'clients'").get()).toEqual({ n: 0 })
      copy.close()
    } finally {
      await opened.dataSource.destroy()
    }
  })

  it('refuses a file that is not a database and leaves it byte for byte as it was', async () => {
    const dir = tempDir()
    const file = path.join(dir, DATABASE_FILE_NAME)
    const content = Buffer.from('these are my notes, not a database '.repeat(200))
    fs.writeFileSync(file, content)
    const error = await openDatabase({ file }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DatabaseOpenError)
    expect((error as DatabaseOpenError).problem).toBe('unreadable')
    expect(fs.readFileSync(file).equals(content)).toBe(true)
    expect(fs.existsSync(`${file}-wal`)).toBe(false)
    expect(describeOpenProblem(error as DatabaseOpenError).message).toContain('has not been changed')
  })

  it('refuses a file from a newer version without changing it', async () => {
    const dir = tempDir()
    app = await openTestApp(dir)
    await app.db.dataSource.query(
      "INSERT INTO migrations (timestamp, name) VALUES (1999999999999, 'FutureFeature1999999999999')",
    )
    await app.close()
    app = undefined
    const file = path.join(dir, DATABASE_FILE_NAME)
    const before = fs.readFileSync(file)
    const error = await openDatabase({ file }).catch((e: unknown) => e)
    expect((error as DatabaseOpenError).problem).toBe('newer-version')
    expect(fs.readFileSync(file).equals(before)).toBe(true)
    expect(describeOpenProblem(error as DatabaseOpenError).title).toMatch(/newer version/)
  })
})
