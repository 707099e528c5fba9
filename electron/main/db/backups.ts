/**
 * Backups of the database file, all made with SQLite's online backup API (better-sqlite3's
 * `db.backup()`), which copies a consistent snapshot even while the app writes. They live in a
 * `backups` folder beside the database, named `<database>-<UTC stamp>-<kind>.sqlite`, each with the
 * SHA-256 of its content beside it (`<name>.sha256`), checked before it is restored.
 */
import fs from 'node:fs'
import path from 'node:path'
import { createHash } from 'node:crypto'
import Database from 'better-sqlite3'
import { renameDurably } from '../durable-file'

export const BACKUP_KINDS = ['daily', 'before-migration', 'before-restore', 'before-recovery'] as const
export type BackupKind = (typeof BACKUP_KINDS)[number]

/** How many daily backups (newest per day) and monthly backups (newest per month) are kept. */
export const KEEP_DAILY = 14
export const KEEP_MONTHLY = 12
/** How many of each other kind are kept. */
export const KEEP_OTHER = 10

export interface BackupFile {
  name: string
  file: string
  kind: BackupKind
  /** When it was taken (UTC), from its name. */
  takenAt: Date
  sizeBytes: number
  /** A checksum is kept beside it (backups made before checksums have none). */
  hasChecksum: boolean
}

const NAME = /^(.+)-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)-([a-z-]+)\.sqlite$/

export function backupsDirOf(databaseFile: string): string {
  return path.join(path.dirname(databaseFile), 'backups')
}

function stampOf(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-')
}

export function backupName(databaseFile: string, kind: BackupKind, at: Date): string {
  return `${path.basename(databaseFile, '.sqlite')}-${stampOf(at)}-${kind}.sqlite`
}

function parseName(name: string): { takenAt: Date; kind: BackupKind } | null {
  const m = NAME.exec(name)
  if (!m) return null
  const [, , stamp, kind] = m
  if (!(BACKUP_KINDS as readonly string[]).includes(kind as string)) return null
  const iso = (stamp as string).replace(/^(\d{4}-\d{2}-\d{2}T\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/, '$1:$2:$3.$4Z')
  const takenAt = new Date(iso)
  return Number.isNaN(takenAt.getTime()) ? null : { takenAt, kind: kind as BackupKind }
}

/** Every backup in the folder, newest first. Files not named like a backup are left alone. */
export function listBackupFiles(dir: string): BackupFile[] {
  if (!fs.existsSync(dir)) return []
  const found: BackupFile[] = []
  for (const name of fs.readdirSync(dir)) {
    const parsed = parseName(name)
    if (!parsed) continue
    const file = path.join(dir, name)
    const stat = fs.statSync(file)
    if (!stat.isFile()) continue
    found.push({ name, file, sizeBytes: stat.size, hasChecksum: fs.existsSync(checksumFileOf(file)), ...parsed })
  }
  return found.sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime() || b.name.localeCompare(a.name))
}

/** The SHA-256 of a backup's content is kept beside it, as `sha256sum` writes it: `<hex>  <name>`. */
export function checksumFileOf(file: string): string {
  return `${file}.sha256`
}

/** The SHA-256 of a file's bytes, read as a stream (a large database never sits in memory). */
export function sha256OfFile(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256')
    const stream = fs.createReadStream(file, { highWaterMark: 1024 * 1024 })
    stream.on('data', (chunk) => hash.update(chunk))
    stream.on('error', reject)
    stream.on('end', () => resolve(hash.digest('hex')))
  })
}

function writeChecksumFile(file: string, hash: string): void {
  const sidecar = checksumFileOf(file)
  const partial = `${sidecar}.partial`
  try {
    fs.writeFileSync(partial, `${hash}  ${path.basename(file)}\n`)
    renameDurably(partial, sidecar)
  } catch (error) {
    fs.rmSync(partial, { force: true })
    throw error
  }
}

/**
 * What the checksum beside a file says of it: 'verified' (it matches), 'none' (no checksum beside
 * it: a backup made before backups had checksums, or a copy saved without one), or 'mismatch' (the
 * content changed since the checksum was written, or the checksum file is not one).
 */
