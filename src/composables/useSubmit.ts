/**
 * One way for every form to check and send: the contract's schema first (errors next to the
 * fields), then the call; an error main reports for a field lands next to that field, any other
 * as a toast. Nothing is sent while the form is wrong. Fields are named as the form names them:
 * the input's wrapper (`commitment.` in `{ turnaroundId, commitment: { dueOn } }`) is left off,
 * whether the schema here or main found the fault. A form editing a versioned record passes its
 * conflict (useRecordConflict): a refused stale save is shown beside the form, not as a toast.
 */
import { useMessage } from 'naive-ui'
import { ref } from 'vue'
import type { z } from 'zod'
import { ApiError, messageOf } from '../errors'
import { fieldErrors, type FieldErrors } from '../validation'

export function useSubmit(
  serverFieldPrefix = '',
  options: { conflict?: { refused(error: unknown): Promise<boolean> } } = {},
) {
  const errors = ref<FieldErrors>({})
  const busy = ref(false)
  const message = useMessage()

  const bare = (field: string) =>
    serverFieldPrefix && field.startsWith(serverFieldPrefix) ? field.slice(serverFieldPrefix.length) : field

  async function submit<S extends z.ZodType, R>(
    schema: S,
    value: unknown,
    send: (parsed: z.output<S>) => Promise<R>,
    success?: string,
  ): Promise<R | null> {
    errors.value = Object.fromEntries(
      Object.entries(fieldErrors(schema, value)).map(([field, message]) => [bare(field), message]),
    )
    if (Object.keys(errors.value).length > 0 || busy.value) return null
    busy.value = true
    try {
      const result = await send(schema.parse(value))
      if (success) message.success(success)
      return result
    } catch (error) {
      if (await options.conflict?.refused(error)) return null
      if (error instanceof ApiError && error.field) {
        errors.value = { [bare(error.field)]: error.message }
      } else {
        message.error(messageOf(error))
      }
      return null
    } finally {
      busy.value = false
    }
  }

  /** Props for an NFormItem showing the error of one field. */
  const feedback = (field: string) => ({
    feedback: errors.value[field],
    validationStatus: errors.value[field] ? ('error' as const) : undefined,
  })

  return { errors, busy, submit, feedback }
}
