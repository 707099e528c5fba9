/** The typed client the stores call. Envelopes are unwrapped here; failures become ApiError. */
import type { Channel } from '../../electron/shared/channels'
import type { Input, Output } from '../../electron/shared/contract'
import type { ApiErrorData, ErrorCode } from '../../electron/shared/envelope'
import type { ImportProgress } from '../../electron/shared/ledger-import/progress'

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

export async function call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
  const envelope = await window.api.call[channel](input)
  if (envelope.ok) return envelope.data
  throw new ApiError(envelope.error)
}

/** A message fit for a toast, whatever was thrown. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message
  return 'Something went wrong and nothing was changed.'
}

/** Progress of a ledger import, as main sends it; returns the unsubscribe function. */
export function onImportProgress(listener: (progress: ImportProgress) => void): () => void {
  return window.api.onImportProgress(listener)
}
