/** The one refusal for work that needs the business profile (its currency, hourly worth or letterhead). */
import { DomainError } from '../../domain-error'

/** "Set up your business profile first", and why this task needs it when a reason is given. */
export function profileRequired(why?: string): DomainError {
  return new DomainError('VALIDATION', `Set up your business profile first${why ? `: ${why}` : ''}.`)
}
