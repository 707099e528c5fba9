/**
 * Faults of the disk, not of the data. A full database is made for real with SQLite's
 * `PRAGMA max_page_count` (its writes then fail with SQLITE_FULL, as on a full disk); a full disk
 * under a backup or a copy is injected where the bytes are written (better-sqlite3's backup() or
 * fs.copyFileSync fails with the error a full disk gives, after writing part of the file). A
 * read-only data folder is made for real: the folder's write permission is taken away and, since
 * root writes anywhere, the app opens it in a child process run as another user.
 *
 * In every case the owner is told the disk is full (or the folder read-only) and what to do, never
 * that the data or the backup is damaged; nothing is half-written; and a start whose daily backup
 * cannot be written opens anyway and says so.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { checkIntegrity, listBackupFiles } from '../../electron/main/db/backups'
import { DatabaseOpenError, describeOpenProblem, storageFaultOf } from '../../electron/main/db/errors'
import { DATABASE_FILE_NAME, openDatabase } from '../../electron/main/db/open-database'
import type { BackupList, RestoreResult } from '../../electron/shared/backups/models'
import type { Envelope } from '../../electron/shared/envelope'
import { buildChild, ROOT } from '../support/build-child'
import { openTestApp, tempDir, type TestApp } from '../support/temp-db'

let app: TestApp | undefined
afterEach(async () => {
  vi.restoreAllMocks()
  if (app?.db.dataSource.isInitialized) await app.close()
  app = undefined
})

function data<T>(result: unknown): T {
  const envelope = result as Envelope<T>
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`)
  return envelope.data
}

async function names(a: TestApp): Promise<string[]> {
  return ((await a.db.dataSource.query('SELECT name FROM clients ORDER BY name')) as { name: string }[]).map(
    (r) => r.name,
  )
}

/** The connection under TypeORM. */
function raw(a: TestApp): Database.Database {
  return (a.db.dataSource.driver as unknown as { databaseConnection: Database.Database }).databaseConnection
}

/** What SQLite throws when the disk fills during a backup. */
const sqliteFull = () => new Database.SqliteError('database or disk is full', 'SQLITE_FULL')
/** What the system throws when the disk fills during a copy. */
const enospc = (file: string) =>
  Object.assign(new Error(`ENOSPC: no space left on device, write '${file}'`), {
    code: 'ENOSPC',
    errno: -28,
    syscall: 'write',
  })

/** Every backup written from now on fails part-way with SQLITE_FULL, leaving its first bytes behind as a full disk would. */
function fillTheDiskUnderBackups(): void {
  vi.spyOn(Database.prototype, 'backup').mockImplementation(async (destination: string) => {
    fs.writeFileSync(destination, 'SQLite format 3\0 the first pages only')
    throw sqliteFull()
  })
}

/** A folder holding yesterday's database with `clients`, opened today (so today's backup is due). */
async function yesterday(clients: string[]): Promise<string> {
  const dir = tempDir()
  const first = await openTestApp(dir, () => new Date('2026-11-22T09:30:00Z'))
  for (const name of clients) data(await first.call('clients:create', { name }))
  await first.close()
  return dir
}

