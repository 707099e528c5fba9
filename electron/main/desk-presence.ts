/**
 * The app's presence while it runs, also minimised or closed to the tray: the reminder loop (every
 * minute and when the computer wakes, what is due now is checked and notified once), the tray and
 * the badge with today's count, start at login, and whether closing the window keeps the app
 * running. Electron's Notification, Tray, badge, login items and power events are ports, so all of
 * it runs under test with fakes; index.ts supplies the real ones.
 */
import type { DueThing, Schedule } from '../shared/reminders/schedule'
import type { ReminderSettings } from '../shared/reminders/models'
import { trayMenuTemplate, trayToolTip, type TrayMenuItem } from './tray-menu'

/** How often the schedule is checked while the app runs. */
export const REMINDER_CHECK_EVERY_MS = 60 * 1000

export interface TrayPort {
  setMenu(items: TrayMenuItem[]): void
  setToolTip(text: string): void
}

export interface PresencePorts {
  /** Shows an OS notification; `onClick` runs when the owner clicks it. */
  notify(notification: { title: string; body: string }, onClick: () => void): void
  /** Creates the tray icon; null where the platform has none. */
  createTray(): TrayPort | null
  /** The app icon's badge (a no-op where the platform has none). */
  setBadgeCount(count: number): void
  setOpenAtLogin(open: boolean): void
  /** Calls back when the computer wakes or the screen is unlocked. */
  onWake(listener: () => void): void
  timers: {
    setInterval: (callback: () => void, ms: number) => { unref?: () => void }
    clearInterval: (handle: never) => void
  }
}

export interface PresenceDeps {
  now: () => Date
  /** The schedule now, with what it notifies stored (RemindersService.check). */
  check: (now: Date) => Promise<Schedule | null>
  /** What is due now, without notifying (RemindersService.dueNow). */
  dueNow: (now: Date) => Promise<DueThing[]>
  settings: () => Promise<ReminderSettings>
  /** Runs a task in the request queue, so it never lands inside another request's transaction. */
  runQueued: <T>(task: () => Promise<T>) => Promise<T>
  /** Shows the window and sends the renderer to a path of its router. */
  open: (target: string) => void
  quit: () => void
  logError: (where: string, error: unknown) => void
}

export interface Presence {
  /** Checks the schedule now: notifies what is new, updates the tray and the badge. */
  tick(now?: Date): Promise<Schedule | null>
  /** Updates the tray and the badge only (after a change to the data). */
  refresh(): Promise<void>
  /** Applies settings that live outside the app (start at login) and remembers close-to-tray. */
  apply(settings: ReminderSettings): void
  /** Whether closing the window should keep the app running in the tray. */
  keepsRunningWhenClosed(): boolean
  stop(): void
}

export async function startPresence(deps: PresenceDeps, ports: PresencePorts): Promise<Presence> {
  const tray = ports.createTray()
  let closeToTray = true
  let stopped = false

  const show = (due: readonly DueThing[]) => {
    ports.setBadgeCount(due.length)
    if (!tray) return
    tray.setToolTip(trayToolTip(due.length))
    tray.setMenu(trayMenuTemplate(due, { open: deps.open, quit: deps.quit }))
  }

  const tick = async (now: Date = deps.now()): Promise<Schedule | null> => {
    if (stopped) return null
    try {
      const schedule = await deps.runQueued(() => deps.check(now))
      if (!schedule) return null
      for (const n of schedule.notifications) ports.notify({ title: n.title, body: n.body }, () => deps.open(n.target))
      show(schedule.due)
      return schedule
    } catch (error) {
      deps.logError('reminders', error)
      return null
    }
  }

  const refresh = async () => {
    if (stopped) return
    try {
      show(await deps.runQueued(() => deps.dueNow(deps.now())))
    } catch (error) {
      deps.logError('tray', error)
    }
  }

  const apply = (settings: ReminderSettings) => {
    closeToTray = settings.closeToTray
    ports.setOpenAtLogin(settings.startAtLogin)
  }

  try {
    apply(await deps.runQueued(() => deps.settings()))
  } catch (error) {
    deps.logError('reminder settings', error)
  }
  const handle = ports.timers.setInterval(() => void tick(), REMINDER_CHECK_EVERY_MS)
  handle.unref?.()
  // After sleep the clock has jumped: check at once (the schedule shows today's, once).
  ports.onWake(() => void tick())
  void tick()

  return {
    tick,
    refresh,
    apply,
    keepsRunningWhenClosed: () => closeToTray && tray !== null,
    stop: () => {
      stopped = true
      ports.timers.clearInterval(handle as never)
    },
  }
}
