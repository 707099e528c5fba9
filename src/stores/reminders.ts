import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { Input } from '../../electron/shared/contract'
import type { RemindersView } from '../../electron/shared/reminders/models'
import type { CalendarItemKind } from '../../electron/shared/reminders/schemas'
import { api } from '../api'

/** The reminder settings, the calendar feed, snoozing a follow-up and Add to calendar. */
export const useRemindersStore = defineStore('reminders', () => {
  const view = ref<RemindersView | null>(null)

  async function fetch(): Promise<RemindersView> {
    view.value = await api.reminders.get()
    return view.value
  }

  async function shown(change: Promise<RemindersView>): Promise<RemindersView> {
    view.value = await change
    return view.value
  }

  const save = (input: Input<'reminders:save'>) => shown(api.reminders.save(input))
  /** The first start's question, answered once. */
  const answerAsk = (remind: boolean) => shown(api.reminders.answerAsk({ remind }))
  const chooseFeedFolder = () => shown(api.calendar.chooseFeedFolder())
  const stopFeed = () => shown(api.calendar.stopFeed())

  /** Puts a follow-up off to a later day; the Today list is fetched again by the caller. */
  const snooze = (turnaroundId: number, until: string) => api.followUps.snooze({ turnaroundId, until })
  /** Writes one thing as an .ics file where the owner chooses; null when cancelled. */
  async function addToCalendar(kind: CalendarItemKind, id: number): Promise<string | null> {
    return (await api.calendar.add({ kind, id })).file
  }

  return { view, fetch, save, answerAsk, chooseFeedFolder, stopFeed, snooze, addToCalendar }
})
