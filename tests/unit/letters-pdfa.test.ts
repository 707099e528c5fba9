/**
 * What PDF/A asks of a letter, checked on every kind: an XMP packet that is well-formed XML (read by
 * a real parser) and says what the Info dictionary says, hostile names included; a file ID of its
 * own for each distinct letter, the same on re-export; no glyph drawn as the missing-glyph box, and a
 * letter with a character the font lacks refused before it is saved, naming the character.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type {
  LetterDraft,
  LetterDraftResult,
  LetterExportResult,
  RenderedPdf,
} from '../../electron/shared/letters/models'
import { LETTER_KINDS } from '../../electron/shared/letters/words'
import { NOW, PROFILE, call, fullClient, pdfText, refused, squeeze } from '../support/letters-fixture'
import { fileIds, missingGlyphCount, parseXmp } from '../support/pdf-inspect'
import { openTestApp, type TestApp } from '../support/temp-db'

let app: TestApp
beforeEach(async () => {
  app = await openTestApp(undefined, () => NOW)
  await call(app, 'profile:save', PROFILE)
})
afterEach(async () => {
  await app.close()
})

const HOSTILE = '<b>Harbor</b> & "Sons"'
const bytesOf = (pdf: RenderedPdf) => Buffer.from(pdf.base64, 'base64')
const renderPdf = (draft: LetterDraft) => call<RenderedPdf>(app, 'letters:render', { draft })
const start = (clientId: number, kind: string, goodwill = '') =>
  call<LetterDraftResult>(app, 'letters:start', { clientId, kind, goodwill })

/** pdfinfo's reading of the Info dictionary (UTF-8, ISO dates). */
function info(bytes: Uint8Array): Record<string, string> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pdfinfo-')), 'letter.pdf')
  fs.writeFileSync(file, bytes)
  const out = execFileSync('/usr/bin/pdfinfo', ['-isodates', '-enc', 'UTF-8', file], { encoding: 'utf8' })
  return Object.fromEntries(
    out
      .split('\n')
      .map((l) => /^([A-Za-z ]+):\s+(.*)$/.exec(l))
      .filter((m) => m !== null)
      .map((m) => [m[1] as string, m[2] as string]),
  )
}

describe('the XMP metadata', () => {
  for (const kind of LETTER_KINDS) {
    it(`${kind}: is well-formed XML with hostile names, and matches the Info dictionary`, async () => {
      await call(app, 'profile:save', {
        ...PROFILE,
        businessName: 'Harbour Lane <Print> & Design',
        ownerName: 'Maya "Mo" O\'Kafor',
      })
      const { client } = await fullClient(app, HOSTILE)
      const { draft } = await start(client.id, kind, 'a <10%> voucher & a card')
      const subject = draft.subject || `Re: <i>${HOSTILE}</i>`
      const bytes = bytesOf(await renderPdf({ ...draft, subject }))
      const xmp = parseXmp(bytes)
      const dict = info(bytes)
      expect(xmp.title).toBe(subject)
      expect(dict.Title).toBe(subject)
      expect(xmp.description).toBe(dict.Subject)
      expect(xmp.description).toContain(`to ${HOSTILE}`)
      expect(xmp.keywords).toBe(dict.Keywords)
      expect(xmp.keywords).toContain('Harbour Lane <Print> & Design')
      expect(xmp.creator).toBe('Maya "Mo" O\'Kafor')
      expect(xmp.creator).toBe(dict.Author)
      expect(xmp.creatorTool).toBe(dict.Creator)
      expect(xmp.producer).toBe(dict.Producer)
      expect(xmp.createDate).toBe('2026-11-22T12:00:00Z')
      expect(dict.CreationDate).toBe('2026-11-22T12:00:00Z')
      expect(xmp.modifyDate).toBe(dict.ModDate)
      expect(xmp.metadataDate).toBe(dict.ModDate)
      expect([xmp.part, xmp.conformance]).toEqual(['2', 'B'])
    })
  }

  it('holds a subject with line breaks and control characters as the Info dictionary does', async () => {
    const { client } = await fullClient(app)
    const { draft } = await start(client.id, 'blank')
    const bytes = bytesOf(await renderPdf({ ...draft, subject: 'Two\u0007 lines &\u001b more' }))
    expect(parseXmp(bytes).title).toBe('Two lines & more')
    expect(info(bytes).Title).toBe('Two lines & more')
  })
})

