/**
 * Email figures: one letter on record sent by email to a real SMTP server on loopback (STARTTLS and
 * AUTH, a new connection each time, as the app makes one per Send): the covering message, the PDF,
 * the handshake, the transfer and the record with its touchpoint; and the `.eml` draft built and
 * written. A benchmark, not a test: it records, it asserts nothing about time.
 */
import { afterAll, beforeAll, describe, it } from 'vitest'
import type { LetterDraftResult, LetterExportResult } from '../../electron/shared/letters/models'
import { fakeCipher } from '../support/fake-cipher'
import { NOW, PROFILE, call, fullClient } from '../support/letters-fixture'
import { startSmtp, type TestSmtp } from '../support/smtp-server'
import { openTestApp, type TestApp } from '../support/temp-db'
import { median, record, sample } from './measure'

let app: TestApp
let smtp: TestSmtp
let letterId: number
const email = { to: 'elodie@acme.example.com', subject: 'Our follow-up', message: 'Please find our letter attached.' }

beforeAll(async () => {
  smtp = await startSmtp()
  app = await openTestApp(undefined, () => NOW, { secretCipher: fakeCipher(), smtpTrust: { ca: smtp.ca } })
  await call(app, 'profile:save', PROFILE)
  await call(app, 'email-settings:save', {
    host: 'localhost',
    port: smtp.port,
    security: 'starttls',
    user: smtp.user,
    password: smtp.password,
    fromAddress: 'maya@harbourlane.example',
    coverBody: 'Dear {{ client.greeting }},',
  })
  const { client } = await fullClient(app)
  const { draft } = await call<LetterDraftResult>(app, 'letters:start', { clientId: client.id, kind: 'follow_up' })
  const saved = await call<LetterExportResult>(app, 'letters:export', { draft, minutes: 0 })
  if (!saved.saved) throw new Error('not saved')
  letterId = saved.letter.id
})
afterAll(async () => {
  await app.close()
  await smtp.close()
})

describe('email', () => {
  it('sends a letter on record over STARTTLS to a loopback server', async () => {
    await call(app, 'letter-email:send', { source: { letterId }, email })
    const times = await sample(20, () => call(app, 'letter-email:send', { source: { letterId }, email }))
    if (smtp.received.length !== 21) throw new Error('not every message arrived')
    record({
      name: 'email: one letter sent (STARTTLS, AUTH, loopback)',
      unit: 'ms',
      median: median(times),
      runs: times.length,
      samples: times,
    })
  })

  it('builds and writes the .eml draft', async () => {
    const times = await sample(20, () => call(app, 'letter-email:save-draft', { source: { letterId }, email }))
    record({
      name: 'email: the .eml draft built and written',
      unit: 'ms',
      median: median(times),
      runs: times.length,
      samples: times,
    })
  })
})
