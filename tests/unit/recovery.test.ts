/** Starting on a damaged database: the newest good backup is offered; the damaged file is kept aside. */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { DatabaseOpenError } from '../../electron/main/db/errors'
import {
  describeRecoveryOffer,
  newestGoodBackup,
  openWithRecovery,
  type RecoveryChoice,
  type RecoveryOffer,
} from '../../electron/main/db/recovery'
import { listBackupFiles } from '../../electron/main/db/backups'
import { DATABASE_FILE_NAME } from '../../electron/main/db/open-database'
import { damage, folderWithBackup } from '../support/damage'
import { tempDir } from '../support/temp-db'

async function clientCount(opened: {
  dataSource: { query: (q: string) => Promise<Array<{ n: number }>> }
}): Promise<number> {
  return (await opened.dataSource.query('SELECT COUNT(*) AS n FROM clients'))[0]!.n
}

describe('opening a damaged database', () => {
  it('offers the newest good backup and, when accepted, opens it and keeps the damaged file aside', async () => {
    const dir = tempDir()
    const file = await folderWithBackup(dir)
    const damaged = damage(file)
    // A newer backup that is itself damaged is passed over.
    const backups = path.join(dir, 'backups')
    fs.writeFileSync(
      path.join(backups, 'turnaround-desk-2026-11-22T10-00-00-000Z-daily.sqlite'),
      'SQLite format 3\0broken',
    )
    const ask = vi.fn(async (_offer: RecoveryOffer): Promise<RecoveryChoice> => 'restore')
    const opened = await openWithRecovery({ file, now: () => new Date('2026-11-23T08:00:00Z') }, ask)
    try {
      expect(ask).toHaveBeenCalledTimes(1)
      const offer = ask.mock.calls[0]![0]
      expect(offer.problem.problem).toBe('damaged')
      expect(offer.backup.name).toMatch(/2026-11-22T09-00-00-000Z-daily/)
      expect(describeRecoveryOffer(offer).detail).toContain('never deleted')
      expect(await clientCount(opened)).toBe(3)
      expect(opened.keptAside).toMatch(/turnaround-desk-damaged-2026-11-23T08-00-00-000Z\.sqlite$/)
      expect(fs.readFileSync(opened.keptAside as string).equals(damaged)).toBe(true)
    } finally {
      await opened.dataSource.destroy()
    }
  })

  it('leaves everything as it was when the owner declines', async () => {
    const dir = tempDir()
    const file = await folderWithBackup(dir)
    const damaged = damage(file)
    const error = await openWithRecovery({ file }, async () => 'quit' as const).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DatabaseOpenError)
    expect(fs.readFileSync(file).equals(damaged)).toBe(true)
    expect(fs.readdirSync(dir).filter((f) => f.includes('damaged'))).toEqual([])
  })

  it('asks nothing when there is no good backup, and says why it cannot open', async () => {
    const dir = tempDir()
    const file = await folderWithBackup(dir)
    fs.rmSync(path.join(dir, 'backups'), { recursive: true })
    damage(file)
    const ask = vi.fn(async (): Promise<RecoveryChoice> => 'restore')
    await expect(openWithRecovery({ file }, ask)).rejects.toMatchObject({ problem: 'damaged' })
    expect(ask).not.toHaveBeenCalled()
    expect(await newestGoodBackup(path.join(dir, 'backups'))).toBeNull()
  })
})

