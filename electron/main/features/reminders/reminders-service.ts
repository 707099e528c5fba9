import { In, type EntityManager } from 'typeorm'
import { ReminderSentEntity } from '../../db/entities'
import { timestamp } from '../../db/dialect'
import { localIsoDate } from '../../../shared/dates'
import type { CalendarFeedState, ReminderSettings, RemindersView } from '../../../shared/reminders/models'
import { dueToday, reminderSchedule, type ReminderSources, type Schedule } from '../../../shared/reminders/schedule'
import { wallClock } from '../../../shared/reminders/local-clock'
import type { ReminderAskAnswer, ReminderSettingsInput } from '../../../shared/reminders/schemas'
import type { PlannerSettings, TodayData } from '../../../shared/turnarounds/models'
import { REMINDER_KINDS } from '../../../shared/reminders/words'
import type { z } from 'zod'
import { setKinds, settingsRow, toSettings } from './reminder-settings'

export interface RemindersDeps {
  manager: EntityManager
  now: () => Date
  /** The owner's IANA time zone; the computer's when not given. */
  timeZone?: () => string
  /** Whether the business is set up yet: no reminders before it is. */
  hasProfile: () => Promise<boolean>
  plannerSettings: () => Promise<PlannerSettings>
  /** What the Today page lists on a day (the planner's query). */
  today: (m: EntityManager, day: string, warningDays: number) => Promise<TodayData>
  /** The calendar feed's state, shown with the settings. */
  feedState: () => CalendarFeedState
  /** Told after the settings change (start at login is applied by the glue). */
  settingsChanged?: (settings: ReminderSettings) => void
}

/** The reminder settings, and the check that says what to notify now and remembers it was notified. */
export class RemindersService {
  constructor(private readonly deps: RemindersDeps) {}

  async settings(): Promise<ReminderSettings> {
    return toSettings(await settingsRow(this.deps.manager, this.deps.now()))
  }

  async view(): Promise<RemindersView> {
    return { settings: await this.settings(), feed: this.deps.feedState() }
  }

  async save(input: z.output<typeof ReminderSettingsInput>): Promise<RemindersView> {
    const settings = await this.deps.manager.transaction(async (m) => {
      const row = await settingsRow(m, this.deps.now())
      setKinds(row, input.kinds)
      Object.assign(row, {
        quietFrom: input.quietFrom,
        quietTo: input.quietTo,
        closeToTray: input.closeToTray,
        startAtLogin: input.startAtLogin,
        updatedAt: timestamp(this.deps.now()),
      })
      return toSettings(await m.save(row))
    })
    this.deps.settingsChanged?.(settings)
    return this.view()
  }

  /** The first start's one question: keep reminders on, or turn every kind off. Asked once. */
  async answerAsk({ remind }: z.output<typeof ReminderAskAnswer>): Promise<RemindersView> {
    await this.deps.manager.transaction(async (m) => {
      const row = await settingsRow(m, this.deps.now())
      if (!remind) setKinds(row, Object.fromEntries(REMINDER_KINDS.map((k) => [k, false])) as never)
      row.askedOn = localIsoDate(this.deps.now())
      row.updatedAt = timestamp(this.deps.now())
      await m.save(row)
    })
    return this.view()
  }

  /** Folder of the calendar feed (stored with the settings). */
  async feedFolder(): Promise<string | null> {
    return (await settingsRow(this.deps.manager, this.deps.now())).feedFolder
  }

  async setFeedFolder(folder: string | null): Promise<void> {
    await this.deps.manager.transaction(async (m) => {
      const row = await settingsRow(m, this.deps.now())
      row.feedFolder = folder
      row.updatedAt = timestamp(this.deps.now())
      await m.save(row)
    })
  }

  /**
   * What needs the owner now and what to notify: runs the schedule on the data and the clock, and
   * stores what it notifies in the same step, so neither the next minute nor a restart repeats it.
   */
  async check(now: Date = this.deps.now()): Promise<Schedule | null> {
    if (!(await this.deps.hasProfile())) return null
    const { warningWindowDays } = await this.deps.plannerSettings()
    const timeZone = this.deps.timeZone?.()
    const day = wallClock(now, timeZone).day
    return this.deps.manager.transaction(async (m) => {
      const settings = toSettings(await settingsRow(m, now))
      const sources = await this.sources(m, day, warningWindowDays)
      const keys = dueToday(sources, day, warningWindowDays).map((d) => d.key)
      const sent = keys.length
        ? await m.find(ReminderSentEntity, { where: { key: In(keys) }, select: { key: true } })
        : []
      const schedule = reminderSchedule({
        sources,
        prefs: settings,
        warningDays: warningWindowDays,
        now,
        timeZone,
        notified: new Set(sent.map((s) => s.key)),
      })
      const fresh = schedule.notifications.flatMap((n) => n.keys)
      if (fresh.length)
        await m.insert(
          ReminderSentEntity,
          fresh.map((key) => ({ key, sentOn: schedule.day, sentAt: timestamp(now) })),
        )
      return schedule
    })
  }

  /** What is due on the owner's day now, without notifying: the tray's count and list. */
  async dueNow(now: Date = this.deps.now()): Promise<Schedule['due']> {
    if (!(await this.deps.hasProfile())) return []
    const { warningWindowDays } = await this.deps.plannerSettings()
    const day = wallClock(now, this.deps.timeZone?.()).day
    return dueToday(await this.sources(this.deps.manager, day, warningWindowDays), day, warningWindowDays)
  }

  private async sources(m: EntityManager, day: string, warningDays: number): Promise<ReminderSources> {
    const t = await this.deps.today(m, day, warningDays)
    return {
      followUps: t.followUps.map((f) => ({
        turnaroundId: f.turnaroundId,
        clientName: f.clientName,
        dueOn: f.nextFollowUpOn,
      })),
      commitments: t.commitments,
      clientParts: t.clientParts,
      checkIns: t.checkIns.map((c) => ({
        turnaroundId: c.turnaroundId,
        clientName: c.clientName,
        dueOn: c.checkInDueOn,
      })),
    }
  }
}
