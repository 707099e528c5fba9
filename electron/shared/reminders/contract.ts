/** The reminders' and the calendar's channels: settings, snoozing a follow-up, .ics files and the feed. */
import { NoInput } from '../schemas'
import { returns, route } from '../contract-kit'
import type { AddToCalendarResult, RemindersView, SnoozeResult } from './models'
import * as R from './schemas'

const view = returns<RemindersView>()

export const remindersContract = {
  'reminders:get': route(NoInput, view),
  'reminders:save': route(R.ReminderSettingsInput, view),
  'reminders:answer-ask': route(R.ReminderAskAnswer, view),
  'follow-ups:snooze': route(R.SnoozeInput, returns<SnoozeResult>()),
  'calendar:add': route(R.AddToCalendarInput, returns<AddToCalendarResult>()),
  'calendar:choose-feed-folder': route(NoInput, view),
  'calendar:stop-feed': route(NoInput, view),
}
