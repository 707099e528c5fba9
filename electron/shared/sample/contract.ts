/** The sample business's channels: load it, remove it. */
import type { SampleLoadResult, SampleRemoveResult } from '../models'
import { NoInput } from '../schemas'
import { returns, route } from '../contract-kit'

export const sampleContract = {
  'sample:load': route(NoInput, returns<SampleLoadResult>()),
  'sample:remove': route(NoInput, returns<SampleRemoveResult>()),
}
