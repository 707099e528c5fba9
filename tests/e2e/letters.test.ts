/**
 * Letters end to end in Chromium: a follow-up written from a turnaround, edited, previewed as the
 * exact PDF (pdf.js on a canvas), saved through the (fake) native dialog, opened, found in the
 * history and exported again identically; the saved file's text checked with pdftotext. Templates
 * in Settings: an unknown merge field refused with its line, and a preview against a client.
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { startApp, type RunningApp } from './support/app-harness'
import { useAppSession } from './support/lifecycle'
import { ROOT } from './support/paths'
import { seedAcmeTurnaround } from './support/letterhead-profile'

const session = useAppSession()
let app: RunningApp | undefined

const NOW = new Date(2026, 10, 22, 9, 30)
const pdfText = (file: string) =>
  execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')

/** The preview has drawn every page, and the first page is not blank. */
async function previewDrawn(page: Page): Promise<number> {
  const preview = page.getByTestId('pdf-preview').first()
  await preview.locator('xpath=self::*[@data-rendered-pages]').waitFor()
  const inked = await preview
    .locator('canvas')
    .first()
    .evaluate((canvas: HTMLCanvasElement) => {
      const data =
        canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data ?? new Uint8ClampedArray()
      let dark = 0
      for (let i = 0; i < data.length; i += 4) if ((data[i] ?? 255) < 128) dark++
      return dark
    })
  expect(inked, 'the preview shows text').toBeGreaterThan(1000)
  return Number(await preview.getAttribute('data-rendered-pages'))
}

