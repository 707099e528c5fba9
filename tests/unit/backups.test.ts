/**
 * Backups: the day's automatic one at open (at most one a day), the one before a migration, the
 * pruning rule (14 daily, 12 monthly), integrity at open, "Back up now" through the save dialog, and
 * a restore round trip through the real dispatcher.
 */
import fs from 'node:fs'
import Database from 'better-sqlite3'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import crypto from 'node:crypto'
import {
  backupsToPrune,
  checkIntegrity,
  checksumFileOf,
  listBackupFiles,
  pruneBackups,
  type BackupFile,
} from '../../electron/main/db/backups'
import { DatabaseOpenError } from '../../electron/main/db/errors'
import { DATABASE_FILE_NAME, openDatabase } from '../../electron/main/db/open-database'
import { MIGRATION_NAMES } from '../../electron/main/db/migrations'
import type { BackupList, RestoreFileResult, RestoreResult } from '../../electron/shared/backups/models'
import type { Envelope } from '../../electron/shared/envelope'
import { openTestApp, tempDir, type TestApp } from '../support/temp-db'

let app: TestApp | undefined
afterEach(async () => {
  if (app?.db.dataSource.isInitialized) await app.close()
  app = undefined
})

function data<T>(result: unknown): T {
  const envelope = result as Envelope<T>
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`)
  return envelope.data
}

const client = (name: string) => ({ name, email: '', tags: [] })

async function names(a: TestApp): Promise<string[]> {
  return ((await a.db.dataSource.query('SELECT name FROM clients ORDER BY name')) as { name: string }[]).map(
    (r) => r.name,
  )
}

describe('automatic backups', () => {
  it('takes one backup a day when an existing database opens, none for a new one', async () => {
    const dir = tempDir()
    const file = path.join(dir, DATABASE_FILE_NAME)
    const day1 = new Date('2026-11-20T08:00:00Z')
    const first = await openDatabase({ file, now: () => day1 })
    expect(first.dailyBackupFile).toBeNull()
    await first.dataSource.destroy()

    const second = await openDatabase({ file, now: () => day1 })
    expect(second.dailyBackupFile).toMatch(/turnaround-desk-2026-11-20T08-00-00-000Z-daily\.sqlite$/)
    await second.dataSource.destroy()
    const third = await openDatabase({ file, now: () => new Date('2026-11-20T22:00:00Z') })
    expect(third.dailyBackupFile).toBeNull()
    await third.dataSource.destroy()
    const nextDay = await openDatabase({ file, now: () => new Date('2026-11-21T07:00:00Z') })
    expect(nextDay.dailyBackupFile).not.toBeNull()
    await nextDay.dataSource.destroy()

    const backups = listBackupFiles(path.join(dir, 'backups'))
    expect(backups.map((b) => b.kind)).toEqual(['daily', 'daily'])
    for (const b of backups) expect(checkIntegrity(b.file, { full: true })).toEqual({ ok: true })
  })

  it('keeps the newest of each of the last 14 days and of the last 12 months, and every recent non-daily one', () => {
    const backups: BackupFile[] = []
    // Two a day for 500 days, plus 15 before-migration copies.
    const start = Date.UTC(2025, 0, 1, 9)
    for (let d = 0; d < 500; d++) {
      for (const hour of [0, 6]) {
        const takenAt = new Date(start + d * 86_400_000 + hour * 3_600_000)
        backups.push({ name: `daily-${d}-${hour}`, file: '', kind: 'daily', takenAt, sizeBytes: 1, hasChecksum: true })
      }
    }
    for (let i = 0; i < 15; i++)
      backups.push({
        name: `mig-${i}`,
        file: '',
        kind: 'before-migration',
        takenAt: new Date(start + i * 86_400_000),
        sizeBytes: 1,
        hasChecksum: true,
      })
    const pruned = new Set(backupsToPrune(backups).map((b) => b.name))
    const kept = backups.filter((b) => !pruned.has(b.name))
    const keptDaily = kept.filter((b) => b.kind === 'daily')
    const days = new Set(keptDaily.map((b) => b.takenAt.toISOString().slice(0, 10)))
    const months = new Set(keptDaily.map((b) => b.takenAt.toISOString().slice(0, 7)))
    // 14 days, plus the newest of each of the 11 earlier months (the latest month shares its newest).
    expect(keptDaily).toHaveLength(14 + 11)
    expect(days.size).toBe(25)
    expect(months.size).toBe(12)
    expect(keptDaily.every((b) => b.name.endsWith('-6'))).toBe(true)
    expect(kept.filter((b) => b.kind === 'before-migration').map((b) => b.name)).toEqual(
      Array.from({ length: 10 }, (_, i) => `mig-${i + 5}`),
    )
  })
})

describe('integrity at open', () => {
  it('refuses a damaged database with "damaged" and leaves it as it was', async () => {
    const dir = tempDir()
    const file = path.join(dir, DATABASE_FILE_NAME)
    app = await openTestApp(dir)
    for (let i = 0; i < 200; i++)
      data(await app.call('clients:create', { ...client(`Client ${i}`), notes: 'n'.repeat(500) }))
    await app.close()
    const bytes = fs.readFileSync(file)
    expect(bytes.length).toBeGreaterThan(4096 * 20)
    // Scribble over pages past the schema, keeping the header and sqlite_master readable.
    for (let i = 4096 * 8; i < 4096 * 16; i += 3) bytes[i] = (bytes[i]! ^ 0x5a) & 0xff
    fs.writeFileSync(file, bytes)
    const damaged = Buffer.from(bytes)
    const error = await openDatabase({ file }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DatabaseOpenError)
    expect((error as DatabaseOpenError).problem).toBe('damaged')
    expect(fs.readFileSync(file).equals(damaged)).toBe(true)
  })
})

describe('back up now and restore', () => {
  it('saves a consistent copy where the user chooses, and refuses the data folder itself', async () => {
    app = await openTestApp()
    data(await app.call('clients:create', client('Ada')))
    const chosen = path.join(tempDir(), 'my backup')
    app.ports.nextSavePath = chosen
    const saved = data<{ saved: boolean; file: string }>(await app.call('backups:save-copy'))
    expect(saved).toEqual({ saved: true, file: `${chosen}.sqlite` })
    expect(checkIntegrity(saved.file, { full: true })).toEqual({ ok: true })
    expect(app.ports.saveDialogs.at(-1)).toMatchObject({ filters: [{ extensions: ['sqlite'] }] })

    app.ports.nextSavePath = app.ctx.databaseFile
    expect(await app.call('backups:save-copy')).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    app.ports.nextSavePath = null
    expect(data(await app.call('backups:save-copy'))).toEqual({ saved: false })
  })

  it('round trip: back up, change data, restore, and the data equals the backup', async () => {
    const dir = tempDir()
    const file = path.join(dir, DATABASE_FILE_NAME)
    const seed = await openDatabase({ file })
    await seed.dataSource.destroy()
    app = await openTestApp(dir, () => new Date('2026-11-22T09:30:00Z'))
    for (const name of ['Ada', 'Grace', 'Edsger']) data(await app.call('clients:create', client(name)))
    await app.close()
    // Opening the next day takes that day's backup, holding the three clients.
    app = await openTestApp(dir, () => new Date('2026-11-23T09:30:00Z'))
    const dump = async () => JSON.stringify(await app!.db.dataSource.query('SELECT * FROM clients ORDER BY id'))
    const before = await dump()
    const list = data<BackupList>(await app.call('backups:list'))
    const daily = list.backups.find((b) => b.kind === 'daily')!
    expect(daily).toMatchObject({ clients: 3, takenAt: '2026-11-23T09:30:00.000Z' })
    expect(daily.sizeBytes).toBeGreaterThan(0)

    data(await app.call('clients:create', client('Barbara')))
    data(await app.call('clients:archive', { id: 1 }))
    expect(await names(app)).toHaveLength(4)

    const restored = data<RestoreResult>(await app.call('backups:restore', { name: daily.name }))
    expect(restored.restoredFrom).toBe(daily.name)
    expect(await dump()).toBe(before)
    // The same services keep working on the restored database, and the safety copy holds the changes.
    data(await app.call('clients:create', client('After')))
    const after = data<BackupList>(await app.call('backups:list'))
    expect(after.backups.find((b) => b.name === restored.safetyCopy)).toMatchObject({
      kind: 'before-restore',
      clients: 4,
    })
  })

  it('refuses a backup that fails its integrity check, a missing one and a path, changing nothing', async () => {
    app = await openTestApp()
    data(await app.call('clients:create', client('Ada')))
    const folder = path.join(app.dir, 'backups')
    fs.mkdirSync(folder, { recursive: true })
    const bad = 'turnaround-desk-2026-11-01T00-00-00-000Z-daily.sqlite'
    fs.writeFileSync(path.join(folder, bad), 'SQLite format 3\0' + 'garbage'.repeat(1000))
    const result = await app.call('backups:restore', { name: bad })
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', field: 'name', message: expect.stringContaining('failed its integrity check') },
    })
    expect(
      await app.call('backups:restore', { name: 'turnaround-desk-2026-11-02T00-00-00-000Z-daily.sqlite' }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    for (const name of ['../turnaround-desk.sqlite', '/etc/passwd', 'a/b.sqlite', '..sqlite']) {
      expect(await app.call('backups:restore', { name })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    }
    expect(await names(app)).toEqual(['Ada'])
    expect(fs.readdirSync(folder)).toEqual([bad])
  })

  it('restores a backup from an older schema: the reopen runs the migrations it lacks', async () => {
    app = await openTestApp()
    const folder = path.join(app.dir, 'backups')
    fs.mkdirSync(folder, { recursive: true })
    const name = 'turnaround-desk-2026-10-01T08-00-00-000Z-before-migration.sqlite'
    fs.copyFileSync(path.resolve(__dirname, '../fixtures/migrations/schema-0003.sqlite'), path.join(folder, name))
    const listed = data<BackupList>(await app.call('backups:list')).backups.find((b) => b.name === name)
    expect(listed?.clients).toBeGreaterThan(40)
    data(await app.call('backups:restore', { name }))
    const migrations = (await app.db.dataSource.query('SELECT name FROM migrations ORDER BY id')) as { name: string }[]
    expect(migrations.map((m) => m.name)).toEqual(MIGRATION_NAMES)
    expect(await names(app)).toHaveLength(listed?.clients as number)
    expect(data<{ total: number }>(await app.call('clients:list', {})).total).toBe(listed?.clients)
  })

  it('puts the database back as it was when the chosen backup passes its checks but cannot be opened', async () => {
    app = await openTestApp()
    data(await app.call('clients:create', client('Ada')))
    data(await app.call('clients:create', client('Grace')))
    const folder = path.join(app.dir, 'backups')
    fs.mkdirSync(folder, { recursive: true })
    // A whole, older backup whose upgrade fails: a table the ledger's migration creates is already there.
    const name = 'turnaround-desk-2026-10-01T08-00-00-000Z-daily.sqlite'
    const broken = path.join(folder, name)
    fs.copyFileSync(path.resolve(__dirname, '../fixtures/migrations/schema-0003.sqlite'), broken)
    const db = new Database(broken)
    db.exec('CREATE TABLE staff (x INTEGER)')
    db.close()
    expect(checkIntegrity(broken, { full: true }).ok).toBe(true)

    const result = await app.call('backups:restore', { name })
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        field: 'name',
        message: 'The backup could not be opened, so your data was left as it was. Choose another backup.',
      },
    })
    // The same services work on the database as it was, and the safety copy is kept.
    expect(await names(app)).toEqual(['Ada', 'Grace'])
    data(await app.call('clients:create', client('After')))
    expect(await names(app)).toEqual(['Ada', 'After', 'Grace'])
    expect(listBackupFiles(folder).some((b) => b.kind === 'before-restore')).toBe(true)
  })
})

const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')

describe('a checksum beside every backup', () => {
  /** A folder whose database holds Ada, Grace Hopper and Edsger in today's daily backup; returns the app and that backup. */
  async function withDailyBackup(): Promise<BackupFile> {
    const dir = tempDir()
    app = await openTestApp(dir, () => new Date('2026-11-22T09:30:00Z'))
    for (const name of ['Ada', 'Grace Hopper', 'Edsger']) data(await app.call('clients:create', client(name)))
    await app.close()
    app = await openTestApp(dir, () => new Date('2026-11-23T09:30:00Z'))
    return listBackupFiles(path.join(dir, 'backups')).find((b) => b.kind === 'daily')!
  }

  it('writes the SHA-256 of each backup beside it, as sha256sum does: daily, back up now and before a restore', async () => {
    const daily = await withDailyBackup()
    expect(daily.hasChecksum).toBe(true)
    expect(fs.readFileSync(checksumFileOf(daily.file), 'utf8')).toBe(`${sha256(daily.file)}  ${daily.name}\n`)
    app!.ports.nextSavePath = path.join(tempDir(), 'copy.sqlite')
    const copy = data<{ file: string }>(await app!.call('backups:save-copy'))
    expect(fs.readFileSync(checksumFileOf(copy.file), 'utf8')).toBe(`${sha256(copy.file)}  copy.sqlite\n`)
    const restored = data<RestoreResult>(await app!.call('backups:restore', { name: daily.name }))
    expect(restored.checksum).toBe('verified')
    const safety = path.join(app!.dir, 'backups', restored.safetyCopy)
    expect(fs.readFileSync(checksumFileOf(safety), 'utf8')).toBe(`${sha256(safety)}  ${restored.safetyCopy}\n`)
    expect(data<BackupList>(await app!.call('backups:list')).backups.every((b) => b.hasChecksum)).toBe(true)
  })

  it('refuses a backup with one byte changed inside a client’s name, although it passes integrity_check', async () => {
    const daily = await withDailyBackup()
    data(await app!.call('clients:create', client('Barbara')))
    const bytes = fs.readFileSync(daily.file)
    const at = bytes.indexOf('Grace Hopper')
    expect(at).toBeGreaterThan(0)
    expect(bytes.indexOf('Grace Hopper', at + 1)).toBe(-1)
    bytes[at + 2] = 'b'.charCodeAt(0) // "Grbce Hopper"
    fs.writeFileSync(daily.file, bytes)
    // SQLite finds nothing wrong: the name is only text inside a record.
    expect(checkIntegrity(daily.file, { full: true })).toEqual({ ok: true })
    const result = await app!.call('backups:restore', { name: daily.name })
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', field: 'name', message: expect.stringContaining('no longer matches the checksum') },
    })
    expect(await names(app!)).toEqual(['Ada', 'Barbara', 'Edsger', 'Grace Hopper'])
    expect(listBackupFiles(path.join(app!.dir, 'backups')).some((b) => b.kind === 'before-restore')).toBe(false)
    // A checksum file that is not one is refused the same way.
    fs.writeFileSync(checksumFileOf(daily.file), 'not a checksum')
    expect(await app!.call('backups:restore', { name: daily.name })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('checksum') },
    })
  })

  it('still restores a backup made before checksums, after its integrity check, and says no checksum vouched for it', async () => {
    const daily = await withDailyBackup()
    fs.rmSync(checksumFileOf(daily.file))
    data(await app!.call('clients:create', client('Barbara')))
    const listed = data<BackupList>(await app!.call('backups:list')).backups.find((b) => b.name === daily.name)
    expect(listed).toMatchObject({ hasChecksum: false, clients: 3 })
    const restored = data<RestoreResult>(await app!.call('backups:restore', { name: daily.name }))
    expect(restored.checksum).toBe('none')
    expect(await names(app!)).toEqual(['Ada', 'Edsger', 'Grace Hopper'])
  })

  it('prunes a backup’s checksum with it, and checksums left without their backup', () => {
    const dir = tempDir()
    const names: string[] = []
    for (let d = 1; d <= 16; d++) {
      const name = `turnaround-desk-2026-11-${String(d).padStart(2, '0')}T08-00-00-000Z-daily.sqlite`
      fs.writeFileSync(path.join(dir, name), `backup ${d}`)
      fs.writeFileSync(path.join(dir, `${name}.sha256`), `${'a'.repeat(64)}  ${name}\n`)
      names.push(name)
    }
    fs.writeFileSync(path.join(dir, 'turnaround-desk-2026-10-01T08-00-00-000Z-daily.sqlite.sha256'), 'orphan')
    fs.writeFileSync(path.join(dir, 'notes.txt.sha256'), 'not ours')
    // 16 days in one month: the two oldest go, checksums too; the orphan goes; files not ours stay.
    expect(pruneBackups(dir).sort()).toEqual(names.slice(0, 2))
    const left = fs.readdirSync(dir)
    expect(left.filter((f) => f.endsWith('.sqlite'))).toHaveLength(14)
    expect(left.filter((f) => f.endsWith('.sqlite.sha256')).sort()).toEqual(names.slice(2).map((n) => `${n}.sha256`))
    expect(left).toContain('notes.txt.sha256')
  })
})

describe('restore from a file', () => {
  /** "Back up now" to another folder with Ada and Grace, then Barbara added: returns the copy. */
  async function copyElsewhere(): Promise<string> {
    app = await openTestApp()
    for (const name of ['Ada', 'Grace']) data(await app.call('clients:create', client(name)))
    app.ports.nextSavePath = path.join(tempDir(), 'Turnaround Desk backup.sqlite')
    const saved = data<{ file: string }>(await app.call('backups:save-copy'))
    data(await app.call('clients:create', client('Barbara')))
    return saved.file
  }

  it('restores a copy chosen in the open dialog after its checks, keeping the data as it was in the backups folder', async () => {
    const copy = await copyElsewhere()
    app!.ports.nextOpenPath = copy
    const result = data<RestoreFileResult>(await app!.call('backups:restore-file'))
    expect(result).toMatchObject({
      restored: true,
      restoredFrom: 'Turnaround Desk backup.sqlite',
      checksum: 'verified',
    })
    expect(await names(app!)).toEqual(['Ada', 'Grace'])
    const list = data<BackupList>(await app!.call('backups:list'))
    expect(list.backups.find((b) => b.kind === 'before-restore')).toMatchObject({ clients: 3 })
    // The same services go on working on the restored database.
    data(await app!.call('clients:create', client('After')))
    expect(await names(app!)).toEqual(['Ada', 'After', 'Grace'])
  })

  it('does nothing when the dialog is cancelled', async () => {
    await copyElsewhere()
    app!.ports.nextOpenPath = null
    expect(data(await app!.call('backups:restore-file'))).toEqual({ restored: false })
    expect(await names(app!)).toEqual(['Ada', 'Barbara', 'Grace'])
  })

  it('refuses, changing nothing: a copy changed since it was saved, a file that is not a database, another SQLite file, a newer one, and the database in use', async () => {
    const copy = await copyElsewhere()
    const tries: Array<[string, string]> = []
    // One byte of Grace's name changed.
    const bytes = fs.readFileSync(copy)
    const tampered = path.join(path.dirname(copy), 'tampered.sqlite')
    bytes[bytes.indexOf('Grace') + 1] = 'x'.charCodeAt(0)
    fs.writeFileSync(tampered, bytes)
    fs.copyFileSync(checksumFileOf(copy), checksumFileOf(tampered))
    tries.push([tampered, 'no longer matches the checksum kept beside it'])
    const notes = path.join(path.dirname(copy), 'notes.sqlite')
    fs.writeFileSync(notes, 'my notes '.repeat(500))
    tries.push([notes, 'failed its integrity check'])
    const other = path.join(path.dirname(copy), 'other.sqlite')
    const db = new Database(other)
    db.exec('CREATE TABLE t (a)')
    db.close()
    tries.push([other, 'is not a Turnaround Desk database'])
    const newer = path.join(path.dirname(copy), 'newer.sqlite')
    fs.copyFileSync(copy, newer)
    const n = new Database(newer)
    n.exec("INSERT INTO migrations (timestamp, name) VALUES (1999999999999, 'FutureFeature1999999999999')")
    n.close()
    tries.push([newer, 'made by a newer version'])
    tries.push([app!.ctx.databaseFile, 'the database Turnaround Desk is using now'])
    tries.push([path.dirname(copy), 'cannot be opened'])
    for (const [file, words] of tries) {
      app!.ports.nextOpenPath = file
      expect(await app!.call('backups:restore-file'), file).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', message: expect.stringContaining(words) },
      })
    }
    expect(await names(app!)).toEqual(['Ada', 'Barbara', 'Grace'])
    expect(listBackupFiles(path.join(app!.dir, 'backups')).filter((b) => b.kind === 'before-restore')).toEqual([])
  })

  it('restores a copy without a checksum beside it after its integrity check, and says none vouched for it', async () => {
    const copy = await copyElsewhere()
    fs.rmSync(checksumFileOf(copy))
    app!.ports.nextOpenPath = copy
    expect(data<RestoreFileResult>(await app!.call('backups:restore-file'))).toMatchObject({
      restored: true,
      checksum: 'none',
    })
    expect(await names(app!)).toEqual(['Ada', 'Grace'])
  })
})
