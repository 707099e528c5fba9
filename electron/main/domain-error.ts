import type { ErrorCode } from '../shared/envelope'

/** An expected failure a service reports to the user: becomes an error envelope, never a stack trace. */
export class DomainError extends Error {
  constructor(
    readonly code: Exclude<ErrorCode, 'INTERNAL' | 'UNKNOWN_CHANNEL'>,
    message: string,
    readonly field?: string,
  ) {
    super(message)
    this.name = 'DomainError'
  }
}

export const notFound = (what: string) =>
  new DomainError('NOT_FOUND', `That ${what} no longer exists. It may have been removed.`)
