/**
 * The app's presence with fakes for every port (notifications, tray, badge, login items, waking,
 * timers) over the real reminders service on a real database: the loop notifies what is due once,
 * a click opens the place to act, the tray shows today's count and the next few items, waking
 * from sleep checks at once without a storm, and the settings reach the login items and closing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  REMINDER_CHECK_EVERY_MS,
  startPresence,
  type PresencePorts,
  type TrayPort,
} from '../../electron/main/desk-presence'
import { TRAY_ITEMS, trayMenuTemplate, type TrayMenuItem } from '../../electron/main/tray-menu'
import type { Envelope } from '../../electron/shared/envelope'
import type { DueThing } from '../../electron/shared/reminders/schedule'
import { VALID_INPUTS } from '../support/valid-inputs'
import { openTestApp, type TestApp } from '../support/temp-db'

function fakePorts() {
  const notes: Array<{ title: string; body: string; click: () => void }> = []
  const trays: Array<{ menu: TrayMenuItem[]; tip: string }> = []
  const badge: number[] = []
  const login: boolean[] = []
  const wake: Array<() => void> = []
  const intervals: Array<{ cb: () => void; ms: number; cleared: boolean }> = []
  let withTray = true
  const tray: TrayPort = {
    setMenu: (menu) => void trays.push({ menu, tip: trays.at(-1)?.tip ?? '' }),
    setToolTip: (tip) => void trays.push({ menu: trays.at(-1)?.menu ?? [], tip }),
  }
  const ports: PresencePorts = {
    notify: (n, click) => void notes.push({ ...n, click }),
    createTray: () => (withTray ? tray : null),
    setBadgeCount: (n) => void badge.push(n),
    setOpenAtLogin: (v) => void login.push(v),
    onWake: (l) => void wake.push(l),
    timers: {
      setInterval: (cb, ms) => {
        const h = { cb, ms, cleared: false, unref: () => {} }
        intervals.push(h)
        return h
      },
      clearInterval: (h) => void ((h as unknown as { cleared: boolean }).cleared = true),
    },
  }
  return {
    ports,
    notes,
    trays,
    badge,
    login,
    wake,
    intervals,
    noTray: () => void (withTray = false),
  }
}

let clock = new Date('2026-10-22T08:00:00Z')
let app: TestApp | null = null
beforeEach(() => void (clock = new Date('2026-10-22T08:00:00Z')))
afterEach(async () => {
  await app?.close()
  app = null
})

async function ok<T>(channel: string, input?: unknown): Promise<T> {
  const e = (await app?.call(channel, input)) as Envelope<T>
  if (!e.ok) throw new Error(e.error.message)
  return e.data
}

async function seeded(): Promise<TestApp> {
  app = await openTestApp(undefined, () => clock)
  app.ports.timeZone = () => 'Europe/London'
  await ok('profile:save', VALID_INPUTS['profile:save'])
  for (const name of ['Alder Bakery', 'Birch Architects']) {
    await ok('clients:create', { name })
  }
  for (const clientId of [1, 2])
    await ok('turnarounds:open', { clientId, openedOn: '2026-10-20', firstHeardBy: 'Ada', channel: 'call' })
  return app
}

async function presenceOn(a: TestApp, fake: ReturnType<typeof fakePorts>, opened: string[], quits: number[] = []) {
  return startPresence(
    {
      now: () => clock,
      check: (now) => a.services.reminders.check(now),
      dueNow: (now) => a.services.reminders.dueNow(now),
      settings: () => a.services.reminders.settings(),
      runQueued: (task) => a.queue.run(task),
      open: (target) => void opened.push(target),
      quit: () => void quits.push(1),
      logError: (where, error) => {
        throw new Error(`${where}: ${String(error)}`)
      },
    },
    fake.ports,
  )
}

describe('the reminder loop', () => {
  it('checks at start, every minute and on waking; notifies once; a click opens the place to act', async () => {
    clock = new Date('2026-10-21T08:00:00Z')
    const a = await seeded()
    const fake = fakePorts()
    const opened: string[] = []
    const presence = await presenceOn(a, fake, opened)
    await presence.tick()
    expect(fake.intervals.map((i) => i.ms)).toEqual([REMINDER_CHECK_EVERY_MS])
    expect(fake.wake).toHaveLength(1)
    expect(fake.notes).toEqual([]) // nothing due on the 21st (follow-up every 2 days from the 20th)
    expect(fake.badge.at(-1)).toBe(0)

    clock = new Date('2026-10-22T08:00:00Z')
    fake.intervals[0]?.cb()
    await a.queue.run(async () => {})
    await vi_waitFor(() => fake.notes.length === 1)
    expect(fake.notes.map((n) => [n.title, n.body])).toEqual([
      ['2 follow-ups due today', 'Alder Bakery and Birch Architects'],
    ])
    fake.notes[0]?.click()
    expect(opened).toEqual(['/today'])
    expect(fake.badge.at(-1)).toBe(2)

    // The computer wakes the next minute, and again after a long sleep: today's only, once.
    fake.wake[0]?.()
    await presence.tick()
    expect(fake.notes).toHaveLength(1)
    clock = new Date('2026-10-27T07:30:00Z')
    fake.wake[0]?.()
    await a.queue.run(async () => {})
    await vi_waitFor(() => fake.notes.length === 2)
    await presence.tick()
    expect(fake.notes).toHaveLength(2)
    expect(fake.notes[1]?.title).toBe('2 follow-ups due today')

    presence.stop()
    expect(fake.intervals[0]?.cleared).toBe(true)
    expect(await presence.tick()).toBeNull()
  })

  it('a single thing lands on its turnaround’s tab; the tray lists today’s count, the items, Open and Quit', async () => {
    const a = await seeded()
    await ok('follow-ups:snooze', { turnaroundId: 2, until: '2026-10-30' })
    const fake = fakePorts()
    const opened: string[] = []
    const quits: number[] = []
    const presence = await presenceOn(a, fake, opened, quits)
    await presence.tick()
    expect(fake.notes.map((n) => [n.title, n.body])).toEqual([['Follow-up due', 'Alder Bakery: follow-up due today']])
    fake.notes[0]?.click()
    expect(opened).toEqual(['/turnarounds/1?tab=touchpoints'])

    const { menu, tip } = fake.trays.at(-1) as { menu: TrayMenuItem[]; tip: string }
    expect(tip).toBe('Turnaround Desk: 1 thing due today')
    expect(menu.map((i) => i.label ?? i.type)).toEqual([
      '1 thing due today',
      'Follow-up due: Alder Bakery',
      'separator',
      'Open Turnaround Desk',
      'Quit',
    ])
    menu[1]?.click?.()
    menu[3]?.click?.()
    menu[4]?.click?.()
    expect(opened.slice(1)).toEqual(['/turnarounds/1?tab=touchpoints', '/today'])
    expect(quits).toEqual([1])

    // A change to the data (a touchpoint logged) brings the tray and the badge up to date.
    await ok('touchpoints:save', {
      clientId: 1,
      turnaroundId: 1,
      touchpoint: { kind: 'call', occurredOn: '2026-10-22', who: 'Ada', minutes: 10 },
    })
    await presence.refresh()
    expect(fake.trays.at(-1)?.tip).toBe('Turnaround Desk: nothing due today')
    expect(fake.badge.at(-1)).toBe(0)
  })

  it('applies start at login and close-to-tray from the settings; without a tray closing quits', async () => {
    const a = await seeded()
    const fake = fakePorts()
    const presence = await presenceOn(a, fake, [])
    expect(fake.login).toEqual([false])
    expect(presence.keepsRunningWhenClosed()).toBe(true)
    presence.apply({ ...(await a.services.reminders.settings()), startAtLogin: true, closeToTray: false })
    expect(fake.login).toEqual([false, true])
    expect(presence.keepsRunningWhenClosed()).toBe(false)

    const bare = fakePorts()
    bare.noTray()
    const noTray = await presenceOn(a, bare, [])
    expect(noTray.keepsRunningWhenClosed()).toBe(false)
    await noTray.tick()
    expect(bare.badge.at(-1)).toBe(2)
  })

  it('quiet hours hold notifications, but the tray still counts', async () => {
    const a = await seeded()
    await ok('reminders:save', { ...VALID_INPUTS['reminders:save'], quietFrom: '08:00', quietTo: '10:00' })
    const fake = fakePorts()
    const presence = await presenceOn(a, fake, []) // 09:00 BST
    await presence.tick()
    expect(fake.notes).toEqual([])
    expect(fake.badge.at(-1)).toBe(2)
    clock = new Date('2026-10-22T09:00:00Z') // 10:00 BST
    await presence.tick()
    expect(fake.notes.map((n) => n.title)).toEqual(['2 follow-ups due today'])
  })
})

describe('the tray menu', () => {
  it('lists at most a few items, then how many more are on Today', () => {
    const due: DueThing[] = Array.from({ length: TRAY_ITEMS + 2 }, (_, i) => ({
      kind: i % 2 ? 'commitment_overdue' : 'check_in',
      key: `k${i}`,
      turnaroundId: i + 1,
      clientName: `Client ${i + 1}`,
      text: '',
      dueOn: '2026-10-22',
    }))
    const opened: string[] = []
    const menu = trayMenuTemplate(due, { open: (t) => void opened.push(t), quit: () => {} })
    expect(menu[0]).toEqual({ label: '7 things due today', enabled: false })
    expect(menu.slice(1, 3).map((i) => i.label)).toEqual(['Check-in due: Client 1', 'Commitment overdue: Client 2'])
    expect(menu[TRAY_ITEMS + 1]?.label).toBe('and 2 more on Today')
    menu[1]?.click?.()
    menu[2]?.click?.()
    menu[TRAY_ITEMS + 1]?.click?.()
    expect(opened).toEqual(['/turnarounds/1', '/turnarounds/2?tab=commitments', '/today'])
  })
})

describe('a client’s name in the tray menu', () => {
  it('shows an ampersand as typed rather than as a keyboard mnemonic', () => {
    const due: DueThing[] = [
      {
        kind: 'follow_up',
        key: 'k',
        turnaroundId: 3,
        clientName: 'Smith & Sons',
        text: '',
        dueOn: '2026-10-22',
      },
    ]
    const menu = trayMenuTemplate(due, { open: () => {}, quit: () => {} })
    expect(menu[1]?.label).toBe('Follow-up due: Smith && Sons')
  })
})

async function vi_waitFor(done: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !done(); i++) await new Promise((r) => setTimeout(r, 10))
}
