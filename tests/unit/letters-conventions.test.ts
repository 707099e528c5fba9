/**
 * A business letter's conventions, read back from the PDF with pdftotext -bbox: the address where a
 * window envelope shows it (DIN 5008 form A and B on A4, the US block format on US Letter), the
 * reference line with the turnaround's number, cc and enclosures, the signer's role, a scanned
 * signature, "Dear Dr Park", a legal footer on every page; the settings kept across a restart, the
 * letter's own fields kept on record and re-exported byte for byte; the letterhead's name no longer
 * squeezed beside a logo.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { footerLines, type LetterConventions } from '../../electron/shared/letters/conventions'
import type {
  LetterDraft,
  LetterDraftResult,
  LetterExportResult,
  LetterReexportResult,
  RenderedPdf,
} from '../../electron/shared/letters/models'
import type { Client } from '../../electron/shared/models'
import {
  NOW,
  PROFILE,
  call,
  firstPagePng,
  fullClient,
  pdfText,
  squeeze,
  useLettersApp,
} from '../support/letters-fixture'
import { missingGlyphCount } from '../support/pdf-inspect'
import { bandPng, pngDataUrl } from '../support/png'
import { openTestApp } from '../support/temp-db'

const app = useLettersApp()
const MM = 72 / 25.4

interface Word {
  page: number
  x: number
  y: number
  xMax: number
  yMax: number
  text: string
}

/** Every word with its box, page by page (pdftotext -bbox; y from the top of the page). */
function wordsOf(bytes: Uint8Array): Word[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'conventions-'))
  try {
    const file = path.join(dir, 'letter.pdf')
    fs.writeFileSync(file, bytes)
    const html = execFileSync('/usr/bin/pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
    return html
      .split('<page ')
      .slice(1)
      .flatMap((page, i) =>
        [
          ...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g),
        ].map((m) => ({ page: i + 1, x: +m[1]!, y: +m[2]!, xMax: +m[3]!, yMax: +m[4]!, text: m[5] as string })),
      )
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

const bytesOf = (pdf: RenderedPdf) => Buffer.from(pdf.base64, 'base64')
const render = async (draft: LetterDraft) => bytesOf(await call<RenderedPdf>(app(), 'letters:render', { draft }))
const start = (clientId: number, kind = 'follow_up') =>
  call<LetterDraftResult>(app(), 'letters:start', { clientId, kind, goodwill: '' })
const conventions = (input: Record<string, unknown>) => call<LetterConventions>(app(), 'letter-conventions:save', input)
const find = (words: Word[], text: string) => words.filter((w) => w.text === text)

async function dinLetter(dinForm: 'A' | 'B') {
  await conventions({ addressLayout: 'window', dinForm, references: true })
  const { client, turnaround } = await fullClient(app())
  const { draft } = await start(client.id)
  expect(draft.ourReference).toBe(`#${turnaround.id}`)
  const bytes = await render({ ...draft, yourReference: 'PO-4471' })
  return { bytes, words: wordsOf(bytes), turnaround }
}

describe('the address where the envelope window is', () => {
  for (const [form, top] of [
    ['A', 27],
    ['B', 45],
  ] as const) {
    it(`DIN 5008 form ${form}: the address in the field, the references and date beside it, fold marks`, async () => {
      const { bytes, words, turnaround } = await dinLetter(form)
      // The address zone: 20–105 mm from the left, from 17.7 mm under the field's top to its foot.
      firstPagePng(bytes, `din-form-${form}`)
      const field = words.filter(
        (w) =>
          w.page === 1 &&
          w.x >= 20 * MM &&
          w.xMax <= 105 * MM &&
          w.y >= (top + 17.7) * MM - 1 &&
          w.yMax <= (top + 45) * MM,
      )
      expect(field.map((w) => w.text)).toEqual(
        expect.arrayContaining(['Élodie', 'Marchand', 'Gloucester', 'Road', 'Bristol', 'BS7', '8AA']),
      )
      // The return line sits above the address, in the same field.
      const sender = find(words, 'Harbour').find((w) => w.y > top * MM && w.y < (top + 17.7) * MM)
      expect(sender, 'return line').toBeDefined()
      // The information block from 125 mm: our reference is the turnaround's number, then theirs and the date.
      for (const text of [`#${turnaround.id}`, 'PO-4471', '22']) {
        const w = find(words, text).find((x) => x.x >= 125 * MM - 1 && x.y < (top + 45) * MM)
        expect(w, text).toBeDefined()
      }
      // The subject comes after the address field.
      const subject = find(words, 'Following')[0]
      expect(subject!.y).toBeGreaterThan((top + 45) * MM)
    })
  }

  it('US block format on US Letter: date, then the address in the No. 10 window, all flush left', async () => {
    await call(app(), 'letter-settings:save', { pageSize: 'LETTER' })
    await conventions({ addressLayout: 'window', references: true })
    const { client } = await fullClient(app())
    const { draft } = await start(client.id)
    const bytes = await render(draft)
    const words = wordsOf(bytes)
    const date = find(words, 'November')[0]
    const name = find(words, 'Élodie')[0]
    const postcode = find(words, 'BS7')[0]
    expect(date!.y).toBeLessThan(name!.y)
    // The window: 7/8 in from the left, from 2 in to 3 1/8 in from the top.
    for (const w of [name!, postcode!]) {
      expect(w.x).toBeGreaterThanOrEqual(0.875 * 72)
      expect(w.y).toBeGreaterThanOrEqual(2 * 72)
      expect(w.yMax).toBeLessThanOrEqual(3.125 * 72)
    }
    expect(Math.abs(date!.x - name!.x)).toBeLessThan(1)
    expect(squeeze(pdfText(bytes))).toContain(`Our reference: #`)
    firstPagePng(bytes, 'us-block')
  })
})

describe('the letter’s own lines and the signer', () => {
  it('references, cc, enclosures, role, signature and title print, are kept, and re-export identically', async () => {
    const signature = path.join(app().dir, 'signature.png')
    fs.writeFileSync(signature, bandPng(300, 80))
    app().ports.nextOpenPath = signature
    const c = await call<LetterConventions>(app(), 'letter-conventions:signature', { action: 'choose' })
    expect(c.signatureDataUrl).toMatch(/^data:image\/png;base64,/)
    expect(c.signature).toBe(true)
    await conventions({
      references: true,
      ccAndEnclosures: true,
      role: true,
      signerRole: 'Managing Director',
      signature: true,
      titles: true,
    })
    const client = await call<Client>(app(), 'clients:create', {
      name: 'Park Dental',
      contactPerson: 'Jamie Park',
      contactTitle: 'Dr',
      address: '1 High Street\nBath\nBA1 1AA',
    })
    const { draft } = await start(client.id, 'blank')
    expect(draft.recipient.split('\n')[0]).toBe('Dr Jamie Park')
    expect(draft.blocks[0]).toEqual({ type: 'paragraph', text: 'Dear Dr Park,' })
    const letter = {
      ...draft,
      subject: 'A note',
      yourReference: 'PD/2026/17',
      cc: 'Jess Howard',
      enclosures: 'Revised quote',
    }
    const saved = await call<LetterExportResult>(app(), 'letters:export', { draft: letter, minutes: 0 })
    if (!saved.saved) throw new Error('not saved')
    expect(saved.letter.draft).toMatchObject({
      yourReference: 'PD/2026/17',
      cc: 'Jess Howard',
      enclosures: 'Revised quote',
    })
    const bytes = fs.readFileSync(saved.letter.filePath)
    const text = squeeze(pdfText(bytes))
    firstPagePng(bytes, 'signature-role-cc')
    expect(text).toContain('Your reference: PD/2026/17')
    expect(text).toMatch(/Maya Okafor Managing Director/)
    expect(text).toMatch(/Enclosures: Revised quote cc: Jess Howard/)
    expect(bytes.toString('latin1')).toContain('/Subtype /Image')
    expect(missingGlyphCount(bytes).missing).toBe(0)
    firstPagePng(bytes, 'signature-role-cc')
    // Settings changed later do not change the letter on record.
    await conventions({})
    await call(app(), 'letter-conventions:signature', { action: 'remove' })
    const again = await call<LetterReexportResult>(app(), 'letters:reexport', { id: saved.letter.id })
    expect(again.saved && again.identical).toBe(true)
  })

  it('keeps what was saved while the signature’s dialog was open, and says plainly when the image cannot be read', async () => {
    const signature = path.join(app().dir, 'signature.png')
    fs.writeFileSync(signature, bandPng(300, 80))
    // The dialog lets the request queue go: the owner saves the conventions meanwhile.
    app().ports.chooseOpenFile = async () => {
      await call(app(), 'letter-conventions:save', { footer: true, vatNumber: 'GB 123 4567 89' })
      return signature
    }
    const c = await call<LetterConventions>(app(), 'letter-conventions:signature', { action: 'choose' })
    expect(c).toMatchObject({ signature: true, footer: true, vatNumber: 'GB 123 4567 89' })
    expect(await call(app(), 'letter-conventions:get')).toMatchObject({ footer: true, vatNumber: 'GB 123 4567 89' })

    const gone = path.join(app().dir, 'moved', 'signature.png')
    app().ports.chooseOpenFile = async () => gone
    const refused = (await app().call('letter-conventions:signature', { action: 'choose' })) as {
      ok: boolean
      error?: { message: string; field?: string }
    }
    expect(refused).toMatchObject({ ok: false, error: { field: 'signature' } })
    expect(refused.error?.message).toContain('could not be read')
    expect(refused.error?.message).not.toMatch(/ENOENT|moved\/signature\.png|open '/)
  })

  it('refuses a signature that is not a PNG or JPEG, and keeps the settings across a restart', async () => {
    const bad = path.join(app().dir, 'signature.gif')
    fs.writeFileSync(bad, 'GIF89a')
    app().ports.nextOpenPath = bad
    const refused = (await app().call('letter-conventions:signature', { action: 'choose' })) as {
      ok: boolean
      error?: { message: string }
    }
    expect(refused.ok).toBe(false)
    expect(refused.error?.message).toContain('PNG or JPEG')
    await conventions({ addressLayout: 'window', dinForm: 'A', footer: true, vatNumber: 'GB 123 4567 89' })
    const dir = app().dir
    await app().close()
    const reopened = await openTestApp(dir, () => NOW)
    try {
      const kept = (await reopened.call('letter-conventions:get')) as { ok: true; data: LetterConventions }
      expect(kept.data).toMatchObject({
        addressLayout: 'window',
        dinForm: 'A',
        footer: true,
        vatNumber: 'GB 123 4567 89',
      })
    } finally {
      await reopened.close()
    }
    // The fixture closes its app after the test: give it one to close.
    Object.assign(app(), { close: async () => {} })
  })
})

describe('the legal footer and the letterhead', () => {
  it('prints the legal footer on every page of a long letter, above the page number', async () => {
    await conventions({
      footer: true,
      companyNumber: '08123456',
      registeredOffice: '12 Harbour Lane, Bristol BS1 4RN',
      vatNumber: 'GB 123 4567 89',
      bankDetails: 'Harbour Bank, sort code 12-34-56, account 12345678',
    })
    const { client } = await fullClient(app())
    const { draft } = await start(client.id)
    const long = { ...draft, blocks: [...draft.blocks, ...draft.blocks, ...draft.blocks, ...draft.blocks] }
    const bytes = await render(long)
    const pages = Number(
      /Pages:\s+(\d+)/.exec(execFileSync('/usr/bin/pdfinfo', ['-'], { input: bytes }).toString())?.[1],
    )
    expect(pages).toBeGreaterThan(1)
    const words = wordsOf(bytes)
    for (let page = 1; page <= pages; page++) {
      const text = squeeze(pdfText(bytes, page))
      expect(text, `page ${page}`).toContain(
        'Company number 08123456 · Registered office: 12 Harbour Lane, Bristol BS1 4RN',
      )
      expect(text, `page ${page}`).toContain('VAT number GB 123 4567 89 · Bank: Harbour Bank, sort code 12-34-56')
      // No body text runs into the footer: every word above the page number is above the footer's top.
      const footerTop = Math.min(...words.filter((w) => w.page === page && w.text === 'Company').map((w) => w.y))
      const numberTop = Math.min(...words.filter((w) => w.page === page && w.text === 'Page').map((w) => w.y))
      expect(numberTop).toBeLessThan(footerTop)
      const body = words.filter((w) => w.page === page && w.y < numberTop)
      expect(Math.max(...body.map((w) => w.yMax))).toBeLessThan(numberTop)
    }
    expect(missingGlyphCount(bytes).missing).toBe(0)
  })

  it('keeps each part of the footer on one line when it was typed on several', async () => {
    const pagesOf = (bytes: Buffer) =>
      Number(/Pages:\s+(\d+)/.exec(execFileSync('/usr/bin/pdfinfo', ['-'], { input: bytes }).toString())?.[1])
    const { client } = await fullClient(app())
    const { draft } = await start(client.id)
    await conventions({ footer: true, registeredOffice: '12 Harbour Lane, Bristol BS1 4RN' })
    const oneLine = await render(draft)
    // An address pasted on three lines, and a paste gone wrong: line breaks by the hundred.
    const c = await conventions({
      footer: true,
      registeredOffice: '12 Harbour Lane\nBristol\r\nBS1 4RN',
      bankDetails: `Harbour Bank${'\n'.repeat(250)}12-34-56`,
    })
    expect(footerLines(c)).toEqual([
      'Registered office: 12 Harbour Lane, Bristol, BS1 4RN',
      'Bank: Harbour Bank, 12-34-56',
    ])
    const bytes = await render(draft)
    expect(pagesOf(bytes)).toBe(pagesOf(oneLine))
    expect(squeeze(pdfText(bytes))).toContain('Registered office: 12 Harbour Lane, Bristol, BS1 4RN')
  })

  it('sets the business name beside a logo only when it fits there on one line, else under it', async () => {
    await call(app(), 'profile:save', { ...PROFILE, logoDataUrl: pngDataUrl(bandPng(400, 140)) })
    const { client } = await fullClient(app())
    const { draft } = await start(client.id)
    const bytes = await render(draft)
    // The letterhead's left column (the business's address stands on the right).
    const head = wordsOf(bytes).filter((w) => w.page === 1 && w.y < 150 && w.x < 300)
    const name = ['Harbour', 'Lane', 'Print', 'Design'].map((t) => find(head, t)[0] as Word)
    // One line, and as wide as the name needs (it was squeezed onto three lines beside a wide logo).
    expect(new Set(name.map((w) => Math.round(w.y))).size).toBe(1)
    firstPagePng(bytes, 'logo-wide')
    await call(app(), 'profile:save', { ...PROFILE, businessName: 'Lane', logoDataUrl: pngDataUrl(bandPng(120, 120)) })
    const small = wordsOf(await render((await start(client.id)).draft))
    expect(find(small, 'Lane')[0]!.x).toBeGreaterThan(66 + 30)
  })
})
