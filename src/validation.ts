/** Runs a contract schema in the renderer, so the form shows the same rules main enforces. */
import type { z } from 'zod'
import { issueMessage } from '../electron/shared/fields'

export type FieldErrors = Record<string, string>

export function fieldErrors(schema: z.ZodType, value: unknown): FieldErrors {
  const result = schema.safeParse(value)
  if (result.success) return {}
  const errors: FieldErrors = {}
  for (const issue of result.error.issues) {
    const key = issue.path.map(String).join('.') || '_'
    errors[key] ??= issueMessage(issue)
  }
  return errors
}
