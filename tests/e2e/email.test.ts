/**
 * Email end to end in Chromium: the sending account set up in Settings and a test email sent, then
 * a letter written from a turnaround and emailed to the real SMTP server this test starts on
 * loopback (STARTTLS and AUTH), its history showing it as sent; a refused recipient says so and
 * records nothing.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startApp, type RunningApp } from './support/app-harness'
import { useAppSession } from './support/lifecycle'
import { fakeCipher } from '../support/fake-cipher'
import { startSmtp, type TestSmtp } from '../support/smtp-server'
import { seedAcmeTurnaround } from './support/letterhead-profile'

const session = useAppSession()
let smtp: TestSmtp | undefined
afterEach(async () => {
  await smtp?.close()
  smtp = undefined
})

const NOW = new Date(2026, 10, 22, 9, 30)

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

describe('email', () => {
  it('sets up the account, sends a test email, emails a letter and shows it as sent', async () => {
    smtp = await startSmtp({ refuse: ['nobody@acme.example.com'] })
    const app: RunningApp = (session.app = await startApp(session.browser(), {
      now: () => NOW,
      ports: { secretCipher: fakeCipher(), smtpTrust: { ca: smtp.ca } },
    }))
    const { page } = app
    const turnaroundId = await seedAcmeTurnaround(page, { email: 'elodie@acme.example.com' })
    await page.reload()

    // Settings > Email.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click()
    const card = page.getByTestId('settings-email')
    await card.locator('#email-host').fill('localhost')
    await card.locator('#email-port').fill(String(smtp.port))
    await card.locator('#email-user').fill(smtp.user)
    await card.locator('#email-password').fill(smtp.password)
    await card.locator('#email-from-name').fill('Maya Okafor')
    await card.locator('#email-from-address').fill('maya@harbourlane.example')
    await card.locator('#email-reply-to').fill('hello at harbourlane')
    await card.getByTestId('email-save').click()
    await card.getByText('“hello at harbourlane” does not look like an email address.').waitFor()
    await card.locator('#email-reply-to').fill('hello@harbourlane.example.co.uk')
    await card.getByTestId('email-save').click()
    await page.getByText('Email settings saved.').waitFor()
    expect(await card.locator('#email-password').getAttribute('placeholder')).toContain('Saved')
    await card.locator('#email-test-to').fill('maya@harbourlane.example')
    await card.getByTestId('email-test').click()
    await card.getByTestId('email-test-result').getByText('A test email was sent to maya@harbourlane.example').waitFor()
    expect(smtp.received.map((m) => m.parsed.subject)).toEqual(['Turnaround Desk: test email'])
    await card.scrollIntoViewIfNeeded()
    await app.screenshot('email/01-settings')
    const rows = await app.db.dataSource.query('SELECT * FROM email_settings')
    expect(JSON.stringify(rows)).not.toContain(smtp.password)

    // A letter from the turnaround, emailed from the editor.
    await page.goto(`${page.url().split('#')[0]}#/letters/new?clientId=1&turnaroundId=${turnaroundId}&kind=follow_up`)
    await page.getByRole('heading', { name: 'Meeting follow-up to Acme Ltd' }).waitFor()
    await page.getByTestId('letter-email').click()
    const dialog = page.getByTestId('email-dialog')
    await dialog.locator('#email-to').waitFor()
    expect(await dialog.locator('#email-to').inputValue()).toBe('elodie@acme.example.com')
    expect(await dialog.locator('#email-subject').inputValue()).toBe('Following up on our meeting of 20 November 2026')
    expect(await dialog.locator('#email-message').inputValue()).toContain('Dear Élodie Marchand,')
    await dialog.locator('#email-cc').fill('accounts@acme.example.com')
    await dialog.locator('#email-minutes').fill('6')
    await app.screenshot('email/02-dialog')
    await dialog.getByTestId('email-send').click()
    await dialog.getByTestId('email-result').getByText('Sent to elodie@acme.example.com').waitFor()
    await app.screenshot('email/03-sent')
    expect(smtp.received).toHaveLength(2)
    const mail = smtp.received[1]!
    expect(mail.recipients).toEqual(['elodie@acme.example.com', 'accounts@acme.example.com'])
    expect(mail.parsed.subject).toBe('Following up on our meeting of 20 November 2026')
    expect(mail.parsed.text).toContain('Please find attached our letter of 22 November 2026.')
    const [letter] = await app.db.dataSource.query('SELECT id, content_hash FROM letters')
    expect(sha(mail.parsed.attachments[0]!.content)).toBe(letter.content_hash)
    const [touchpoint] = await app.db.dataSource.query("SELECT minutes FROM touchpoints WHERE kind = 'email'")
    expect(touchpoint).toEqual({ minutes: 6 })
    await dialog.getByRole('button', { name: 'Close', exact: true }).click()

    // The letter's history shows it as sent.
    await page.getByRole('link', { name: 'See it in the history' }).click()
    const history = page.getByTestId('letter-email-history')
    await history.getByText('elodie@acme.example.com').waitFor()
    await history.getByText('Sent by email').waitFor()
    expect(await history.textContent()).toContain(letter.content_hash)
    await page.getByTestId('pdf-preview').locator('xpath=self::*[@data-rendered-pages]').waitFor()
    await app.screenshot('email/04-history')

    // The Letters page marks it as emailed.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Letters', exact: true }).click()
    const row = page.locator('.letters-table tbody tr', { hasText: 'Following up on our meeting' })
    await row.getByTestId('letter-emailed').getByText('Emailed 22 Nov 2026').waitFor()
    await app.screenshot('email/05-letters-page')
    await row.click()
    await history.getByText('elodie@acme.example.com').waitFor()

    // A refused recipient: said in plain words, nothing recorded, the email kept.
    await page.getByTestId('stored-email').click()
    await dialog.locator('#email-to').waitFor()
    await dialog.locator('#email-to').fill('nobody@acme.example.com')
    await dialog.getByTestId('email-send').click()
    await dialog.getByText('refused to deliver to nobody@acme.example.com', { exact: false }).waitFor()
    await dialog.getByTestId('email-result').getByText('Nothing was sent: see above.').waitFor()
    expect(await dialog.locator('#email-to').inputValue()).toBe('nobody@acme.example.com')
    await app.screenshot('email/06-refused')
    expect(await app.db.dataSource.query('SELECT COUNT(*) AS n FROM letter_emails')).toEqual([{ n: 1 }])
    expect(smtp.received).toHaveLength(2)

    // Or a draft for the owner's own mail app: an .eml opened by the system, nothing sent or recorded.
    await dialog.locator('#email-to').fill('elodie@acme.example.com')
    await dialog.getByTestId('email-open-draft').click()
    await dialog.getByTestId('email-draft-saved').waitFor()
    const eml = path.join(app.saveDir, '2026-11-22 Follow-up - Acme Ltd.eml')
    expect(app.openedFiles).toEqual([eml])
    expect(fs.readFileSync(eml, 'latin1')).toMatch(/^X-Unsent: 1\r$/m)
    expect(smtp.received).toHaveLength(2)
  })
})
