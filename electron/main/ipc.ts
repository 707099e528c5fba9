/**
 * The only file that touches ipcMain. Every call is checked at the door: the sender frame must be
 * our renderer, the channel must be in the contract, and the input must pass the channel's schema
 * before any handler sees it. Results and errors go back as envelopes; stacks go to the log only.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import { z } from 'zod'
import { CHANNELS, isChannel } from '../shared/channels'
import { inputSchemas, type Handlers } from '../shared/contract'
import { fail, ok, type Envelope } from '../shared/envelope'
import { BROKEN_TEXT_MESSAGE, isWellFormedText, issueMessage } from '../shared/fields'
import { DomainError } from './domain-error'
import { UNREACHABLE_MESSAGE, isUnreachable, storageMessageOf } from './db/errors'
import { createRequestQueue, type RequestQueue } from './request-queue'

/** The part of an Electron sender frame the check needs. */
export interface SenderFrame {
  url: string
  /** Null for a top-level frame; set for an iframe. */
  parent?: unknown
}

export type SenderCheck = (frame: SenderFrame | null | undefined) => boolean
export type ErrorLogger = (channel: string, error: unknown) => void

export interface Dispatcher {
  dispatch(frame: SenderFrame | null | undefined, channel: unknown, input: unknown): Promise<Envelope<unknown>>
}

function validationFailure(error: z.ZodError): Envelope<never> {
  const issue = error.issues[0]
  const path = issue
    ? [...issue.path.map(String), ...(issue.code === 'unrecognized_keys' ? issue.keys.slice(0, 1) : [])]
    : []
  const field = path.length > 0 ? path.join('.') : undefined
  const message = issue ? issueMessage(issue) : 'Some of the information is not valid.'
  return fail('VALIDATION', message, field)
}

/**
 * The path of the first text in a parsed input holding a lone UTF-16 surrogate, or null. The shared
 * text field refuses them with its own message; this catches every other string of every channel.
 */
export function brokenTextPath(value: unknown, at: string[] = []): string[] | null {
  if (typeof value === 'string') return isWellFormedText(value) ? null : at
  if (value === null || typeof value !== 'object') return null
  for (const [key, inner] of Array.isArray(value) ? value.entries() : Object.entries(value)) {
    const found = brokenTextPath(inner, [...at, String(key)])
    if (found) return found
  }
  return null
}

/**
 * Requests that touch no database and must get through while another request holds the queue: the
 * cancel of a ledger import, which on SQLite holds the queue from its first write to its commit
 * (import-run.ts). They run at once, beside whatever holds it.
 */
const PAST_THE_QUEUE: ReadonlySet<string> = new Set(['ledger-import:cancel'])

/**
 * The dispatcher. Handlers run one at a time through `queue` (see request-queue.ts): main has one
 * SQLite connection, and two requests' transactions must never interleave on it. `handlers` is read
 * at each call, so a restore can put handlers over the reopened database in place. A checked request
 * waits for `ready` first: the window loads while the database opens, and its first requests wait
 * for the app's handlers instead of finding none.
 */
export function createDispatcher(
  handlers: Handlers,
  isTrustedSender: SenderCheck,
  logError: ErrorLogger,
  queue: RequestQueue = createRequestQueue(),
  ready: Promise<unknown> = Promise.resolve(),
): Dispatcher {
  return {
    async dispatch(frame, channel, input) {
      if (!isTrustedSender(frame)) return fail('FORBIDDEN', 'This request did not come from Turnaround Desk.')
      if (!isChannel(channel)) return fail('UNKNOWN_CHANNEL', 'Turnaround Desk does not know this request.')
      const parsed = inputSchemas[channel].safeParse(input)
      if (!parsed.success) return validationFailure(parsed.error)
      const broken = brokenTextPath(parsed.data)
      if (broken) return fail('VALIDATION', BROKEN_TEXT_MESSAGE, broken.length > 0 ? broken.join('.') : undefined)
      try {
        await ready
        const handle = () => (handlers[channel] as (i: unknown) => Promise<unknown>)(parsed.data)
        const data = await (PAST_THE_QUEUE.has(channel) ? handle() : queue.run(handle))
        return ok(data)
      } catch (error) {
        if (error instanceof DomainError) return fail(error.code, error.message, error.field)
        logError(channel, error)
        // A full disk or a folder that cannot be written is the disk's fault, not the data's: say so.
        const storage = storageMessageOf(error, 'this was not saved and nothing was changed')
        if (storage) return fail('STORAGE', storage)
        if (isUnreachable(error)) return fail('UNREACHABLE', UNREACHABLE_MESSAGE)
        return fail('INTERNAL', 'Something went wrong and nothing was changed. The details are in the log file.')
      }
    },
  }
}

/** Registers one ipcMain handler per channel of the contract. */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, dispatcher: Dispatcher): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, input: unknown) =>
      dispatcher.dispatch(event.senderFrame, channel, input),
    )
  }
}
