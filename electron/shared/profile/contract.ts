/** The business profile's channels. */
import type { BusinessProfile } from '../models'
import { NoInput, ProfileInput } from '../schemas'
import { returns, route } from '../contract-kit'

export const profileContract = {
  'profile:get': route(NoInput, returns<BusinessProfile | null>()),
  'profile:save': route(ProfileInput, returns<BusinessProfile>()),
}
