import type { HandlersOf } from '../../../shared/contract-kit'
import type { profileContract } from '../../../shared/profile/contract'
import type { ProfileService } from './profile-service'

/** The business profile's channels mapped to its service. */
export function createProfileHandlers(profile: ProfileService): HandlersOf<typeof profileContract> {
  return {
    'profile:get': () => profile.get(),
    'profile:save': (input) => profile.save(input),
  }
}