export type ChecksumState = 'verified' | 'none' | 'mismatch'

export async function verifyChecksum(file: string): Promise<ChecksumState> {
  const sidecar = checksumFileOf(file)
  if (!fs.existsSync(sidecar)) return 'none'
  const stat = fs.statSync(sidecar)
  if (!stat.isFile() || stat.size > 4096) return 'mismatch'
  const expected = /^([0-9a-f]{64})\b/i.exec(fs.readFileSync(sidecar, 'utf8').trim())?.[1]?.toLowerCase()
  if (!expected) return 'mismatch'
  return (await sha256OfFile(file)) === expected ? 'verified' : 'mismatch'
}

/**
 * Copies a database with SQLite's online backup into `target`, written beside it first and renamed
 * into place, so a half-written copy never carries a backup's name; its SHA-256 is written beside it
 * (`<target>.sha256`) before the rename. A failed copy (a full disk, a folder that cannot be
 * written) leaves nothing behind.
 */
export async function copyDatabase(source: Database.Database, target: string): Promise<void> {
  fs.mkdirSync(path.dirname(target), { recursive: true })
  const partial = `${target}.partial`
  fs.rmSync(partial, { force: true })
  let sidecarWritten = false
  try {
    await source.backup(partial)
    writeChecksumFile(target, await sha256OfFile(partial))
    sidecarWritten = true
    renameDurably(partial, target)
  } catch (error) {
    fs.rmSync(partial, { force: true })
    if (sidecarWritten) fs.rmSync(checksumFileOf(target), { force: true })
    // SQLite says only "unable to open database file" (SQLITE_CANTOPEN) of a folder it cannot write to.
    if ((error as { code?: unknown }).code === 'SQLITE_CANTOPEN' && !canWrite(path.dirname(target))) {
      throw Object.assign(new Error(`${path.dirname(target)} cannot be written to`), { code: 'EACCES', cause: error })
    }
    throw error
  }
}

function canWrite(dir: string): boolean {
  try {
    fs.accessSync(dir, fs.constants.W_OK)
    return true
  } catch {
    return false
  }
}

/**
 * Copies `source` to `target` so that a power cut at any moment leaves either the old `target` or
 * the whole new one: written beside it, flushed, renamed over it, the folder flushed.
 */
export function copyFileDurably(source: string, target: string): void {
  const incoming = `${target}.incoming`
  try {
    fs.copyFileSync(source, incoming)
    renameDurably(incoming, target)
  } catch (error) {
    fs.rmSync(incoming, { force: true })
    throw error
  }
}

/** Opens a file read-only (never creating it) for a moment. */
export function withReadOnly<T>(file: string, nativeBinding: string | undefined, use: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) })
  try {
    return use(db)
  } finally {
    db.close()
  }
}

/** Backs up a database file (opened read-only for the copy) into `dir` as a backup of `kind`. */
export async function backupFile(
  file: string,
  dir: string,
  kind: BackupKind,
  at: Date,
  nativeBinding?: string,
): Promise<string> {
  const target = path.join(dir, backupName(file, kind, at))
  const db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) })
  try {
    await copyDatabase(db, target)
  } finally {
    db.close()
  }
  return target
}

function utcDay(d: Date): string {
  return d.toISOString().slice(0, 10)
}

/** The day's automatic backup: taken only when none was taken on the same (UTC) day. */
export async function dailyBackup(file: string, dir: string, at: Date, nativeBinding?: string): Promise<string | null> {
  const today = utcDay(at)
  if (listBackupFiles(dir).some((b) => b.kind === 'daily' && utcDay(b.takenAt) === today)) return null
  return backupFile(file, dir, 'daily', at, nativeBinding)
}

/**
 * Which backups to delete: of the daily ones, the newest of each of the 14 most recent days and
 * the newest of each of the 12 most recent months stay; of every other kind the newest 10 stay.
 */
