/**
 * Wraps the handlers of the channels that write (change-areas.ts): once a write has answered (its
 * transaction committed), `notify` is told which areas changed. Telling never turns a saved
 * change into a failure; a refused or failed write tells nothing.
 */
import type { Channel, Handlers } from '../../../shared/contract'
import type { ChangeArea } from '../../../shared/live/events'
import { CHANGE_AREAS_OF } from './change-areas'

export function notifyingChanges(
  handlers: Handlers,
  notify: (areas: ChangeArea[]) => Promise<void>,
  logError?: (where: string, error: unknown) => void,
): Handlers {
  const wrapped: Record<string, (input: never) => unknown> = { ...handlers }
  for (const [channel, areas] of Object.entries(CHANGE_AREAS_OF) as Array<[Channel, ChangeArea[]]>) {
    const handler = handlers[channel] as (input: never) => unknown
    wrapped[channel] = async (input: never) => {
      const result = await handler(input)
      try {
        await notify(areas)
      } catch (error) {
        logError?.(`telling other desktops after ${channel}`, error)
      }
      return result
    }
  }
  return wrapped as unknown as Handlers
}
