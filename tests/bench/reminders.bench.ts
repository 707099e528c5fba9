/**
 * Reminders and the calendar feed with 2,000 clients, 1,700 open turnarounds, 300 check-ins due and
 * 5,000 open commitments: the minute's reminder check when nothing is new (what runs all day), the
 * first check of a day (everything due notified and stored), the tray's count, and the whole feed
 * written again (what follows each change). A benchmark, not a test: it asserts nothing about time.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, it } from 'vitest'
import { CommitmentEntity, TurnaroundEntity } from '../../electron/main/db/entities'
import { FEED_FILE_NAME } from '../../electron/main/features/calendar'
import { addDays } from '../../electron/shared/dates'
import { VALID_INPUTS } from '../support/valid-inputs'
import { openTestApp, tempDir, type TestApp } from '../support/temp-db'
import { median, record, sample } from './measure'
import { prng, seedClients } from './seed'

const CLIENTS = 2000
const OPEN = 1700
const CHECK_INS = 300
const COMMITMENTS = 5000
const DAY = '2026-11-22'
const STAMP = '2026-11-01T09:00:00.000Z'
const RUNS = 20

let clock = new Date(`${DAY}T09:00:00Z`)
let app: TestApp

beforeAll(async () => {
  app = await openTestApp(tempDir('turnaround-bench-reminders-'), () => clock)
  app.ports.timeZone = () => 'Europe/London'
  await app.call('profile:save', VALID_INPUTS['profile:save'])
  await seedClients(app.db.dataSource, CLIENTS)
  const random = prng(14)
  const spread = (days: number) => addDays(DAY, Math.floor(random() * days * 2) - days)
  await app.db.dataSource.transaction(async (m) => {
    const turnarounds = Array.from({ length: OPEN + CHECK_INS }, (_, i) => {
      const open = i < OPEN
      return {
        id: i + 1,
        clientId: i + 1,
        openedOn: '2026-09-01',
        owner: 'Ada',
        firstHeardBy: 'Ada',
        channel: 'call' as const,
        followUpEveryDays: 2,
        nextFollowUpOn: open ? spread(10) : null,
        closedOn: open ? null : '2026-08-20',
        outcome: open ? null : ('recovered' as const),
        checkInDueOn: open ? null : spread(20),
        stage: open ? ('in_progress' as const) : ('closed_recovered' as const),
        createdAt: STAMP,
        updatedAt: STAMP,
      }
    })
    for (let i = 0; i < turnarounds.length; i += 500) await m.insert(TurnaroundEntity, turnarounds.slice(i, i + 500))
    const commitments = Array.from({ length: COMMITMENTS }, (_, i) => {
      const dueOn = spread(30)
      return {
        turnaroundId: (i % OPEN) + 1,
        party: i % 3 === 0 ? ('client' as const) : ('us' as const),
        description: `Commitment ${i + 1}`,
        dueOn,
        originalDueOn: dueOn,
        status: 'open' as const,
        createdAt: STAMP,
        updatedAt: STAMP,
      }
    })
    for (let i = 0; i < commitments.length; i += 500) await m.insert(CommitmentEntity, commitments.slice(i, i + 500))
  })
})

afterAll(async () => {
  await app.close()
})

describe('reminders and the calendar feed', () => {
  it('measures the reminder check, the tray count and the feed', async () => {
    let day = 0
    const first = await sample(RUNS, async () => {
      clock = new Date(`${addDays(DAY, day++)}T09:00:00Z`)
      const s = await app.services.reminders.check(clock)
      if (!s?.notifications.length) throw new Error('the first check of a day notified nothing')
    })
    record({
      name: 'reminders: first check of a day (all due notified, stored)',
      unit: 'ms',
      median: median(first),
      runs: RUNS,
    })

    const again = await sample(RUNS, async () => {
      const s = await app.services.reminders.check(clock)
      if (s?.notifications.length) throw new Error('a second check notified again')
    })
    record({ name: 'reminders: the minute’s check, nothing new', unit: 'ms', median: median(again), runs: RUNS })

    const tray = await sample(RUNS, () => app.services.reminders.dueNow(clock))
    record({ name: 'reminders: the tray’s count and items', unit: 'ms', median: median(tray), runs: RUNS })

    const folder = tempDir('turnaround-bench-feed-')
    app.ports.chooseFolder = async () => folder
    const state = await app.services.calendar.chooseFeedFolder()
    const feed = await sample(RUNS, () => app.services.calendar.refreshFeed())
    const bytes = fs.statSync(path.join(folder, FEED_FILE_NAME)).size
    record({
      name: `calendar feed: ${state.events} events written again (${Math.round(bytes / 1024)} KB)`,
      unit: 'ms',
      median: median(feed),
      runs: RUNS,
    })

    // A save with the feed on answers before the feed is written (it follows in its own turn).
    const save = await sample(RUNS, async (run) => {
      const answer = (await app.call('commitments:save', {
        turnaroundId: 1,
        commitment: { party: 'us', description: `Bench ${run}`, dueOn: addDays(DAY, 3) },
      })) as { ok: boolean }
      if (!answer.ok) throw new Error('the save was refused')
    })
    await app.services.calendar.settled()
    record({ name: 'a commitment saved with the feed on (answer)', unit: 'ms', median: median(save), runs: RUNS })
  })
})
