/**
 * The IPC contract: for every channel, the schema its input must pass and the type of its result.
 * Main parses with these schemas; preload and renderer only see the types.
 */
import type { z } from 'zod'
import type { Channel } from './channels'
import type { AppInfo, BusinessProfile, Client, ClientPage, SampleLoadResult, SampleRemoveResult } from './models'
import { ClientInput, ClientListQuery, ClientUpdateInput, IdInput, NoInput, ProfileInput } from './schemas'

export const inputSchemas = {
  'app:info': NoInput,
  'profile:get': NoInput,
  'profile:save': ProfileInput,
  'sample:load': NoInput,
  'sample:remove': NoInput,
  'clients:list': ClientListQuery,
  'clients:get': IdInput,
  'clients:create': ClientInput,
  'clients:update': ClientUpdateInput,
  'clients:archive': IdInput,
  'clients:restore': IdInput,
  'clients:tags': NoInput,
  'system:open-data-folder': NoInput,
} satisfies Record<Channel, z.ZodType>

export interface Outputs {
  'app:info': AppInfo
  'profile:get': BusinessProfile | null
  'profile:save': BusinessProfile
  'sample:load': SampleLoadResult
  'sample:remove': SampleRemoveResult
  'clients:list': ClientPage
  'clients:get': Client
  'clients:create': Client
  'clients:update': Client
  'clients:archive': Client
  'clients:restore': Client
  'clients:tags': string[]
  'system:open-data-folder': null
}

type Schemas = typeof inputSchemas
/** What a caller may send (defaults filled in by main). */
export type Input<C extends Channel> = z.input<Schemas[C]>
/** What a handler receives after parsing. */
export type ParsedInput<C extends Channel> = z.output<Schemas[C]>
export type Output<C extends Channel> = Outputs[C]

/** Compile-time check that every channel has an output type. */
export type _OutputsCoverChannels = Record<Channel, unknown> extends { [K in keyof Outputs]: unknown } ? true : never
