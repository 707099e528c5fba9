/**
 * Reads asked of main by the window's first script, before the app's code has loaded, and handed to
 * the first caller asking main exactly the same thing. The app's code takes longer to load than main
 * takes to answer: started first, the start page's data is there (or on its way) when the page asks.
 *
 * A started read is handed on once, within ten seconds, and only while nothing else has been asked
 * of main: any other call (a save, another page's read, the same read with another input) drops
 * every read still waiting, so an answer is never older than a change made since.
 */
import type { Channel } from '../../electron/shared/channels'
import type { Envelope } from '../../electron/shared/envelope'

const FRESH_MS = 10_000

interface StartedRead {
  envelope: Promise<Envelope<unknown>>
  at: number
}

const started = new Map<string, StartedRead>()
const keyOf = (channel: Channel, input: unknown): string => `${channel} ${JSON.stringify(input ?? null)}`

/** Asks main now; the answer waits for the first caller asking the same (see `takeStartedRead`). */
export function startRead(channel: Channel, input?: unknown): void {
  const call = window.api.call[channel] as (input: unknown) => Promise<Envelope<unknown>>
  const envelope = call(input)
  // A read nobody takes must not fail loudly: the caller that takes it sees its failure.
  envelope.catch(() => {})
  started.set(keyOf(channel, input), { envelope, at: performance.now() })
}

/** The started read of exactly this call, once; any other call drops every read still waiting. */
export function takeStartedRead(channel: Channel, input: unknown): Promise<Envelope<unknown>> | undefined {
  if (started.size === 0) return undefined
  const key = keyOf(channel, input)
  const read = started.get(key)
  if (!read) {
    started.clear()
    return undefined
  }
  started.delete(key)
  return performance.now() - read.at <= FRESH_MS ? read.envelope : undefined
}

/** How many started reads are waiting (for tests). */
export const startedReads = (): number => started.size
