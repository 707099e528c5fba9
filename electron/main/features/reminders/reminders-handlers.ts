import type { HandlersOf } from '../../../shared/contract-kit'
import type { remindersContract } from '../../../shared/reminders/contract'
import type { CalendarItemKind } from '../../../shared/reminders/schemas'
import type { RemindersService } from './reminders-service'

/** What the reminder channels need besides the reminders: the calendar and the follow-up snooze. */
export interface ReminderHandlerDeps {
  reminders: RemindersService
  calendar: {
    addToCalendar: (kind: CalendarItemKind, id: number) => Promise<{ file: string | null }>
    chooseFeedFolder: () => Promise<unknown>
    stopFeed: () => Promise<unknown>
  }
  snooze: (turnaroundId: number, until: string) => Promise<{ turnaroundId: number; nextFollowUpOn: string }>
}

export function createReminderHandlers(d: ReminderHandlerDeps): HandlersOf<typeof remindersContract> {
  return {
    'reminders:get': () => d.reminders.view(),
    'reminders:save': (input) => d.reminders.save(input),
    'reminders:answer-ask': (input) => d.reminders.answerAsk(input),
    'follow-ups:snooze': ({ turnaroundId, until }) => d.snooze(turnaroundId, until),
    'calendar:add': ({ kind, id }) => d.calendar.addToCalendar(kind, id),
    'calendar:choose-feed-folder': async () => {
      await d.calendar.chooseFeedFolder()
      return d.reminders.view()
    },
    'calendar:stop-feed': async () => {
      await d.calendar.stopFeed()
      return d.reminders.view()
    },
  }
}