export function backupsToPrune(backups: BackupFile[]): BackupFile[] {
  const keep = new Set<string>()
  const newestFirst = [...backups].sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime())
  const daily = newestFirst.filter((b) => b.kind === 'daily')
  const keepNewestPer = (key: (b: BackupFile) => string, count: number) => {
    const seen = new Set<string>()
    for (const b of daily) {
      const k = key(b)
      if (seen.has(k)) continue
      seen.add(k)
      if (seen.size > count) break
      keep.add(b.name)
    }
  }
  keepNewestPer((b) => utcDay(b.takenAt), KEEP_DAILY)
  keepNewestPer((b) => utcDay(b.takenAt).slice(0, 7), KEEP_MONTHLY)
  for (const kind of BACKUP_KINDS.filter((k) => k !== 'daily')) {
    for (const b of newestFirst.filter((x) => x.kind === kind).slice(0, KEEP_OTHER)) keep.add(b.name)
  }
  return backups.filter((b) => !keep.has(b.name))
}

/** Deletes the backups the rule above lets go, with their checksums, and checksums left alone; returns the backups' names. */
export function pruneBackups(dir: string): string[] {
  const backups = listBackupFiles(dir)
  const gone = backupsToPrune(backups)
  for (const b of gone) {
    fs.rmSync(b.file, { force: true })
    fs.rmSync(checksumFileOf(b.file), { force: true })
  }
  const kept = new Set(backups.filter((b) => !gone.includes(b)).map((b) => `${b.name}.sha256`))
  for (const name of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    if (name.endsWith('.sqlite.sha256') && NAME.test(name.slice(0, -'.sha256'.length)) && !kept.has(name))
      fs.rmSync(path.join(dir, name), { force: true })
  }
  return gone.map((b) => b.name)
}

export interface IntegrityResult {
  ok: boolean
  /** SQLite's first complaint, or why the file is not a Turnaround Desk database. */
  problem?: string
  /** 'damaged': SQLite found damage or cannot read it; 'not-ours': a sound file without our tables. */
  reason?: 'damaged' | 'not-ours'
}

/** The check's statement: SQLite's quick check, or its full one (which also checks every index's entries). */
export const integrityPragma = (full: boolean | undefined): string => (full ? 'integrity_check' : 'quick_check')

/** Which of the tables every Turnaround Desk database has are in a file. */
export const OUR_TABLES_SQL =
  "SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('migrations', 'clients')"

/**
 * What a check found: `said` is SQLite's answer to the check (one line each, 'ok' alone when sound),
 * `tables` what OUR_TABLES_SQL found (not asked of a file the check found damaged). Shared by the check on main's thread and the one beside it
 * (integrity-thread.ts).
 */
export function integrityOf(said: string[], tables: string[]): IntegrityResult {
  const complaints = said.filter((line) => line !== 'ok')
  if (complaints.length > 0) return { ok: false, reason: 'damaged', problem: complaints.slice(0, 3).join('; ') }
  if (tables.length < 2) return { ok: false, reason: 'not-ours', problem: 'It is not a Turnaround Desk database.' }
  return { ok: true }
}

/** A file SQLite could not even open or read to check: damaged, as far as the owner is concerned. */
export const unreadable = (error: unknown): IntegrityResult => ({
  ok: false,
  reason: 'damaged',
  problem: error instanceof Error ? error.message : String(error),
})

/** Checks a file read-only: SQLite's quick (or full) check, and that it is one of ours. */
export function checkIntegrity(
  file: string,
  options: { full?: boolean; nativeBinding?: string } = {},
): IntegrityResult {
  try {
    return withReadOnly(file, options.nativeBinding, (db) => {
      const said = (db.pragma(integrityPragma(options.full)) as Record<string, unknown>[]).map((r) =>
        String(Object.values(r)[0]),
      )
      // A damaged file's tables are not asked for: what the check said is the answer.
      const tables = said.every((line) => line === 'ok') ? db.prepare(OUR_TABLES_SQL).pluck().all() : []
      return integrityOf(said, tables as string[])
    })
  } catch (error) {
    return unreadable(error)
  }
}

/** The number of clients in a backup, read-only; null when it cannot be read. */
export function countClients(file: string, nativeBinding?: string): number | null {
  try {
    return withReadOnly(
      file,
      nativeBinding,
      (db) => (db.prepare('SELECT COUNT(*) AS n FROM clients').get() as { n: number }).n,
    )
  } catch {
    return null
  }
}
