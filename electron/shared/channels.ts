/**
 * The channel names of the IPC contract. Kept apart from the schemas so that the
 * sandboxed preload bundles nothing but this list.
 */
export const CHANNELS = [
  'app:info',
  'profile:get',
  'profile:save',
  'sample:load',
  'sample:remove',
  'clients:list',
  'clients:get',
  'clients:create',
  'clients:update',
  'clients:archive',
  'clients:restore',
  'clients:tags',
  'system:open-data-folder',
  'planner-settings:save',
  'turnarounds:list',
  'turnarounds:get',
  'turnarounds:open',
  'turnarounds:update',
  'turnarounds:hand-over',
  'turnarounds:record-agreement',
  'turnarounds:set-client-commitment',
  'turnarounds:agree-plan',
  'turnarounds:close',
  'turnarounds:check-in',
  'turnarounds:delete',
  'issues:save',
  'issues:delete',
  'actions:save',
  'actions:delete',
  'actions:move',
  'actions:reset-order',
  'commitments:save',
  'commitments:mark-done',
  'commitments:mark-missed',
  'commitments:renegotiate',
  'commitments:delete',
  'touchpoints:save',
  'touchpoints:delete',
  'touchpoints:list',
  'today:get',
  'trends:get',
  'letters:list',
  'letters:get',
  'letters:start',
  'letters:from-stored',
  'letters:render',
  'letters:render-stored',
  'letters:export',
  'letters:reexport',
  'letters:open-file',
  'letter-templates:list',
  'letter-templates:save',
  'letter-templates:reset',
  'letter-templates:preview',
  'letter-settings:save',
  'ledger-import:choose-file',
  'ledger-import:preview',
  'ledger-import:run',
  'ledger-import:cancel',
] as const

export type Channel = (typeof CHANNELS)[number]

/** The one main-to-renderer event channel: native menu commands. */
export const MENU_EVENT_CHANNEL = 'menu:command'

/** Main-to-renderer: a ledger import's progress (checked in the preload). */
export const IMPORT_PROGRESS_CHANNEL = 'ledger-import:progress'

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value)
}
