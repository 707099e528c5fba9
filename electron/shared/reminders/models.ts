/** What the reminders and the calendar feed send to the renderer. */
import { REMINDER_KINDS, type ReminderKind } from './words'

export interface ReminderSettings {
  /** Which kinds notify. */
  kinds: Record<ReminderKind, boolean>
  /** Quiet hours, "HH:MM"; none when either is null. */
  quietFrom: string | null
  quietTo: string | null
  /** Closing the window keeps the app in the tray (the menu bar on macOS) so reminders still come. */
  closeToTray: boolean
  /** The app starts when the owner logs in. */
  startAtLogin: boolean
  /** When the owner answered the one question at first start; null until then. */
  askedOn: string | null
}

/** Before the owner saves any: every kind on, closing keeps the app in the tray, not started at login. */
export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = {
  kinds: Object.fromEntries(REMINDER_KINDS.map((k) => [k, true])) as Record<ReminderKind, boolean>,
  quietFrom: null,
  quietTo: null,
  closeToTray: true,
  startAtLogin: false,
  askedOn: null,
}

export interface CalendarFeedState {
  /** The folder the feed is kept in, or null when there is no feed. */
  folder: string | null
  /** The feed file inside it. */
  file: string | null
  /** When it was last written (ISO instant). */
  writtenAt: string | null
  /** Why the last write failed, in plain words; null when it worked. */
  problem: string | null
  /** Events in the feed at the last write. */
  events: number
}

export interface RemindersView {
  settings: ReminderSettings
  feed: CalendarFeedState
}

export interface SnoozeResult {
  turnaroundId: number
  nextFollowUpOn: string
}

export interface AddToCalendarResult {
  /** Where the .ics file was saved, or null when the owner cancelled. */
  file: string | null
}
