/** Errors as the renderer shows them: main's refusals carry a code, a message and the field. */
import type { ApiErrorData, ErrorCode } from '../electron/shared/envelope'

export class ApiError extends Error {
  readonly code: ErrorCode
  readonly field?: string

  constructor(data: ApiErrorData) {
    super(data.message)
    this.name = 'ApiError'
    this.code = data.code
    if (data.field !== undefined) this.field = data.field
  }
}

/** A message fit for a toast, whatever was thrown. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message
  return 'Something went wrong and nothing was changed.'
}
