/**
 * What a letter's layout remembers between letters (measured texts, the compressed font files,
 * decoded glyphs, the fonts found again) never changes a byte: letters rendered after many others,
 * in any order and twice over, are byte for byte the letters a freshly parsed font renders first.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createHash } from 'node:crypto'
import { afterAll, describe, expect, it } from 'vitest'
import type { LetterBlock } from '../../electron/shared/letters/blocks'
import { FONT_FILES, loadFonts } from '../../electron/main/features/letters/pdf/fonts'
import { renderLetterPdf } from '../../electron/main/features/letters/pdf/letter-pdf'
import type { LetterDocument } from '../../electron/main/features/letters/pdf/types'

const FONTS_DIR = path.resolve('resources/fonts')
const dirs: string[] = []
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })))

/** The fonts parsed anew, with nothing remembered (a folder of their own: fonts are kept per folder). */
function freshFonts() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'letter-fonts-'))
  dirs.push(dir)
  for (const file of Object.values(FONT_FILES)) fs.copyFileSync(path.join(FONTS_DIR, file), path.join(dir, file))
  return loadFonts(dir)
}

const letterOf = (blocks: LetterBlock[], extra: Partial<LetterDocument> = {}): LetterDocument => ({
  letterhead: {
    businessName: 'Harbour Lane Print & Design',
    ownerName: 'Maya Okafor',
    address: 'Unit 4, 12 Harbour Lane\nBristol BS1 6XY',
    email: 'hello@harbourlane.example.co.uk',
    phone: '0117 496 0123',
    logoDataUrl: null,
    conventions: {
      layout: 'window',
      dinForm: 'B',
      signerRole: 'Director',
      signatureDataUrl: null,
      footer: ['Harbour Lane Ltd · Registered in England 01234567'],
    },
  },
  pageSize: 'A4',
  date: '2026-11-22',
  dateText: '22 November 2026',
  recipient: 'Élodie Marchand\n3 Gloucester Road\nBristol',
  subject: 'Où en sommes-nous: Enclosures and Éclairs',
  blocks,
  closing: 'Kind regards,',
  kindLabel: 'Follow-up',
  clientName: 'Acme Ltd',
  enclosures: 'Enclosures: the plan',
  ...extra,
})

const rows = (n: number, word: string) =>
  Array.from({ length: n }, (_, i) => [`${word} ${i + 1}`, `É ${i} → E`, '25 Nov'])

const LETTERS: LetterDocument[] = [
  letterOf([
    { type: 'heading', text: 'What went wrong' },
    { type: 'paragraph', text: 'These are the issues we agreed:' },
    { type: 'table', columns: ['Issue', 'Fixed when', 'Due'], rows: rows(4, 'Issue') },
    { type: 'bullets', items: ['Éclair first', 'Then the E'] },
  ]),
  letterOf([
    { type: 'paragraph', text: `A long word: ${'Donaudampfschifffahrtsgesellschaft'.repeat(8)} and more.` },
    { type: 'table', columns: ['Row', 'Note', 'Date'], rows: rows(60, 'Row') },
  ]),
  letterOf([{ type: 'paragraph', text: 'Short and plain.' }], { pageSize: 'LETTER', dateText: 'November 22, 2026' }),
]

const hash = async (letter: LetterDocument, fonts: ReturnType<typeof loadFonts>) =>
  createHash('sha256')
    .update((await renderLetterPdf(letter, fonts)).bytes)
    .digest('hex')

describe('a letter rendered after others', () => {
  it('is byte for byte the letter a freshly parsed font renders', async () => {
    const first: string[] = []
    for (const letter of LETTERS) first.push(await hash(letter, freshFonts()))
    const shared = freshFonts()
    for (const round of [0, 1]) {
      const order = round === 0 ? [...LETTERS.keys()] : [...LETTERS.keys()].reverse()
      for (const i of order)
        expect(await hash(LETTERS[i] as LetterDocument, shared), `letter ${i}, round ${round}`).toBe(first[i])
    }
    expect(shared.measures.entries.size).toBeGreaterThan(0)
    expect(shared.files.regular.size).toBeGreaterThan(0)
  })
})
