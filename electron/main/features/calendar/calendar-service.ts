import fs from 'node:fs'
import path from 'node:path'
import type { EntityManager } from 'typeorm'
import { whyNotWritten, writeFileAtomically } from '../../durable-file'
import { DomainError } from '../../domain-error'
import type { ChooseSavePath } from '../../ports'
import { UNSAFE_FILE_NAME_CHARACTERS } from '../../file-names'
import type { CalendarFeedState } from '../../../shared/reminders/models'
import type { CalendarItemKind } from '../../../shared/reminders/schemas'
import { allCalendarItems, oneCalendarItem } from './calendar-items'
import { buildCalendar } from './ics'

/** The feed's file name inside the folder the owner chose. */
export const FEED_FILE_NAME = 'Turnaround Desk.ics'

export interface CalendarDeps {
  manager: EntityManager
  now: () => Date
  /** The owner's IANA time zone. */
  timeZone: () => string
  chooseSavePath: ChooseSavePath
  /** The native folder dialog: the chosen folder, or null when cancelled. */
  chooseFolder: (title: string) => Promise<string | null>
  /** Where the feed is kept (stored with the reminder settings). */
  feedFolder: () => Promise<string | null>
  setFeedFolder: (folder: string | null) => Promise<void>
  logError?: (where: string, error: unknown) => void
}

/** "Add to calendar" files and the calendar feed kept up to date in a folder the owner chose. */
export class CalendarService {
  private feed: CalendarFeedState = { folder: null, file: null, writtenAt: null, problem: null, events: 0 }
  /** A refresh is asked for and has not started yet: further changes ride on it. */
  private waiting = false
  private latest: Promise<unknown> = Promise.resolve()

  constructor(private readonly deps: CalendarDeps) {}

  state(): CalendarFeedState {
    return { ...this.feed }
  }

  private ics(items: Parameters<typeof buildCalendar>[0], name: string): string {
    return buildCalendar(items, { name, timeZone: this.deps.timeZone(), now: this.deps.now() })
  }

  /** One commitment, follow-up or check-in as an .ics file (with an alarm), saved where the owner says. */
  async addToCalendar(kind: CalendarItemKind, id: number): Promise<{ file: string | null }> {
    const item = await oneCalendarItem(this.deps.manager, kind, id)
    const name = `${item.summary.replace(UNSAFE_FILE_NAME_CHARACTERS, '').slice(0, 80).trim() || 'Turnaround Desk'} ${item.on}.ics`
    const file = await this.deps.chooseSavePath({
      title: 'Add to calendar',
      defaultPath: name,
      filters: [{ name: 'Calendar event', extensions: ['ics'] }],
    })
    if (!file) return { file: null }
    try {
      await writeFileAtomically(file, this.ics([item], item.summary))
    } catch (error) {
      this.deps.logError?.('calendar:add', error)
      throw new DomainError(
        'VALIDATION',
        `The calendar file could not be saved there: ${whyNotWritten(error)}. Choose another place.`,
      )
    }
    return { file }
  }

  /**
   * Writes the feed again from the data: every open commitment, follow-up and check-in. Never
   * throws: a folder that cannot be written is reported in the state, and everything else goes on.
   */
  async refreshFeed(): Promise<CalendarFeedState> {
    const folder = await this.deps.feedFolder()
    if (!folder) {
      this.feed = { folder: null, file: null, writtenAt: null, problem: null, events: 0 }
      return this.state()
    }
    const file = path.join(folder, FEED_FILE_NAME)
    try {
      const items = await allCalendarItems(this.deps.manager)
      if (!fs.statSync(folder).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' })
      await writeFileAtomically(file, this.ics(items, 'Turnaround Desk'))
      this.feed = { folder, file, writtenAt: this.deps.now().toISOString(), problem: null, events: items.length }
    } catch (error) {
      this.deps.logError?.('calendar feed', error)
      this.feed = {
        ...this.feed,
        folder,
        file,
        problem: `The calendar feed could not be written to ${folder}: ${whyNotWritten(error)}. Choose another folder, or check this one.`,
      }
    }
    return this.state()
  }

  /**
   * Writes the feed again after the request that changed the data has answered, in a turn of the
   * queue of its own (`runQueued`), so a save never waits for the file. Many changes in a row
   * make one write. `then` runs after it (the tray recounts).
   */
  requestRefresh(runQueued: <T>(task: () => Promise<T>) => Promise<T>, then?: () => void): void {
    if (this.waiting) return
    this.waiting = true
    this.latest = new Promise((resolve) => setTimeout(resolve, 0))
      .then(() =>
        runQueued(() => {
          this.waiting = false
          return this.refreshFeed()
        }),
      )
      .then(() => then?.())
      .catch((error: unknown) => this.deps.logError?.('calendar feed', error))
  }

  /** Resolves once the last refresh asked for is written (for tests and the quit). */
  settled(): Promise<unknown> {
    return this.latest
  }

  /** Asks for a folder and starts (or moves) the feed there. Cancelling changes nothing. */
  async chooseFeedFolder(): Promise<CalendarFeedState> {
    const folder = await this.deps.chooseFolder('Keep the calendar feed in this folder')
    if (!folder) return this.state()
    await this.deps.setFeedFolder(folder)
    return this.refreshFeed()
  }

  /** Stops keeping the feed; the file already written stays where it is. */
  async stopFeed(): Promise<CalendarFeedState> {
    await this.deps.setFeedFolder(null)
    return this.refreshFeed()
  }
}
