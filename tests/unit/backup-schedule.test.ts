/** The daily backup of an app left open: the hourly check, through the queue, and the service's rule. */
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { BACKUP_CHECK_EVERY_MS, scheduleDailyBackups } from '../../electron/main/backup-schedule'
import { checkIntegrity, listBackupFiles } from '../../electron/main/db/backups'
import { openTestApp, tempDir, type TestApp } from '../support/temp-db'

let app: TestApp | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

describe('the daily backup while the app stays open', () => {
  it('is taken once on a day without one, from the live database, and not again that day', async () => {
    let now = new Date('2026-11-22T09:30:00Z')
    app = await openTestApp(tempDir(), () => now)
    await app.call('clients:create', { name: 'Ada Quill' })
    const backups = app.services.backups
    const first = await backups.dailyIfDue()
    expect(first).not.toBeNull()
    expect(checkIntegrity(first as string).ok).toBe(true)
    now = new Date('2026-11-22T23:59:00Z')
    expect(await backups.dailyIfDue()).toBeNull()
    now = new Date('2026-11-23T00:01:00Z')
    const second = await backups.dailyIfDue()
    expect(second).not.toBeNull()
    const daily = listBackupFiles(path.dirname(second as string)).filter((b) => b.kind === 'daily')
    expect(daily.map((b) => b.takenAt.toISOString().slice(0, 10))).toEqual(['2026-11-23', '2026-11-22'])
  })

  it('checks every hour through the queue, logs a failure, and stops when asked', async () => {
    let tick: (() => void) | null = null
    let cleared = false
    const ran: string[] = []
    const logged: string[] = []
    const stop = scheduleDailyBackups(
      async () => {
        ran.push('take')
        if (ran.length === 2) throw new Error('disk full')
      },
      async (task) => {
        ran.push('queued')
        return task()
      },
      (where, error) => logged.push(`${where}: ${String(error)}`),
      {
        setInterval: (cb, ms) => {
          expect(ms).toBe(BACKUP_CHECK_EVERY_MS)
          tick = cb
          return {}
        },
        clearInterval: () => void (cleared = true),
      },
    )
    expect(ran).toEqual([])
    tick!()
    tick!()
    await new Promise((r) => setImmediate(r))
    expect(ran).toEqual(['queued', 'take', 'queued', 'take'])
    expect(logged).toEqual(['daily backup: Error: disk full'])
    stop()
    expect(cleared).toBe(true)
  })
})
