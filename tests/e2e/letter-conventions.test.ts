/**
 * Business letter conventions end to end in Chromium: turned on in Settings (window-envelope
 * address, references, cc and enclosures, titles, the signer's role, a legal footer), kept across a
 * reload, then used by a letter written from the Letters page: its own references, cc and enclosures
 * typed in the editor, the saved PDF read back with pdftotext. And the parting letter's end date,
 * chosen in the Write a letter dialog.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { startApp } from './support/app-harness'
import { useAppSession } from './support/lifecycle'
import { saveLetterheadProfile } from './support/letterhead-profile'

const session = useAppSession()
const NOW = new Date(2026, 10, 22, 9, 30)
const pdfText = (file: string) =>
  execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')

async function seed(page: Page): Promise<number> {
  await saveLetterheadProfile(page)
  return page.evaluate(async () => {
    const api = window.api.call
    const client = await api['clients:create']({
      name: 'Park Dental',
      contactPerson: 'Jamie Park',
      contactTitle: 'Dr',
      address: '1 High Street\nBath\nBA1 1AA',
    })
    if (!client.ok) throw new Error(client.error.message)
    return client.data.id
  })
}

const switchOn = (page: Page, id: string) => page.getByTestId(id).click()
const checked = (page: Page, id: string) => page.getByTestId(id).getAttribute('aria-checked')

describe('letter conventions', () => {
  it('are set in Settings, kept, and printed on a letter with its own references, cc and enclosures', async () => {
    const app = (session.app = await startApp(session.browser(), { now: () => NOW }))
    const { page } = app
    const clientId = await seed(page)
    const base = page.url().split('#')[0]
    await page.goto(`${base}#/settings`)
    await page.reload()
    await page.getByTestId('letter-conventions').waitFor()
    await page.getByTestId('address-layout-window').click()
    await page.getByTestId('din-form-A').click()
    for (const id of ['conv-references', 'conv-cc', 'conv-titles', 'conv-role', 'conv-footer']) await switchOn(page, id)
    await page.locator('#conv-role').fill('Managing Director')
    await page.locator('#conv-vat').fill('GB 123 4567 89')
    await page.locator('#conv-company-number').fill('08123456')
    await page.getByTestId('letter-conventions').scrollIntoViewIfNeeded()
    await app.screenshot('letters/conventions-settings')
    await page.getByTestId('conv-save').click()
    await page.getByText('Letter conventions saved').waitFor()

    // Kept across a reload (and in the database).
    await page.reload()
    await page.getByTestId('letter-conventions').waitFor()
    await expect.poll(() => checked(page, 'conv-footer')).toBe('true')
    expect(await checked(page, 'conv-references')).toBe('true')
    expect(await page.locator('#conv-vat').inputValue()).toBe('GB 123 4567 89')
    expect(await page.getByTestId('din-form-A').locator('input').isChecked()).toBe(true)

    // A letter: greeted with the title, its own lines typed in the editor.
    await page.goto(`${base}#/letters/new?clientId=${clientId}&kind=blank`)
    await page.locator('#letter-your-reference').waitFor()
    expect(await page.locator('#letter-recipient').inputValue()).toMatch(/^Dr Jamie Park\n/)
    await page.locator('#letter-subject').fill('Your order')
    await page.locator('#letter-your-reference').fill('PD/2026/17')
    await page.locator('#letter-our-reference').fill('Q-118')
    await page.locator('#letter-enclosures').fill('Revised quote')
    await page.locator('#letter-cc').fill('Jess Howard')
    await page.getByTestId('letter-preview').click()
    await page.getByTestId('pdf-preview').first().locator('xpath=self::*[@data-rendered-pages]').waitFor()
    await app.screenshot('letters/conventions-editor')
    await page.getByTestId('letter-save').click()
    await page.getByTestId('letter-saved').waitFor()
    const file = path.join(app.saveDir, '2026-11-22 Letter - Park Dental.pdf')
    expect(fs.existsSync(file)).toBe(true)
    const text = pdfText(file)
    for (const expected of [
      'Dr Jamie Park',
      'Dear Dr Park,',
      'PD/2026/17',
      'Q-118',
      'Maya Okafor Managing Director',
      'Enclosures: Revised quote',
      'cc: Jess Howard',
      'Company number 08123456',
      'VAT number GB 123 4567 89',
    ])
      expect(text).toContain(expected)

    // The parting letter: the day the work ends, chosen when writing it.
    await page.goto(`${base}#/letters`)
    await page.getByTestId('write-letter').click()
    await page.locator('.write-letter-dialog').waitFor()
    await page.locator('#letter-client').fill('Park')
    await page.getByText('Park Dental', { exact: true }).last().click()
    await page.getByTestId('kind-parting').click()
    const ends = page.locator('[data-testid="letter-ends-on"] input')
    await ends.fill('15 Jan 2027')
    await ends.press('Enter')
    await app.screenshot('letters/parting-dialog')
    await page.getByTestId('write-letter-go').click()
    await page.getByRole('textbox', { name: 'Paragraph 2' }).waitFor()
    const paragraphs = await page
      .locator('.letter-blocks textarea')
      .evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value).join('\n'))
    expect(paragraphs).toContain('our work together will end on 15 January 2027')
  })
})
