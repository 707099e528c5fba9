/**
 * What each write changes, in one table, and the one hook that runs after a write has committed.
 * Every channel that writes names the areas of the app it changes (on a shared database, another
 * desktop showing one of them loads it again), and whether it can move a dated thing (a follow-up,
 * a commitment, a check-in: the calendar feed is written again and the tray's count brought up to
 * date). The steps run once the write has answered; a step that fails is logged and never turns a
 * saved change into a failure, and a refused or failed write runs none.
 */
import type { Channel, Handlers } from '../../shared/contract'
import type { ChangeArea } from '../../shared/live/events'

const T: ChangeArea[] = ['turnarounds']
const L: ChangeArea[] = ['ledger']
const LETTERS: ChangeArea[] = ['letters']
const ALL: ChangeArea[] = ['everything']

const CHANGE_AREAS_OF: Partial<Record<Channel, ChangeArea[]>> = {
  'clients:create': ['clients'],
  'clients:update': ['clients', 'turnarounds'],
  'clients:archive': ['clients', 'turnarounds'],
  'clients:restore': ['clients', 'turnarounds'],
  'turnarounds:open': ['turnarounds', 'clients'],
  'turnarounds:update': T,
  'turnarounds:hand-over': T,
  'turnarounds:close': ['turnarounds', 'clients'],
  'turnarounds:check-in': T,
  'turnarounds:delete': ['turnarounds', 'clients'],
  'turnarounds:agree-plan': T,
  'turnarounds:record-agreement': T,
  'turnarounds:set-client-commitment': T,
  'client-commitments:mark': T,
  'commitments:save': T,
  'commitments:mark-done': T,
  'commitments:mark-missed': T,
  'commitments:renegotiate': T,
  'commitments:delete': T,
  'touchpoints:save': ['turnarounds', 'clients'],
  'touchpoints:delete': ['turnarounds', 'clients'],
  'follow-ups:snooze': T,
  'actions:save': T,
  'actions:delete': T,
  'actions:move': T,
  'actions:reset-order': T,
  'issues:save': T,
  'issues:delete': T,
  'ledger:save': L,
  'ledger:delete': L,
  'staff:save': L,
  'staff:delete': L,
  'risk-limits:save': L,
  'decisions:record': L,
  'ledger-import:run': ['ledger', 'clients'],
  'letters:export': ['letters', 'turnarounds'],
  'letters:reexport': LETTERS,
  'letter-email:send': ['letters', 'turnarounds'],
  'letter-email:save-draft': LETTERS,
  'letter-templates:save': LETTERS,
  'letter-templates:reset': LETTERS,
  'letter-conventions:save': LETTERS,
  'letter-conventions:signature': LETTERS,
  'letter-settings:save': LETTERS,
  'profile:save': ['profile'],
  'planner-settings:save': ['profile', 'turnarounds'],
  'email-settings:save': ['settings'],
  'reminders:save': ['settings'],
  'sample:load': ALL,
  'sample:remove': ALL,
  'backups:restore': ALL,
  'backups:restore-file': ALL,
}

/** The writes that can move a dated thing. */
const MOVES_DATES: ReadonlySet<Channel> = new Set<Channel>([
  'turnarounds:open',
  'turnarounds:update',
  // The feed's follow-up names who owns the turnaround.
  'turnarounds:hand-over',
  'turnarounds:close',
  'turnarounds:check-in',
  'turnarounds:delete',
  // The client's commitment: its dated parts are in the feed and the reminders.
  'turnarounds:set-client-commitment',
  'client-commitments:mark',
  'commitments:save',
  'commitments:mark-done',
  'commitments:mark-missed',
  'commitments:renegotiate',
  'commitments:delete',
  'touchpoints:save',
  'touchpoints:delete',
  'follow-ups:snooze',
  'letters:export',
  // A letter sent by email logs an email touchpoint, which moves the follow-up.
  'letter-email:send',
  'clients:update',
  'clients:archive',
  'clients:restore',
  'sample:load',
  'sample:remove',
  'backups:restore',
  'backups:restore-file',
  'planner-settings:save',
])

export interface WriteEffect {
  channel: Channel
  areas: ChangeArea[]
  movesDates: boolean
}

/** What a channel's write changes, or null for a channel that does not write. */
export function writeEffectOf(channel: Channel): WriteEffect | null {
  const areas = CHANGE_AREAS_OF[channel]
  return areas ? { channel, areas, movesDates: MOVES_DATES.has(channel) } : null
}

/** One thing to do after a committed write, named for the log. */
export interface AfterWriteStep {
  what: string
  run: (effect: WriteEffect) => unknown
}

/** Wraps every writing channel's handler so that, once its write has answered, each step runs in turn. */
export function afterCommittedWrites(
  handlers: Handlers,
  steps: readonly AfterWriteStep[],
  logError?: (where: string, error: unknown) => void,
): Handlers {
  const wrapped: Record<string, (input: never) => unknown> = { ...handlers }
  for (const channel of Object.keys(CHANGE_AREAS_OF) as Channel[]) {
    const effect = writeEffectOf(channel)
    if (!effect) continue
    const handler = handlers[channel] as (input: never) => unknown
    wrapped[channel] = async (input: never) => {
      const result = await handler(input)
      for (const step of steps) {
        try {
          await step.run(effect)
        } catch (error) {
          logError?.(`${step.what} after ${channel}`, error)
        }
      }
      return result
    }
  }
  return wrapped as unknown as Handlers
}
