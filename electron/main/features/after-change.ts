/**
 * The channels whose writes can move a dated thing (a follow-up, a commitment, a check-in), and a
 * wrapper that runs a step after each of them succeeds: it asks for the calendar feed to be
 * written again and the tray's count brought up to date (both after the request has answered).
 * The step never turns a saved change into a failure.
 */
import type { Channel, Handlers } from '../../shared/contract'

export const DATED_THINGS_CHANNELS: readonly Channel[] = [
  'turnarounds:open',
  'turnarounds:update',
  // The feed's follow-up names who owns the turnaround.
  'turnarounds:hand-over',
  'turnarounds:close',
  'turnarounds:check-in',
  'turnarounds:delete',
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
]

export function afterChanges(
  handlers: Handlers,
  channels: readonly Channel[],
  after: () => Promise<unknown>,
  logError?: (where: string, error: unknown) => void,
): Handlers {
  const wrapped: Record<string, (input: never) => unknown> = { ...handlers }
  for (const channel of channels) {
    const handler = handlers[channel] as (input: never) => unknown
    wrapped[channel] = async (input: never) => {
      const result = await handler(input)
      try {
        await after()
      } catch (error) {
        logError?.(`after ${channel}`, error)
      }
      return result
    }
  }
  return wrapped as unknown as Handlers
}
