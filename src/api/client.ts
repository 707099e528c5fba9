/**
 * The typed client, made from the contract: `api.commitments.markDone({ id, doneOn })` calls the
 * channel `commitments:mark-done`. Each channel's prefix names its group and the rest its method,
 * both in camel case, so a channel added to a feature's contract is a method here with nothing
 * else to write. Envelopes are unwrapped; a refusal is thrown as ApiError.
 *
 * The channels are those the preload offers (one function per channel of the contract, see
 * electron/preload/api-factory.ts): the window never loads the contract's schemas just to learn
 * their names (they, and the validation library, are a large part of the code a window parses).
 */
import type { Channel } from '../../electron/shared/channels'
import type { Input, Output } from '../../electron/shared/contract'
import { ApiError } from '../errors'
import { takeStartedRead } from './start-reads'

type Camel<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<Camel<Tail>>}` : S
type GroupOf<C extends string> = C extends `${infer G}:${string}` ? Camel<G> : never
type MethodOf<C extends string> = C extends `${string}:${infer M}` ? Camel<M> : never
/** A channel whose input may be left out (it takes none, or all of it is optional). */
type Args<C extends Channel> = undefined extends Input<C> ? [input?: Input<C>] : [input: Input<C>]

export type ApiClient = {
  readonly [G in GroupOf<Channel>]: {
    readonly [C in Channel as GroupOf<C> extends G ? MethodOf<C> : never]: (...args: Args<C>) => Promise<Output<C>>
  }
}

const camel = (s: string): string => s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())

/** Splits a channel name into its group and method, as the client names them. */
export function clientPath(channel: string): [group: string, method: string] {
  const [group = '', method = ''] = channel.split(':')
  return [camel(group), camel(method)]
}

async function invoke<C extends Channel>(channel: C, input: Input<C> | undefined): Promise<Output<C>> {
  // The window's first script may have asked this already (see start-reads.ts).
  const envelope = await (takeStartedRead(channel, input) ?? window.api.call[channel](input as Input<C>))
  if (envelope.ok) return envelope.data as Output<C>
  throw new ApiError(envelope.error)
}

function buildClient(channels: readonly Channel[]): ApiClient {
  const groups: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {}
  for (const channel of channels) {
    const [group, method] = clientPath(channel)
    const methods = (groups[group] ??= {})
    methods[method] = (input?: unknown) => invoke(channel, input as Input<typeof channel>)
  }
  for (const methods of Object.values(groups)) Object.freeze(methods)
  return Object.freeze(groups) as unknown as ApiClient
}

let built: ApiClient | undefined
/** Built on first use, from the channels `window.api` (the preload) offers. */
const client = (): ApiClient => (built ??= buildClient(Object.keys(window.api.call) as Channel[]))

export const api: ApiClient = new Proxy({} as ApiClient, {
  get: (_target, group) => Reflect.get(client(), group),
  has: (_target, group) => Reflect.has(client(), group),
  ownKeys: () => Reflect.ownKeys(client()),
  getOwnPropertyDescriptor: (_target, group) => {
    const descriptor = Reflect.getOwnPropertyDescriptor(client(), group)
    // The target is extensible and holds none of these: each must be reported as configurable.
    return descriptor && { ...descriptor, configurable: true }
  },
})
