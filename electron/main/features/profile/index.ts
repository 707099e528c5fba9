/** What other features may use of the business profile. */
export { ProfileService } from './profile-service'
export { createProfileHandlers } from './profile-handlers'
export { profileRequired } from './profile-required'
