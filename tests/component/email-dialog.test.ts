/**
 * "Email this letter" in happy-dom, against a stand-in for the typed client: the dialog fills from
 * the composed email, refuses a header injection beside the field without asking main, sends once
 * however often Send is pressed while the first is on its way, and keeps what was typed when the
 * server refuses.
 */
import { flushPromises, mount } from '@vue/test-utils'
import { NDialogProvider, NMessageProvider } from 'naive-ui'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { LetterEmailComposed } from '../../electron/shared/email/models'
import EmailLetterDialog from '../../src/components/email/EmailLetterDialog.vue'
import { ApiError } from '../../src/errors'
import { setDisplayLocale } from '../../src/format'

const api = vi.hoisted(() => ({
  letterEmail: { compose: vi.fn(), send: vi.fn(), saveDraft: vi.fn(), list: vi.fn(), latest: vi.fn() },
  emailSettings: { get: vi.fn(), save: vi.fn(), test: vi.fn() },
}))
vi.mock('../../src/api', () => ({ api }))

const composed: LetterEmailComposed = {
  to: 'elodie@acme.example.com',
  cc: '',
  bcc: '',
  subject: 'Our follow-up',
  message: 'Dear Élodie,',
  from: 'Maya Okafor <maya@harbourlane.example>',
  attachmentName: '2026-11-22 Follow-up - Acme Ltd.pdf',
  attachmentBytes: 32_000,
  contentHash: 'a'.repeat(64),
}

function later<T>() {
  let resolve!: (value: T) => void
  let reject!: (error: unknown) => void
  const promise = new Promise<T>((r, j) => ((resolve = r), (reject = j)))
  return { promise, resolve, reject }
}

async function mountDialog() {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/:any(.*)', component: { render: () => null } }],
  })
  const Host = defineComponent(
    () => () =>
      h(NDialogProvider, () =>
        h(NMessageProvider, () => h(EmailLetterDialog, { show: true, source: { letterId: 7 } })),
      ),
  )
  const wrapper = mount(Host, { global: { plugins: [router] }, attachTo: document.body })
  await flushPromises()
  return wrapper
}

const byId = (id: string) => document.getElementById(id) as HTMLInputElement | HTMLTextAreaElement
const button = (testId: string) => document.querySelector(`[data-testid="${testId}"]`) as HTMLButtonElement

async function type(id: string, value: string) {
  const input = byId(id)
  input.value = value
  input.dispatchEvent(new Event('input'))
  await flushPromises()
}

describe('the email dialog', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    vi.clearAllMocks()
    document.body.innerHTML = ''
    api.letterEmail.compose.mockResolvedValue(composed)
  })

  it('starts from the composed email', async () => {
    const wrapper = await mountDialog()
    expect(api.letterEmail.compose).toHaveBeenCalledWith({ source: { letterId: 7 } })
    expect(byId('email-to').value).toBe('elodie@acme.example.com')
    expect(byId('email-subject').value).toBe('Our follow-up')
    expect(document.body.textContent).toContain('2026-11-22 Follow-up - Acme Ltd.pdf')
    wrapper.unmount()
  })

  it('writes the letter’s size in the business’s locale', async () => {
    setDisplayLocale('de-DE')
    api.letterEmail.compose.mockResolvedValue({ ...composed, attachmentBytes: 1_572_864 })
    const wrapper = await mountDialog()
    expect(document.body.textContent).toContain('(1,5 MB)')
    wrapper.unmount()
    setDisplayLocale('en-GB')
  })

  it('sends once however often Send is pressed', async () => {
    const wrapper = await mountDialog()
    const pending = later<unknown>()
    api.letterEmail.send.mockReturnValue(pending.promise)
    button('email-send').click()
    button('email-send').click()
    await flushPromises()
    button('email-send').click()
    await flushPromises()
    expect(api.letterEmail.send).toHaveBeenCalledTimes(1)
    expect(button('email-send').disabled).toBe(true)
    expect(document.querySelector('[data-testid="email-sending"]')).not.toBeNull()
    pending.resolve({
      letter: { id: 7 },
      email: { to: ['elodie@acme.example.com'], cc: [], bcc: [], sentAt: '2026-11-22T09:30:00.000Z' },
      refused: [],
    })
    await flushPromises()
    expect(document.querySelector('[data-testid="email-result"]')?.textContent).toContain(
      'Sent to elodie@acme.example.com',
    )
    expect(button('email-send')).toBeNull()
    wrapper.unmount()
  })

  it('refuses a wrong address beside its field without asking main; a pasted line break never reaches a header', async () => {
    const wrapper = await mountDialog()
    await type('email-cc', 'accounts@acme.example.com, not-an-address')
    button('email-send').click()
    await flushPromises()
    expect(api.letterEmail.send).not.toHaveBeenCalled()
    expect(document.body.textContent).toContain('“not-an-address” does not look like an email address.')
    // A one-line field drops line breaks as they are pasted (main refuses any that arrive: email-letters.test.ts).
    await type('email-subject', 'Hello\r\nBcc: evil@example.com')
    expect(byId('email-subject').value).not.toMatch(/[\r\n]/)
    wrapper.unmount()
  })

  it('keeps what was typed when the server refuses, and says so', async () => {
    const wrapper = await mountDialog()
    await type('email-message', 'Please see the letter.')
    api.letterEmail.send.mockRejectedValue(
      new ApiError({ code: 'VALIDATION', message: 'The mail server did not accept the user name and password.' }),
    )
    button('email-send').click()
    await flushPromises()
    expect(document.querySelector('[data-testid="email-result"]')?.textContent).toContain(
      'did not accept the user name and password',
    )
    expect(byId('email-message').value).toBe('Please see the letter.')
    expect(button('email-send').disabled).toBe(false)
    wrapper.unmount()
  })
})