describe('starting on a missing or empty database beside good backups', () => {
  const NOW = () => new Date('2026-11-23T08:00:00Z')

  it('offers the newest good backup for a missing file, and restoring brings the clients back', async () => {
    const dir = tempDir()
    const file = await folderWithBackup(dir)
    fs.rmSync(file)
    const ask = vi.fn(async (_offer: RecoveryOffer): Promise<RecoveryChoice> => 'restore')
    const opened = await openWithRecovery({ file, now: NOW }, ask)
    try {
      const offer = ask.mock.calls[0]![0]
      expect(offer.problem.problem).toBe('missing')
      expect(offer.backup.name).toMatch(/2026-11-22T09-00-00-000Z-daily/)
      const words = describeRecoveryOffer(offer)
      expect(words).toMatchObject({
        title: 'The database is missing',
        buttons: ['Restore the backup', 'Start with an empty database', 'Quit'],
        choices: ['restore', 'start-empty', 'quit'],
      })
      expect(await clientCount(opened)).toBe(3)
      expect(opened).toMatchObject({ keptAside: null, restoredFrom: offer.backup.name })
    } finally {
      await opened.dataSource.destroy()
    }
  })

  it('offers it for a 0-byte file too, keeping the empty file aside', async () => {
    const dir = tempDir()
    const file = await folderWithBackup(dir)
    fs.writeFileSync(file, '')
    for (const side of ['-wal', '-shm']) fs.rmSync(`${file}${side}`, { force: true })
    const ask = vi.fn(async (_offer: RecoveryOffer): Promise<RecoveryChoice> => 'restore')
    const opened = await openWithRecovery({ file, now: NOW }, ask)
    try {
      expect(ask.mock.calls[0]![0].problem.problem).toBe('empty')
      expect(describeRecoveryOffer(ask.mock.calls[0]![0]).title).toBe('The database is empty')
      expect(await clientCount(opened)).toBe(3)
      expect(opened.keptAside).toMatch(/turnaround-desk-empty-2026-11-23T08-00-00-000Z\.sqlite$/)
      expect(fs.statSync(opened.keptAside as string).size).toBe(0)
    } finally {
      await opened.dataSource.destroy()
    }
  })

  it('quits with nothing created when the owner declines, and starts empty only when asked to', async () => {
    const dir = tempDir()
    const file = await folderWithBackup(dir)
    fs.rmSync(file)
    const backupsBefore = listBackupFiles(path.join(dir, 'backups')).map((b) => b.name)
    const error = await openWithRecovery({ file, now: NOW }, async () => 'quit').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DatabaseOpenError)
    expect((error as DatabaseOpenError).problem).toBe('missing')
    expect(fs.existsSync(file)).toBe(false)

    const fresh = await openWithRecovery({ file, now: NOW }, async () => 'start-empty')
    try {
      expect(await clientCount(fresh)).toBe(0)
      expect(fresh.restoredFrom).toBeNull()
      expect(listBackupFiles(path.join(dir, 'backups')).map((b) => b.name)).toEqual(backupsBefore)
    } finally {
      await fresh.dataSource.destroy()
    }
  })

  it('asks nothing in a new data folder (no backups): the first start makes an empty database', async () => {
    const dir = tempDir()
    const ask = vi.fn(async (): Promise<RecoveryChoice> => 'quit')
    const opened = await openWithRecovery({ file: path.join(dir, DATABASE_FILE_NAME), now: NOW }, ask)
    try {
      expect(ask).not.toHaveBeenCalled()
      expect(await clientCount(opened)).toBe(0)
    } finally {
      await opened.dataSource.destroy()
    }
  })

  it('passes over a backup whose checksum no longer matches', async () => {
    const dir = tempDir()
    const file = await folderWithBackup(dir)
    fs.rmSync(file)
    const [newest] = listBackupFiles(path.join(dir, 'backups'))
    expect(newest?.hasChecksum).toBe(true)
    expect(await newestGoodBackup(path.join(dir, 'backups'))).toMatchObject({ name: newest!.name })
    fs.writeFileSync(`${newest!.file}.sha256`, `${'0'.repeat(64)}  ${newest!.name}\n`)
    expect(await newestGoodBackup(path.join(dir, 'backups'))).toBeNull()
    // With no good backup, a missing file starts a new database without asking.
    const ask = vi.fn(async (): Promise<RecoveryChoice> => 'restore')
    const opened = await openWithRecovery({ file, now: NOW }, ask)
    expect(ask).not.toHaveBeenCalled()
    await opened.dataSource.destroy()
  })
})
