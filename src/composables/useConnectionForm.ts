import { ref } from 'vue'
import type { ConnectionTest } from '../../electron/shared/database/models'
import type { ConnectionForm } from '../components/SharedConnectionFields.vue'
import { ApiError, messageOf } from '../errors'

/**
 * The shared database's connection form as the first-start page and Settings > Your data both hold
 * it: the fields, one action at a time (its name kept while it runs), a refusal beside its field or
 * else in the outcome line, and Test connection's answer in words.
 */
export function useConnectionForm<Action extends string>() {
  const form = ref<ConnectionForm>({
    host: '',
    port: 5432,
    database: 'turnaround_desk',
    user: '',
    password: '',
    tlsCertificate: '',
  })
  const errors = ref<Record<string, string>>({})
  const busy = ref<Action | null>(null)
  const outcome = ref<string | null>(null)

  /** The connection as main takes it (the port typed as a number). */
  const connection = () => ({ ...form.value, port: Number(form.value.port) })

  async function run(what: Action, task: () => Promise<string | null>): Promise<void> {
    if (busy.value) return
    busy.value = what
    errors.value = {}
    outcome.value = null
    try {
      outcome.value = await task()
    } catch (error) {
      if (error instanceof ApiError && error.field)
        errors.value = { [error.field.replace(/^connection\./, '')]: error.message }
      else outcome.value = messageOf(error)
    } finally {
      busy.value = null
    }
  }

  /** "Connected to PostgreSQL 15.4, encrypted (TLSv1.3)." and what the database holds, in the caller's words. */
  const tested = (t: ConnectionTest, holds: { data: string; empty: string }) =>
    `Connected to PostgreSQL ${t.serverVersion}, ${t.tls ? `encrypted (${t.tls})` : 'not encrypted'}. ${t.holdsData ? holds.data : holds.empty}`

  return { form, errors, busy, outcome, connection, run, tested }
}
