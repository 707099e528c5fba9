/** Errors cross the process boundary as data, never as thrown exceptions with stacks. */

/** STORAGE: the disk is full or the data folder cannot be written; the message says which and what to do. */
/** UNREACHABLE: the shared database could not be reached; nothing was written. */
/** CONFLICT: someone else saved the record since it was opened; the message says who and when. */
export const ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'FORBIDDEN',
  'UNKNOWN_CHANNEL',
  'STORAGE',
  'INTERNAL',
  'CONFLICT',
  'UNREACHABLE',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

export interface ApiErrorData {
  code: ErrorCode
  message: string
  /** The input field the error is about, when there is one (dotted path). */
  field?: string
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ApiErrorData }

export function ok<T>(data: T): Envelope<T> {
  return { ok: true, data }
}

export function fail(code: ErrorCode, message: string, field?: string): Envelope<never> {
  return { ok: false, error: field === undefined ? { code, message } : { code, message, field } }
}
