/**
 * A letter sent by email through a real SMTP server on loopback (smtp-server, with STARTTLS or TLS
 * and AUTH), each message read back with mailparser: recipients, subject, the covering text, and
 * the attached PDF whose SHA-256 is the one recorded. Failures (wrong password, no server, a dropped
 * connection, a refused recipient, a message too large) record nothing as sent.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { simpleParser } from 'mailparser'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type {
  EmailSettingsView,
  LetterEmailComposed,
  LetterEmailRecord,
  LetterEmailSent,
} from '../../electron/shared/email/models'
import type { LetterDraftResult, LetterExportResult } from '../../electron/shared/letters/models'
import type { TurnaroundDetail } from '../../electron/shared/turnarounds/models'
import { NOW, PROFILE, call, fullClient, refused } from '../support/letters-fixture'
import { fakeCipher } from '../support/fake-cipher'
import { startSmtp, type TestSmtp, type TestSmtpOptions } from '../support/smtp-server'
import { openTestApp, tempDir, type TestApp } from '../support/temp-db'
import { FEED_FILE_NAME } from '../../electron/main/features/calendar'

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

let app: TestApp
let smtp: TestSmtp | null = null
const cipher = fakeCipher()

async function startServer(options: TestSmtpOptions = {}): Promise<TestSmtp> {
  smtp = await startSmtp(options)
  return smtp
}

function settings(server: TestSmtp, more: Record<string, unknown> = {}) {
  return {
    host: 'localhost',
    port: server.port,
    security: 'starttls',
    user: server.user,
    password: server.password,
    fromName: 'Maya Okafor',
    fromAddress: 'maya@harbourlane.example',
    replyTo: 'hello@harbourlane.example',
    coverSubject: '',
    coverBody:
      'Dear {{ client.greeting }},\n\nPlease find attached our letter of {{ letter.date }}.\n\n{{ business.owner }}',
    ...more,
  }
}

beforeEach(async () => {
  app = await openTestApp(undefined, () => NOW, { secretCipher: cipher })
  await call(app, 'profile:save', PROFILE)
})
afterEach(async () => {
  await app.close()
  await smtp?.close()
  smtp = null
})

/** Builds the app again with the test server's certificate trusted, like a real CA-signed server. */
async function trusting(server: TestSmtp): Promise<void> {
  const dir = app.dir
  await app.close()
  app = await openTestApp(dir, () => NOW, { secretCipher: cipher, smtpTrust: { ca: server.ca } })
}

async function savedLetter() {
  const { client, turnaround } = await fullClient(app)
  const { draft } = await call<LetterDraftResult>(app, 'letters:start', { clientId: client.id, kind: 'follow_up' })
  const result = await call<LetterExportResult>(app, 'letters:export', { draft, minutes: 10 })
  if (!result.saved) throw new Error('not saved')
  return { client, turnaround, draft, letter: result.letter }
}