describe('the file ID', () => {
  it('differs between different letters and stays the same for the same letter', async () => {
    const { client } = await fullClient(app)
    const withGesture = (await start(client.id, 'apology', 'a 20% discount on your next order')).draft
    const without = (await start(client.id, 'apology')).draft
    expect(withGesture.subject).toBe(without.subject)
    const a = bytesOf(await renderPdf(withGesture))
    const b = bytesOf(await renderPdf(without))
    const [idA, idA2] = fileIds(a)
    expect(idA2).toBe(idA)
    expect(fileIds(b)[0]).not.toBe(idA)
    expect(fileIds(bytesOf(await renderPdf(withGesture)))[0]).toBe(idA)
    // A letter kept on record exports again with the same bytes, ID included.
    const saved = await call<LetterExportResult>(app, 'letters:export', { draft: withGesture, minutes: 0 })
    if (!saved.saved) throw new Error('not saved')
    const again = await call<RenderedPdf>(app, 'letters:render-stored', { id: saved.letter.id })
    expect(again.contentHash).toBe(saved.letter.contentHash)
    expect(fileIds(bytesOf(again))[0]).toBe(idA)
  })
})

describe('no missing glyphs', () => {
  it('every kind, with hostile names and accents, draws no glyph as the missing-glyph box', async () => {
    const { client } = await fullClient(app, `${HOSTILE} Çelik-Øster ½ €`)
    for (const kind of LETTER_KINDS) {
      const pdf = await renderPdf((await start(client.id, kind, 'a gift')).draft)
      expect(pdf.unprintable, kind).toEqual([])
      expect(pdf.unprintableMessage).toBeNull()
      const glyphs = missingGlyphCount(bytesOf(pdf))
      expect(glyphs.drawn, kind).toBeGreaterThan(200)
      expect(glyphs.missing, kind).toBe(0)
    }
  })

  it('a tab prints as a space, not as a box', async () => {
    const { client } = await fullClient(app)
    const { draft } = await start(client.id, 'blank')
    const pdf = await renderPdf({ ...draft, blocks: [...draft.blocks, { type: 'paragraph', text: 'Item\tPrice' }] })
    expect(pdf.unprintable).toEqual([])
    expect(missingGlyphCount(bytesOf(pdf)).missing).toBe(0)
    expect(squeeze(pdfText(bytesOf(pdf)))).toContain('Item Price')
  })

  it('names the characters the font lacks in the preview, and refuses to save the letter', async () => {
    const { client } = await fullClient(app)
    const { draft } = await start(client.id, 'blank')
    const letter = {
      ...draft,
      subject: 'Our visit to 東京',
      blocks: [...draft.blocks, { type: 'paragraph' as const, text: 'See you in 東京 👍' }],
    }
    const pdf = await renderPdf(letter)
    // The preview shows what would print: the boxes, and the message naming the characters.
    expect(missingGlyphCount(bytesOf(pdf)).missing).toBeGreaterThan(0)
    expect(pdf.unprintable).toEqual(['京', '東', '👍'])
    expect(pdf.unprintableMessage).toContain('京 (U+4EAC), 東 (U+6771), 👍 (U+1F44D)')
    const error = await refused(app, 'letters:export', { draft: letter, minutes: 0 })
    expect(error.code).toBe('VALIDATION')
    expect(error.message).toContain('京 (U+4EAC), 東 (U+6771), 👍 (U+1F44D)')
    expect(error.message).toContain('empty box')
    expect(app.ports.saveDialogs).toEqual([])
    expect(fs.readdirSync(app.dir).filter((f) => f.endsWith('.pdf'))).toEqual([])
    expect(Number((await app.db.dataSource.query('SELECT COUNT(*) AS n FROM letters'))[0].n)).toBe(0)
  })
})