describe('a full disk', () => {
  it('refuses a write with "the disk is full" and what to do, writing nothing (SQLITE_FULL for real)', async () => {
    app = await openTestApp()
    data(await app.call('clients:create', { name: 'Ada' }))
    const db = raw(app)
    // No free page left inside the file (a migration dropping an index leaves some), then no room to grow.
    db.exec('VACUUM')
    expect(db.pragma('freelist_count', { simple: true })).toBe(0)
    const pages = db.pragma('page_count', { simple: true }) as number
    db.pragma(`max_page_count = ${pages}`)
    const result = (await app.call('clients:create', { name: 'Grace', notes: 'n'.repeat(9000) })) as Envelope<unknown>
    expect(result).toMatchObject({ ok: false, error: { code: 'STORAGE' } })
    if (result.ok) return
    expect(result.error.message).toBe(
      'The disk that holds your data is full, so this was not saved and nothing was changed. Free some space on that disk (empty the bin, move large files elsewhere), then try again.',
    )
    expect(result.error.message).not.toMatch(/went wrong|damaged/i)
    expect(await names(app)).toEqual(['Ada'])
    // Room again: the same write goes through.
    db.pragma('max_page_count = 1073741823')
    data(await app.call('clients:create', { name: 'Grace', notes: 'n'.repeat(9000) }))
    expect(await names(app)).toEqual(['Ada', 'Grace'])
    expect(storageFaultOf(Object.assign(new Error('x'), { driverError: { code: 'SQLITE_FULL' } }))).toBe('disk-full')
  })

  it('opens anyway when the day’s backup at start cannot be written, and says so; nothing half-written is left', async () => {
    const dir = await yesterday(['Ada', 'Grace'])
    fillTheDiskUnderBackups()
    const opened = await openDatabase({
      file: path.join(dir, DATABASE_FILE_NAME),
      now: () => new Date('2026-11-23T08:00:00Z'),
    })
    try {
      expect(opened.dailyBackupFile).toBeNull()
      expect(opened.dailyBackupProblem).toBe(
        "The disk that holds your data is full, so today's backup could not be written. Your data opened as usual and nothing was lost; the backups taken before today are still in the backups folder. Free some space on that disk (empty the bin, move large files elsewhere), then try again.",
      )
      expect(
        ((await opened.dataSource.query('SELECT name FROM clients ORDER BY name')) as { name: string }[]).map(
          (r) => r.name,
        ),
      ).toEqual(['Ada', 'Grace'])
      expect(fs.readdirSync(path.join(dir, 'backups'))).toEqual([])
    } finally {
      await opened.dataSource.destroy()
    }
  })

  it('does not upgrade a database whose copy before the upgrade cannot be written, and says the disk is full', async () => {
    const dir = tempDir()
    const file = path.join(dir, DATABASE_FILE_NAME)
    fs.copyFileSync(path.resolve(__dirname, '../fixtures/migrations/schema-0003.sqlite'), file)
    const before = fs.readFileSync(file)
    fillTheDiskUnderBackups()
    const error = await openDatabase({ file }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DatabaseOpenError)
    expect((error as DatabaseOpenError).problem).toBe('disk-full')
    expect(describeOpenProblem(error as DatabaseOpenError)).toMatchObject({
      title: 'The disk is full',
      message: expect.stringContaining('Your data has not been changed. Free some space'),
    })
    expect(fs.readFileSync(file).equals(before)).toBe(true)
  })

  it('restores nothing when the copy of the data as it is cannot be written, and does not blame the backup', async () => {
    const dir = await yesterday(['Ada', 'Grace'])
    app = await openTestApp(dir, () => new Date('2026-11-23T08:00:00Z'))
    data(await app.call('clients:create', { name: 'Barbara' }))
    const daily = data<BackupList>(await app.call('backups:list')).backups[0]!
    fillTheDiskUnderBackups()
    const result = (await app.call('backups:restore', { name: daily.name })) as Envelope<RestoreResult>
    expect(result).toMatchObject({ ok: false, error: { code: 'STORAGE' } })
    if (result.ok) return
    expect(result.error.message).toMatch(
      /^The disk that holds your data is full, so the copy of your data as it is now could not be written, and nothing was restored\. Your data is as it was\. Free some space/,
    )
    expect(result.error.message).not.toMatch(/backup could not be opened|integrity|damaged|I\/O/i)
    vi.restoreAllMocks()
    expect(await names(app)).toEqual(['Ada', 'Barbara', 'Grace'])
    expect(fs.readdirSync(path.join(dir, 'backups')).filter((f) => f.includes('before-restore'))).toEqual([])
  })

  it('leaves the data as it was when the backup cannot be copied into place, says the backup is fine, and the app keeps working', async () => {
    const dir = await yesterday(['Ada', 'Grace'])
    app = await openTestApp(dir, () => new Date('2026-11-23T08:00:00Z'))
    data(await app.call('clients:create', { name: 'Barbara' }))
    const daily = data<BackupList>(await app.call('backups:list')).backups[0]!
    const copy = fs.copyFileSync
    vi.spyOn(fs, 'copyFileSync').mockImplementation((from, to) => {
      fs.writeFileSync(to, 'the first bytes only')
      throw enospc(String(to))
    })
    const result = (await app.call('backups:restore', { name: daily.name })) as Envelope<RestoreResult>
    expect(fs.copyFileSync).not.toBe(copy)
    expect(result).toMatchObject({ ok: false, error: { code: 'STORAGE' } })
    if (result.ok) return
    expect(result.error.message).toBe(
      'The disk that holds your data is full, so the backup could not be put in place and your data was left as it was. The backup itself is fine. Free some space on that disk (empty the bin, move large files elsewhere), then try again.',
    )
    vi.restoreAllMocks()
    expect(await names(app)).toEqual(['Ada', 'Barbara', 'Grace'])
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.incoming'))).toEqual([])
    expect(checkIntegrity(app.ctx.databaseFile).ok).toBe(true)
    // With room again, the same backup restores.
    expect(data<RestoreResult>(await app.call('backups:restore', { name: daily.name }))).toMatchObject({
      restoredFrom: daily.name,
      checksum: 'verified',
    })
    expect(await names(app)).toEqual(['Ada', 'Grace'])
  })

  it('says when "Back up now" finds the chosen disk full, leaving nothing there', async () => {
    app = await openTestApp()
    data(await app.call('clients:create', { name: 'Ada' }))
    const elsewhere = tempDir()
    app.ports.nextSavePath = path.join(elsewhere, 'copy.sqlite')
    fillTheDiskUnderBackups()
    expect(await app.call('backups:save-copy')).toEqual({
      ok: false,
      error: {
        code: 'STORAGE',
        message:
          'The disk is full, so the backup was not saved (nothing was left behind there). Choose a place on another disk, or free some space, then try again.',
      },
    })
    expect(fs.readdirSync(elsewhere)).toEqual([])
    expect(listBackupFiles(path.join(app.dir, 'backups'))).toEqual([])
  })
})

