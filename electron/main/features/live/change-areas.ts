/**
 * The channels that write to the database, each with the areas of the app its write changes: on a
 * shared database, another desktop showing one of those areas loads it again.
 */
import type { Channel } from '../../../shared/contract'
import type { ChangeArea } from '../../../shared/live/events'

const T: ChangeArea[] = ['turnarounds']
const L: ChangeArea[] = ['ledger']
const LETTERS: ChangeArea[] = ['letters']
const ALL: ChangeArea[] = ['everything']

export const CHANGE_AREAS_OF: Partial<Record<Channel, ChangeArea[]>> = {
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
