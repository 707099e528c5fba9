import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { Input } from '../../electron/shared/contract'
import type {
  EmailSettingsView,
  LetterEmailLatest,
  LetterEmailRecord,
  LetterEmailSent,
} from '../../electron/shared/email/models'
import { api } from '../api'

type SettingsInput = Input<'email-settings:save'>
type Source = Input<'letter-email:compose'>['source']
type EmailInput = Input<'letter-email:send'>['email']

/** Email: the sending account, and letters sent (or drafted) by email. */
export const useEmailStore = defineStore('email', () => {
  const settings = ref<EmailSettingsView | null>(null)
  /** Letters being sent, by key: the window's own guard against a second Send (main has its own). */
  const sending = ref<Record<string, boolean>>({})

  async function loadSettings(): Promise<EmailSettingsView> {
    settings.value = await api.emailSettings.get()
    return settings.value
  }

  async function saveSettings(input: SettingsInput): Promise<EmailSettingsView> {
    settings.value = await api.emailSettings.save(input)
    return settings.value
  }

  const sendTest = (to: string) => api.emailSettings.test({ to })

  const compose = (source: Source) => api.letterEmail.compose({ source })

  const keyOf = (source: Source) => (source.letterId !== undefined ? `letter:${source.letterId}` : 'draft')

  async function send(source: Source, email: EmailInput, minutes: number): Promise<LetterEmailSent | null> {
    const key = keyOf(source)
    if (sending.value[key]) return null
    sending.value = { ...sending.value, [key]: true }
    try {
      return await api.letterEmail.send({ source, email, minutes })
    } finally {
      const { [key]: _done, ...rest } = sending.value
      sending.value = rest
    }
  }

  const saveDraft = (source: Source, email: EmailInput) => api.letterEmail.saveDraft({ source, email })

  const sentOf = (letterId: number): Promise<LetterEmailRecord[]> => api.letterEmail.list({ letterId })

  /** Which of these letters were sent by email (latest sending of each). */
  async function latestOf(letterIds: number[]): Promise<Map<number, LetterEmailLatest>> {
    const rows = letterIds.length ? await api.letterEmail.latest({ letterIds: letterIds.slice(0, 500) }) : []
    return new Map(rows.map((r) => [r.letterId, r]))
  }

  return { settings, sending, loadSettings, saveSettings, sendTest, compose, send, saveDraft, sentOf, latestOf, keyOf }
})