describe('letters', () => {
  it('writes a follow-up from a turnaround, edits, previews, saves, and finds it in the history', async () => {
    app = session.app = await startApp(session.browser(), { now: () => NOW })
    const { page } = app
    const turnaroundId = await seedAcmeTurnaround(page, { full: true })
    await page.goto(`${page.url().split('#')[0]}#/turnarounds/${turnaroundId}`)
    await page.reload()
    await page.locator('.turnaround-header h1', { hasText: 'Acme Ltd' }).waitFor()
    expect(await page.locator('.turnaround-header [data-stage]').getAttribute('data-stage')).toBe('client_committed')

    // Write a letter: the kind the stage calls for is chosen.
    await page.getByTestId('turnaround-write-letter').click()
    await page.locator('.write-letter-dialog').waitFor()
    expect(await page.getByTestId('kind-follow_up').locator('input').isChecked()).toBe(true)
    await app.screenshot('letters/01-choose-kind')
    await page.getByTestId('write-letter-go').click()
    await page.getByRole('heading', { name: 'Meeting follow-up to Acme Ltd' }).waitFor()
    expect(await page.locator('#letter-subject').inputValue()).toBe('Following up on our meeting of 20 November 2026')
    await previewDrawn(page)
    await app.screenshot('letters/02-editor-prefilled')

    // Edit: a new subject, a paragraph moved up above the closing words, a point added to a list.
    await page.locator('#letter-subject').fill('Our meeting on 20 November: what we agreed')
    await page.getByTestId('add-paragraph').click()
    const blocks = page.locator('.letter-blocks .block')
    const last = (await blocks.count()) - 1
    await page
      .getByRole('textbox', { name: `Paragraph ${last + 1}` })
      .fill('P.S. The reprint is booked for Monday morning.')
    await page.getByRole('button', { name: `Move paragraph ${last + 1} up` }).click()
    expect(await page.getByRole('textbox', { name: `Paragraph ${last}` }).inputValue()).toBe(
      'P.S. The reprint is booked for Monday morning.',
    )
    await page.getByText('changed since this preview').waitFor()
    await page.getByTestId('letter-preview').click()
    await page.getByText('changed since this preview').waitFor({ state: 'detached' })
    await previewDrawn(page)
    await app.screenshot('letters/03-edited-preview')

    // Save as PDF: the suggested name, in the folder the dialog chose; then Open.
    await page.locator('#letter-minutes').fill('20')
    await page.getByTestId('letter-save').click()
    await page.getByTestId('letter-saved').waitFor()
    const file = path.join(app.saveDir, '2026-11-22 Follow-up - Acme Ltd.pdf')
    expect(await page.getByTestId('saved-path').textContent()).toBe(file)
    await app.screenshot('letters/04-saved')
    const text = pdfText(file)
    for (const expected of [
      'Our meeting on 20 November: what we agreed',
      'P.S. The reprint is booked for Monday morning.',
      'The March and April reports arrived 6 and 9 days late',
      'The March report had the wrong VAT figures',
      'Send the corrected March report',
      '25 November 2026',
      'I will send you a written plan by 27 November 2026.',
      'Harbour Lane Print & Design',
      'Élodie Marchand',
    ]) {
      expect(text).toContain(expected)
    }
    expect(text.indexOf('P.S. The reprint')).toBeLessThan(text.indexOf('If you have any questions'))
    fs.mkdirSync(path.join(ROOT, 'test-results', 'letters'), { recursive: true })
    execFileSync('/usr/bin/pdftoppm', [
      '-png',
      '-r',
      '60',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      file,
      path.join(ROOT, 'test-results', 'letters', 'e2e-follow-up'),
    ])
    await page.getByTestId('letter-open').click()
    await expect.poll(() => app?.openedFiles).toEqual([file])

    // In the history, across clients; the stored letter re-exports identically.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Letters', exact: true }).click()
    await page.getByRole('heading', { name: 'Letters', exact: true }).waitFor()
    const row = page.locator('.letters-table tbody tr', { hasText: 'Our meeting on 20 November: what we agreed' })
    await row.getByText('Acme Ltd', { exact: true }).waitFor()
    await app.screenshot('letters/05-history')
    await row.click()
    await page.getByRole('heading', { name: 'Our meeting on 20 November: what we agreed' }).waitFor()
    const hash = createHash('sha256').update(fs.readFileSync(file)).digest('hex')
    expect(await page.getByTestId('stored-hash').textContent()).toBe(hash)
    await previewDrawn(page)
    await app.screenshot('letters/06-stored-letter')
    fs.rmSync(file)
    await page.getByTestId('stored-reexport').click()
    await page.getByText('the PDF is identical to the one sent').waitFor()
    expect(createHash('sha256').update(fs.readFileSync(file)).digest('hex')).toBe(hash)

    // The letter is a touchpoint of the turnaround: the follow-up is sent.
    const [touchpoint] = await app.db.dataSource.query(
      "SELECT kind, minutes, occurred_on FROM touchpoints WHERE kind = 'letter'",
    )
    expect(touchpoint).toEqual({ kind: 'letter', minutes: 20, occurred_on: '2026-11-22' })
    await page.goto(`${page.url().split('#')[0]}#/turnarounds/${turnaroundId}`)
    await expect
      .poll(() => page.locator('.turnaround-header [data-stage]').getAttribute('data-stage'))
      .toBe('follow_up_sent')

    // The client's Letters tab lists it.
    await page.locator('.turnaround-header h1 a').click()
    await page.locator('.client-tabs .n-tabs-tab', { hasText: 'Letters' }).click()
    await page
      .locator('.client-letters .letters-table')
      .getByText('Our meeting on 20 November: what we agreed')
      .waitFor()
    await app.screenshot('letters/07-client-tab')
  })

  it('edits a template in Settings: an unknown merge field is refused with its line, and a preview uses a real client', async () => {
    app = session.app = await startApp(session.browser(), { now: () => NOW })
    const { page } = app
    await seedAcmeTurnaround(page, { full: true })
    await page.reload()
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click()
    await page.locator('#template-body').waitFor()
    await page.locator('#template-body').fill('Dear {{ client.greeting }},\n\nThank you.\n{{ client.nmae }}')
    await page.getByTestId('template-save').click()
    await page.getByText('Line 4: unknown merge field “client.nmae”', { exact: false }).waitFor()
    await page.locator('#template-body').scrollIntoViewIfNeeded()
    await app.screenshot('letters/08-template-error')
    await page.locator('#template-body').fill('Dear {{ client.greeting }},\n\n# Agreed\n{% table issues %}')
    await page.locator('#template-preview-client').click()
    await page.keyboard.type('Acme')
    await page.locator('.n-base-select-option', { hasText: 'Acme Ltd' }).click()
    await page.getByTestId('template-preview').click()
    await previewDrawn(page)
    await app.screenshot('letters/09-template-preview')
    await page.keyboard.press('Escape')
    await page.getByTestId('template-save').click()
    await page.getByText('Meeting follow-up template saved.').waitFor()
    const templates = await page.evaluate(() => window.api.call['letter-templates:list'](undefined))
    expect(templates.ok && templates.data.find((t) => t.kind === 'follow_up')?.body).toBe(
      'Dear {{ client.greeting }},\n\n# Agreed\n{% table issues %}',
    )
    // US Letter from Settings.
    await page.getByTestId('page-size-LETTER').click()
    await page.getByText('Letters are now laid out on US Letter').waitFor()
    const profile = await page.evaluate(() => window.api.call['profile:get'](undefined))
    expect(profile.ok && profile.data?.letterPageSize).toBe('LETTER')
  })
})