const count = async (table: string, where = '1 = 1') =>
  Number((await app.db.dataSource.query(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`))[0].n)

const email = (more: Record<string, unknown> = {}) => ({
  to: 'elodie@acme.example.com',
  cc: 'accounts@acme.example.com',
  bcc: 'archive@harbourlane.example',
  subject: 'Our follow-up',
  message: 'Dear Élodie,\n\nPlease find our letter attached.\n\nMaya',
  ...more,
})

describe('the sending account', () => {
  it('keeps the settings in the database and the password only encrypted, outside it', async () => {
    const server = await startServer()
    const view = await call<EmailSettingsView>(app, 'email-settings:save', settings(server))
    expect(view).toMatchObject({ host: 'localhost', port: server.port, passwordSaved: true, configured: true })
    expect(JSON.stringify(view)).not.toContain(server.password)
    const rows = await app.db.dataSource.query('SELECT * FROM email_settings')
    expect(JSON.stringify(rows)).not.toContain(server.password)
    const file = path.join(app.dir, 'smtp-password.bin')
    expect(fs.readFileSync(file).toString('utf8')).not.toContain(server.password)
    await app.db.dataSource.query('PRAGMA wal_checkpoint(TRUNCATE)')
    expect(fs.readFileSync(path.join(app.dir, 'turnaround-desk.sqlite')).includes(server.password)).toBe(false)
    // Nor is it in "Export everything".
    await call(app, 'data:export-everything')
    const exported = fs.readdirSync(app.dir).filter((f) => f.endsWith('.json'))
    expect(exported.length).toBeGreaterThan(0)
    for (const f of exported) {
      const text = fs.readFileSync(path.join(app.dir, f), 'utf8')
      expect(text).toContain('email_settings')
      expect(text).not.toContain(server.password)
    }
    // Saving again without a password keeps it; forgetting removes the file.
    const { password: _omit, ...withoutPassword } = settings(server)
    expect((await call<EmailSettingsView>(app, 'email-settings:save', withoutPassword)).passwordSaved).toBe(true)
    await call(app, 'email-settings:save', { ...withoutPassword, forgetPassword: true })
    expect(fs.existsSync(file)).toBe(false)
  })

  it('leaves the account as it was when the keychain refuses the new password', async () => {
    const server = await startServer()
    await call(app, 'email-settings:save', settings(server))
    const refusing = fakeCipher()
    refusing.encryptString = () => {
      throw new Error('The keychain is locked')
    }
    const dir = app.dir
    await app.close()
    app = await openTestApp(dir, () => NOW, { secretCipher: refusing })
    const error = await refused(
      app,
      'email-settings:save',
      settings(server, { host: 'smtp.elsewhere.example', user: 'someone-else', password: 'a new one' }),
    )
    expect(error.message).toContain('nothing was changed')
    expect(await call<EmailSettingsView>(app, 'email-settings:get')).toMatchObject({
      host: 'localhost',
      user: server.user,
      passwordSaved: true,
    })
  })

  it('refuses no encryption except for this computer, and line breaks in names', async () => {
    const server = await startServer()
    const remote = await refused(
      app,
      'email-settings:save',
      settings(server, { host: 'smtp.example.com', security: 'none' }),
    )
    expect(remote).toMatchObject({ code: 'VALIDATION', field: 'security' })
    const name = await refused(
      app,
      'email-settings:save',
      settings(server, { fromName: 'Maya\r\nBcc: evil@example.com' }),
    )
    expect(name).toMatchObject({ field: 'fromName', message: 'This cannot hold a line break.' })
    const address = await refused(app, 'email-settings:save', settings(server, { fromAddress: 'not an address' }))
    expect(address.field).toBe('fromAddress')
    const template = await refused(
      app,
      'email-settings:save',
      settings(server, { coverBody: 'Dear {{ client.nickname }}' }),
    )
    expect(template).toMatchObject({ field: 'coverBody' })
    expect(template.message).toContain('client.nickname')
  })

  it('sends a test email over STARTTLS with AUTH', async () => {
    const server = await startServer()
    await trusting(server)
    await call(app, 'email-settings:save', settings(server))
    const result = await call<{ to: string; messageId: string }>(app, 'email-settings:test', { to: '' })
    expect(result.to).toBe('maya@harbourlane.example')
    expect(server.received).toHaveLength(1)
    expect(server.received[0]?.parsed.subject).toBe('Turnaround Desk: test email')
    expect(server.received[0]?.parsed.messageId).toBe(result.messageId)
    expect(server.logins).toEqual([{ user: server.user, ok: true }])
  })

  it('says in plain words when the certificate is not trusted', async () => {
    const server = await startServer()
    await call(app, 'email-settings:save', settings(server))
    const error = await refused(app, 'email-settings:test', { to: '' })
    expect(error.message).toContain('could not be made secure')
  })
})

describe('emailing a letter', () => {
  it('sends a saved letter over TLS: recipients, subject, covering text and the PDF whose hash is recorded', async () => {
    const server = await startServer({ secure: true })
    await trusting(server)
    await call(app, 'email-settings:save', settings(server, { security: 'tls' }))
    const { letter, turnaround } = await savedLetter()
    const composed = await call<LetterEmailComposed>(app, 'letter-email:compose', { source: { letterId: letter.id } })
    expect(composed).toMatchObject({
      to: 'elodie@acme.example.com',
      subject: letter.subject,
      from: 'Maya Okafor <maya@harbourlane.example>',
      attachmentName: '2026-11-22 Follow-up - Acme Ltd.pdf',
    })
    expect(composed.message).toBe(
      'Dear Élodie Marchand,\n\nPlease find attached our letter of 22 November 2026.\n\nMaya Okafor',
    )
    const touchpointsBefore = await count('touchpoints', `turnaround_id = ${turnaround.id}`)
    const sent = await call<LetterEmailSent>(app, 'letter-email:send', {
      source: { letterId: letter.id },
      email: email({ message: composed.message }),
      minutes: 7,
    })
    expect(server.received).toHaveLength(1)
    const mail = server.received[0]!
    expect(mail.recipients.sort()).toEqual(
      ['accounts@acme.example.com', 'archive@harbourlane.example', 'elodie@acme.example.com'].sort(),
    )
    expect(mail.parsed.subject).toBe('Our follow-up')
    expect(mail.parsed.text?.trim()).toBe(composed.message)
    expect(mail.parsed.headers.get('bcc')).toBeUndefined()
    expect(mail.parsed.replyTo?.text).toBe('hello@harbourlane.example')
    expect(mail.parsed.messageId).toBe(sent.email.messageId)
    const [attachment] = mail.parsed.attachments
    expect(attachment?.filename).toBe('2026-11-22 Follow-up - Acme Ltd.pdf')
    expect(attachment?.contentType).toBe('application/pdf')
    expect(sha(attachment!.content)).toBe(sent.email.contentHash)
    expect(sent.email.contentHash).toBe(letter.contentHash)
    expect(sent.email).toMatchObject({
      letterId: letter.id,
      to: ['elodie@acme.example.com'],
      cc: ['accounts@acme.example.com'],
      bcc: ['archive@harbourlane.example'],
      minutes: 7,
    })
    // Recorded, with an email touchpoint of the turnaround carrying the minutes.
    expect(await call<LetterEmailRecord[]>(app, 'letter-email:list', { letterId: letter.id })).toEqual([sent.email])
    expect(await call(app, 'letter-email:latest', { letterIds: [letter.id, letter.id + 1] })).toEqual([
      { letterId: letter.id, sentAt: sent.email.sentAt, to: ['elodie@acme.example.com'], times: 1 },
    ])
    expect(await count('touchpoints', `turnaround_id = ${turnaround.id}`)).toBe(touchpointsBefore + 1)
    const detail = await call<TurnaroundDetail>(app, 'turnarounds:get', { id: turnaround.id })
    const logged = detail.touchpoints.find((t) => t.kind === 'email')
    expect(logged).toMatchObject({ minutes: 7, occurredOn: '2026-11-22' })
    expect(logged?.summary).toContain('sent by email to elodie@acme.example.com')
  })

  it('sends a draft from the editor: the letter goes on record with the sending', async () => {
    const server = await startServer()
    await trusting(server)
    await call(app, 'email-settings:save', settings(server))
    const { client } = await fullClient(app)
    const { draft } = await call<LetterDraftResult>(app, 'letters:start', { clientId: client.id, kind: 'apology' })
    const sent = await call<LetterEmailSent>(app, 'letter-email:send', {
      source: { draft },
      email: email(),
      minutes: 3,
    })
    expect(sent.letter).toMatchObject({ clientId: client.id, kind: 'apology', filePath: '' })
    expect(sent.letter.contentHash).toBe(sent.email.contentHash)
    expect(sha(server.received[0]!.parsed.attachments[0]!.content)).toBe(sent.letter.contentHash)
    expect(await count('letters')).toBe(1)
  })

  it('moves the follow-up in the calendar feed and the tray once a letter is emailed', async () => {
    const server = await startServer()
    await trusting(server)
    await call(app, 'email-settings:save', settings(server))
    const { client, turnaround } = await fullClient(app)
    const folder = tempDir('turnaround-feed-')
    app.ports.chooseFolder = async () => folder
    await call(app, 'calendar:choose-feed-folder')
    let recounts = 0
    app.ports.datedThingsChanged = () => void recounts++
    const feed = () => fs.readFileSync(path.join(folder, FEED_FILE_NAME), 'utf8')
    const followUpStart = (ics: string) =>
      /DTSTART[^:]*:(\d{8})/.exec(ics.split('BEGIN:VEVENT').find((e) => e.includes('UID:follow-up-')) ?? '')?.[1]
    const compact = (iso: string | null) => iso?.replaceAll('-', '')
    expect(followUpStart(feed())).toBe(compact(turnaround.nextFollowUpOn))

    const { draft } = await call<LetterDraftResult>(app, 'letters:start', { clientId: client.id, kind: 'follow_up' })
    await call(app, 'letter-email:send', { source: { draft }, email: email(), minutes: 5 })
    await app.services.calendar.settled()
    const moved = await call<TurnaroundDetail>(app, 'turnarounds:get', { id: turnaround.id })
    expect(moved.nextFollowUpOn).not.toBe(turnaround.nextFollowUpOn)
    expect(followUpStart(feed())).toBe(compact(moved.nextFollowUpOn))
    expect(recounts).toBe(1)
  })

  it('escapes the covering text in the HTML part and refuses header injection', async () => {
    const server = await startServer()
    await trusting(server)
    await call(app, 'email-settings:save', settings(server))
    const { letter } = await savedLetter()
    const hostile = '<script>alert(1)</script> & <b>bold</b>'
    await call(app, 'letter-email:send', { source: { letterId: letter.id }, email: email({ message: hostile }) })
    const parsed = server.received[0]!.parsed
    expect(parsed.text?.trim()).toBe(hostile)
    expect(parsed.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;')
    expect(parsed.html).not.toContain('<script>')
    for (const bad of [
      { subject: 'Hello\r\nBcc: evil@example.com' },
      { subject: 'Hello\nX-Evil: 1' },
      { to: 'elodie@acme.example.com\r\nBcc: evil@example.com' },
      { cc: 'a@b.example, not-an-address' },
      { to: '' },
    ]) {
      const error = await refused(app, 'letter-email:send', { source: { letterId: letter.id }, email: email(bad) })
      expect(error.code).toBe('VALIDATION')
    }
    expect(server.received).toHaveLength(1)
    expect(await count('letter_emails')).toBe(1)
  })

  it('sends to the recipients the server accepts and says which it refused', async () => {
    const server = await startServer({ refuse: ['accounts@acme.example.com'] })
    await trusting(server)
    await call(app, 'email-settings:save', settings(server))
    const { letter } = await savedLetter()
    const sent = await call<LetterEmailSent>(app, 'letter-email:send', {
      source: { letterId: letter.id },
      email: email(),
    })
    expect(sent.refused).toEqual(['accounts@acme.example.com'])
    expect(sent.email.cc).toEqual([])
    expect(server.received[0]?.recipients.sort()).toEqual(['archive@harbourlane.example', 'elodie@acme.example.com'])
  })

  it('says the email went out when the server took it but the record could not be kept', async () => {
    const server = await startServer()
    await trusting(server)
    await call(app, 'email-settings:save', settings(server))
    const { letter } = await savedLetter()
    const before = await count('touchpoints')
    // The disk fills between the server's acceptance and the record of it.
    await app.db.dataSource.query(
      "CREATE TRIGGER full_disk BEFORE INSERT ON letter_emails BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END",
    )
    const error = await refused(app, 'letter-email:send', {
      source: { letterId: letter.id },
      email: email(),
      minutes: 5,
    })
    expect(server.received).toHaveLength(1)
    expect(error.code).toBe('STORAGE')
    expect(error.message).toContain('The email was sent to elodie@acme.example.com, accounts@acme.example.com')
    expect(error.message).toContain(String(server.received[0]!.parsed.messageId))
    expect(error.message).toContain('The disk that holds your data is full')
    expect(error.message).toContain('Do not send it again')
    expect(error.message).not.toContain('nothing was changed')
    expect(await count('letter_emails')).toBe(0)
    expect(await count('touchpoints')).toBe(before)
  })

  it('sends once when Send is pressed twice', async () => {
    const server = await startServer({ delayMs: 300 })
    await trusting(server)
    await call(app, 'email-settings:save', settings(server))
    const { letter } = await savedLetter()
    const input = { source: { letterId: letter.id }, email: email(), minutes: 5 }
    const [first, second] = await Promise.all([
      app.call('letter-email:send', input),
      app.call('letter-email:send', input),
    ])
    const results = [first, second] as Array<{ ok: boolean; error?: { message: string } }>
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.find((r) => !r.ok)?.error?.message).toContain('being sent already')
    expect(server.received).toHaveLength(1)
    expect(await count('letter_emails')).toBe(1)
  })
})

describe('a failure records nothing as sent', () => {
  async function failing(options: TestSmtpOptions, more: Record<string, unknown> = {}, mail = email()) {
    const server = await startServer(options)
    await trusting(server)
    await call(app, 'email-settings:save', settings(server, more))
    const { client, letter } = await savedLetter()
    const { draft } = await call<LetterDraftResult>(app, 'letters:start', { clientId: client.id, kind: 'apology' })
    const before = { letters: await count('letters'), touchpoints: await count('touchpoints') }
    const fromStored = await refused(app, 'letter-email:send', {
      source: { letterId: letter.id },
      email: mail,
      minutes: 5,
    })
    const fromDraft = await refused(app, 'letter-email:send', { source: { draft }, email: mail, minutes: 5 })
    expect(fromDraft.message).toBe(fromStored.message)
    expect(await count('letter_emails')).toBe(0)
    expect(await count('letters')).toBe(before.letters)
    expect(await count('touchpoints')).toBe(before.touchpoints)
    expect(server.received).toHaveLength(0)
    return fromStored
  }

  it('a wrong password', async () => {
    const error = await failing({}, { password: 'wrong' })
    expect(error.message).toContain('did not accept the user name and password')
  })

  it('a server that drops the connection mid-message', async () => {
    const error = await failing({ dropMidMessage: true })
    expect(error.message).toContain('was lost before the message was accepted')
  })

  it('a refused recipient', async () => {
    const error = await failing({ refuse: ['elodie@acme.example.com'] }, {}, email({ cc: '', bcc: '' }))
    expect(error).toMatchObject({ field: 'to' })
    expect(error.message).toContain('refused to deliver to elodie@acme.example.com')
  })

  it('an attachment too large for the server', async () => {
    const error = await failing({ size: 4000 })
    expect(error.message).toContain('too large')
  })

  it('no server at all', async () => {
    const server = await startServer()
    await call(app, 'email-settings:save', settings(server))
    await server.close()
    smtp = null
    const { letter } = await savedLetter()
    const error = await refused(app, 'letter-email:send', { source: { letterId: letter.id }, email: email() })
    expect(error.message).toMatch(/Nothing answered at localhost:\d+/)
    expect(await count('letter_emails')).toBe(0)
  })

  it('no account set up', async () => {
    const { letter } = await savedLetter()
    const error = await refused(app, 'letter-email:send', { source: { letterId: letter.id }, email: email() })
    expect(error.message).toContain('Settings > Email')
  })
})

describe('a draft for the mail app', () => {
  it('writes an unsent message with the PDF attached and opens it', async () => {
    const server = await startServer()
    await call(app, 'email-settings:save', settings(server))
    const { letter } = await savedLetter()
    const result = await call<{ saved: true; filePath: string }>(app, 'letter-email:save-draft', {
      source: { letterId: letter.id },
      email: email(),
    })
    expect(path.basename(result.filePath)).toBe('2026-11-22 Follow-up - Acme Ltd.eml')
    expect(app.ports.openedFiles).toContain(result.filePath)
    const raw = fs.readFileSync(result.filePath)
    expect(raw.toString('latin1')).toMatch(/^X-Unsent: 1\r$/m)
    const parsed = await simpleParser(raw)
    expect(parsed.subject).toBe('Our follow-up')
    expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.text : '').toBe('elodie@acme.example.com')
    expect(sha(parsed.attachments[0]!.content)).toBe(letter.contentHash)
    expect(await count('letter_emails')).toBe(0)
    expect(server.received).toHaveLength(0)
  })
})