describe('a read-only data folder', () => {
  let child: string
  const asRoot = process.getuid?.() === 0
  beforeAll(async () => {
    const out = tempDir('open-child-')
    child = await buildChild(path.join(ROOT, 'tests/support/faults/open-child.ts'), out, 'open-child')
    fs.chmodSync(out, 0o755)
  }, 60_000)

  /** Runs the child on `file`; as another user when the tests run as root. */
  function openInChild(file: string): Record<string, unknown> {
    const run = spawnSync(process.execPath, [child, file], {
      env: { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules') },
      encoding: 'utf8',
      timeout: 30_000,
      ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
    })
    const line = run.stdout.trim().split('\n').at(-1) ?? ''
    if (!line.startsWith('{')) throw new Error(`the child printed nothing: ${run.stderr}`)
    return JSON.parse(line) as Record<string, unknown>
  }

  /** A data folder (readable by the child's user) holding a database with two clients, then made read-only. */
  async function readOnlyFolder(): Promise<{ dir: string; file: string; before: Buffer; listing: string[] }> {
    const dir = await yesterday(['Ada', 'Grace'])
    const file = path.join(dir, DATABASE_FILE_NAME)
    fs.chmodSync(file, 0o644)
    fs.chmodSync(dir, 0o555)
    return { dir, file, before: fs.readFileSync(file), listing: fs.readdirSync(dir).sort() }
  }

  it('says the folder is read-only, not that the file may be damaged, and changes nothing', async () => {
    const { dir, file, before, listing } = await readOnlyFolder()
    try {
      const outcome = openInChild(file)
      expect(outcome).toMatchObject({ opened: false, problem: 'read-only', title: 'The data folder is read-only' })
      expect(outcome.message).toContain('The data itself has not been changed')
      expect(outcome.message).not.toMatch(/damaged/)
      expect(fs.readFileSync(file).equals(before)).toBe(true)
      expect(fs.readdirSync(dir).sort()).toEqual(listing)
    } finally {
      fs.chmodSync(dir, 0o755)
    }
  })

  it('opens, without today’s backup, a database whose backups folder alone cannot be written, and says why', async () => {
    const dir = await yesterday(['Ada'])
    const file = path.join(dir, DATABASE_FILE_NAME)
    const backups = path.join(dir, 'backups')
    fs.mkdirSync(backups, { recursive: true })
    // The child's user owns the data folder and its database, not the backups folder.
    if (asRoot) {
      fs.chownSync(dir, 65534, 65534)
      for (const f of fs.readdirSync(dir)) if (f !== 'backups') fs.chownSync(path.join(dir, f), 65534, 65534)
    }
    fs.chmodSync(backups, 0o555)
    try {
      const outcome = openInChild(file)
      expect(outcome).toMatchObject({ opened: true, write: { ok: true } })
      expect(String(outcome.dailyBackupProblem)).toMatch(
        /^Turnaround Desk cannot write to its data folder \(it is read-only\), so today's backup could not be written\. Your data opened as usual/,
      )
    } finally {
      fs.chmodSync(backups, 0o755)
    }
  })
})
