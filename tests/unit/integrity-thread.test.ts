/**
 * The start's check of the database on a thread of its own (integrity-thread.ts), on real files: it
 * answers as the check on main's thread does for a sound, a damaged, a foreign and an unreadable
 * file, main's thread runs other work while it reads, and main checks itself when the thread cannot.
 */
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { checkIntegrity } from '../../electron/main/db/backups'
import { ASIDE_FROM_BYTES, checkBeforeOpening, checkIntegrityAside } from '../../electron/main/db/integrity-thread'
import { damage, folderWithBackup } from '../support/damage'
import { tempDir } from '../support/temp-db'

const dirs: string[] = []
const newDir = (): string => {
  const dir = tempDir('turnaround-integrity-')
  dirs.push(dir)
  return dir
}
const remove = (dir: string) => fs.rmSync(dir, { recursive: true, force: true })
// The first folder holds the files every test reads.
afterEach(() => dirs.splice(1).forEach(remove))
afterAll(() => dirs.splice(0).forEach(remove))

/** The four kinds of file a start can find, made once: the app's sound database, damaged, foreign, not a database. */
const files = { sound: '', damaged: '', foreign: '', noDatabase: '' }
beforeAll(async () => {
  const dir = newDir()
  files.sound = await folderWithBackup(dir)
  files.damaged = path.join(dir, 'damaged.sqlite')
  fs.copyFileSync(files.sound, files.damaged)
  damage(files.damaged)
  files.foreign = path.join(dir, 'foreign.sqlite')
  const foreign = new Database(files.foreign)
  foreign.exec('CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)')
  foreign.close()
  files.noDatabase = path.join(dir, 'notes.sqlite')
  fs.writeFileSync(files.noDatabase, 'These are notes, not a database.\n'.repeat(200))
}, 60_000)

describe('the check of the database on a thread of its own', () => {
  it('answers as the check on main’s thread for a sound, a damaged, a foreign and an unreadable file', async () => {
    expect(await checkIntegrityAside(files.sound)).toEqual({ ok: true })

    const damaged = await checkIntegrityAside(files.damaged)
    expect(damaged).toMatchObject({ ok: false, reason: 'damaged' })
    expect(damaged).toEqual(checkIntegrity(files.damaged))

    expect(await checkIntegrityAside(files.foreign)).toEqual({
      ok: false,
      reason: 'not-ours',
      problem: 'It is not a Turnaround Desk database.',
    })

    const unreadable = await checkIntegrityAside(files.noDatabase)
    expect(unreadable).toEqual({ ok: false, reason: 'damaged', problem: 'file is not a database' })
    expect(unreadable).toEqual(checkIntegrity(files.noDatabase))
  })

  it('runs the full check when asked, as the check on main’s thread does', async () => {
    expect(await checkIntegrityAside(files.sound, { full: true })).toEqual({ ok: true })
    const damaged = await checkIntegrityAside(files.damaged, { full: true })
    expect(damaged).toMatchObject({ ok: false, reason: 'damaged' })
    expect(damaged).toEqual(checkIntegrity(files.damaged, { full: true }))
  })

  it('leaves main’s thread free while it reads: a timer due at once fires before the answer', async () => {
    const order: string[] = []
    setTimeout(() => order.push('timer'), 0)
    await checkIntegrityAside(files.sound).then(() => order.push('answer'))
    expect(order).toEqual(['timer', 'answer'])

    // The check on main's thread, for contrast: its answer comes before any timer can fire.
    order.length = 0
    setTimeout(() => order.push('timer'), 0)
    await Promise.resolve(checkIntegrity(files.sound)).then(() => order.push('answer'))
    expect(order).toEqual(['answer'])
    await new Promise((resolve) => setTimeout(resolve, 5))
    expect(order).toEqual(['answer', 'timer'])
  })

  it('before opening, checks a large file on a thread and a small one on main’s thread, with the same answers', async () => {
    /** Whether a timer due at once fired before the answer: it can only when the check ran elsewhere. */
    const ranAside = async (check: () => Promise<unknown>) => {
      const order: string[] = []
      setTimeout(() => order.push('timer'), 0)
      await check().then(() => order.push('answer'))
      return order[0] === 'timer'
    }
    expect(fs.statSync(files.sound).size).toBeLessThan(ASIDE_FROM_BYTES)
    expect(await ranAside(() => checkBeforeOpening(files.sound))).toBe(false)
    const size = fs.statSync(files.sound).size
    expect(await ranAside(() => checkBeforeOpening(files.sound, {}, size))).toBe(true)
    expect(await checkBeforeOpening(files.sound, {}, size)).toEqual({ ok: true })
    expect(await checkBeforeOpening(files.damaged, {}, size)).toEqual(checkIntegrity(files.damaged))
    expect(await checkBeforeOpening(files.damaged)).toEqual(checkIntegrity(files.damaged))
  })

  it('checks on main’s thread when the thread cannot, and says why: the check is never skipped', async () => {
    const failures: unknown[] = []
    const onThreadFailure = (error: unknown) => failures.push(error)
    // No better-sqlite3 for the thread at all.
    const missing = path.join(newDir(), 'no-such-module.js')
    expect(await checkIntegrityAside(files.sound, { module: missing, onThreadFailure })).toEqual({ ok: true })
    const damaged = await checkIntegrityAside(files.damaged, { module: missing, onThreadFailure })
    expect(damaged).toMatchObject({ ok: false, reason: 'damaged' })
    expect(damaged).toEqual(checkIntegrity(files.damaged))
    expect(failures).toHaveLength(2)
    expect(String(failures[0])).toContain('no-such-module')

    // Its native part failing to load on the thread, as a packaged app's could: not a verdict on the file.
    const broken = path.join(newDir(), 'broken-sqlite.js')
    fs.writeFileSync(
      broken,
      `module.exports = class { constructor() { const e = new Error('Module did not self-register'); e.code = 'ERR_DLOPEN_FAILED'; throw e } }\n`,
    )
    failures.length = 0
    expect(await checkIntegrityAside(files.sound, { module: broken, onThreadFailure })).toEqual({ ok: true })
    expect(await checkIntegrityAside(files.foreign, { module: broken, onThreadFailure })).toMatchObject({
      reason: 'not-ours',
    })
    expect(failures.map(String)).toEqual(['Error: Module did not self-register', 'Error: Module did not self-register'])
  })
})
