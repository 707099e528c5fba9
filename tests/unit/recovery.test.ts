/** Starting on a damaged database: the newest good backup is offered; the damaged file is kept aside. */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { DatabaseOpenError } from '../../electron/main/db/errors'
import { describeRecoveryOffer, newestGoodBackup, openWithRecovery } from '../../electron/main/db/recovery'
import { damage, folderWithBackup } from '../support/damage'
import { tempDir } from '../support/temp-db'

async function clientCount(opened: { dataSource: { query: (q: string) => Promise<Array<{ n: number }>> } }): Promise<number> {
  return (await opened.dataSource.query('SELECT COUNT(*) AS n FROM clients'))[0]!.n
}

describe('opening a damaged database', () => {
  it('offers the newest good backup and, when accepted, opens it and keeps the damaged file aside', async () => {
    const dir = tempDir()
    const file = await folderWithBackup(dir)
    const damaged = damage(file)
    // A newer backup that is itself damaged is passed over.
    const backups = path.join(dir, 'backups')
    fs.writeFileSync(path.join(backups, 'turnaround-desk-2026-11-22T10-00-00-000Z-daily.sqlite'), 'SQLite format 3\0broken')
    const ask = vi.fn(async () => true)
    const opened = await openWithRecovery({ file, now: () => new Date('2026-11-23T08:00:00Z') }, ask)
    try {
      expect(ask).toHaveBeenCalledTimes(1)
      const offer = (ask.mock.calls[0] as unknown as [Parameters<typeof describeRecoveryOffer>[0]])[0]
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
    const error = await openWithRecovery({ file }, async () => false).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DatabaseOpenError)
    expect(fs.readFileSync(file).equals(damaged)).toBe(true)
    expect(fs.readdirSync(dir).filter((f) => f.includes('damaged'))).toEqual([])
  })

  it('asks nothing when there is no good backup, and says why it cannot open', async () => {
    const dir = tempDir()
    const file = await folderWithBackup(dir)
    fs.rmSync(path.join(dir, 'backups'), { recursive: true })
    damage(file)
    const ask = vi.fn(async () => true)
    await expect(openWithRecovery({ file }, ask)).rejects.toMatchObject({ problem: 'damaged' })
    expect(ask).not.toHaveBeenCalled()
    expect(newestGoodBackup(path.join(dir, 'backups'))).toBeNull()
  })
})
