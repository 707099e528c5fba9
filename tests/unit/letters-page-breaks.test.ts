/**
 * Where a letter's pages break, read back page by page with pdftotext: a heading or a lead-in line
 * never ends a page without two rows of its table or two lines of its paragraph, no paragraph leaves
 * one line alone, the closing and signature never stand alone on a page, and a template's
 * {% pagebreak %} starts a new page. The body is grown line by line so that every block meets the
 * foot of a page somewhere in the sweep.
 */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { LetterBlock } from '../../electron/shared/letters/blocks'
import type { PageSize } from '../../electron/shared/letters/words'
import { loadFonts } from '../../electron/main/features/letters/pdf/fonts'
import { renderLetterPdf } from '../../electron/main/features/letters/pdf/letter-pdf'
import type { LetterDocument } from '../../electron/main/features/letters/pdf/types'
import { createEngine, renderTemplate } from '../../electron/main/features/letters/template-engine'
import { pdfText } from '../support/letters-fixture'

const fonts = loadFonts(path.resolve('resources/fonts'))

const letterOf = (blocks: LetterBlock[], pageSize: PageSize = 'A4'): LetterDocument => ({
  letterhead: {
    businessName: 'Harbour Lane',
    ownerName: 'Maya Okafor',
    address: '',
    email: '',
    phone: '',
    logoDataUrl: null,
  },
  pageSize,
  date: '2026-11-22',
  dateText: '22 November 2026',
  recipient: 'Élodie Marchand',
  subject: 'Where pages break',
  blocks,
  closing: 'Kind regards,',
  kindLabel: 'Letter',
  clientName: 'Acme',
})

const lines = (n: number, word: string) => Array.from({ length: n }, (_, i) => `${word} line ${i + 1}`).join('\n')

/** A filler paragraph of `n` lines, then every kind of block that must not be left at a page's foot. */
const sweepBlocks = (n: number): LetterBlock[] => [
  { type: 'paragraph', text: lines(n, 'Filler') },
  { type: 'heading', text: 'Section heading' },
  { type: 'paragraph', text: 'These are the rows:' },
  {
    type: 'table',
    columns: ['Item', 'What'],
    rows: Array.from({ length: 5 }, (_, i) => [`Row ${i + 1}`, `Cell text ${i + 1}`]),
  },
  { type: 'table', columns: ['Trio', 'Note'], rows: [1, 2, 3].map((k) => [`Trio ${k}`, `Trio note ${k}`]) },
  { type: 'heading', text: 'Closing thoughts' },
  { type: 'paragraph', text: lines(5, 'Thought') },
  { type: 'paragraph', text: 'These points close the letter:' },
  { type: 'bullets', items: ['Point one', 'Point two', 'Point three'] },
  { type: 'paragraph', text: lines(3, 'Last') },
]

/** Each page's lines of body text, without the page numbers and the continuation header. */
function pagesOf(bytes: Uint8Array, count: number): string[][] {
  return Array.from({ length: count }, (_, i) =>
    pdfText(bytes, i + 1)
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '' && l !== '\f' && !/^Page \d+ of \d+$/.test(l) && !/^Acme · /.test(l)),
  )
}

const has = (page: string[], text: string) => page.some((l) => l.includes(text))

describe('page breaks', () => {
  for (const pageSize of ['A4', 'LETTER'] as const) {
    it(`${pageSize}: headings, lead-ins and the signature keep company at every position`, async () => {
      let runsOver = 0
      for (let n = 24; n <= 70; n++) {
        const { bytes, pages } = await renderLetterPdf(letterOf(sweepBlocks(n), pageSize), fonts)
        const text = pagesOf(bytes, pages)
        if (pages > 1) runsOver++
        text.forEach((page, i) => {
          const where = `${pageSize}, ${n} filler lines, page ${i + 1}: ${page.join(' | ')}`
          if (i < text.length - 1) {
            const last = page[page.length - 1] ?? ''
            for (const alone of ['Section heading', 'These are the rows:', 'Closing thoughts', 'These points close'])
              expect(last.startsWith(alone), where).toBe(false)
            expect(last, where).not.toMatch(/^(Item|What)$/)
          }
          // A heading has what follows it on its page: the lead-in and two rows, or two lines.
          if (has(page, 'Section heading')) {
            expect(has(page, 'These are the rows:'), where).toBe(true)
            expect(has(page, 'Row 1') && has(page, 'Row 2'), where).toBe(true)
          }
          if (has(page, 'These are the rows:')) expect(has(page, 'Row 2'), where).toBe(true)
          if (has(page, 'Closing thoughts'))
            expect(has(page, 'Thought line 1') && has(page, 'Thought line 2'), where).toBe(true)
          if (has(page, 'These points close')) expect(has(page, 'Point two'), where).toBe(true)
          // A table part is never a lone row (of three, none is left alone).
          for (const word of ['Row', 'Trio']) {
            const count = page.filter((l) => new RegExp(`^${word} \\d$`).test(l)).length
            expect(count, `${where} (${word})`).not.toBe(1)
          }
          // No paragraph leaves a single line at the head or the foot of a page.
          for (const word of ['Filler', 'Thought']) {
            const count = page.filter((l) => l.startsWith(`${word} line`)).length
            if (count > 0 && !(word === 'Filler' && n < 2))
              expect(count, `${where} (${word})`).toBeGreaterThanOrEqual(2)
          }
          // The closing and signature share their page with the end of the letter.
          if (has(page, 'Kind regards,')) {
            expect(has(page, 'Last line 3'), where).toBe(true)
            expect(page.filter((l) => l.startsWith('Last line')).length, where).toBeGreaterThanOrEqual(2)
          }
        })
      }
      expect(runsOver).toBeGreaterThan(30)
    })
  }

  it('a template asks for a page break with {% pagebreak %}', async () => {
    const { blocks } = renderTemplate(
      createEngine(),
      { subject: 'Two pages', body: 'Dear reader,\n\nThe first page.\n{% pagebreak %}\n# Appendix\nThe second page.' },
      {},
      {},
    )
    expect(blocks).toEqual([
      { type: 'paragraph', text: 'Dear reader,' },
      { type: 'paragraph', text: 'The first page.' },
      { type: 'heading', text: 'Appendix', newPage: true },
      { type: 'paragraph', text: 'The second page.' },
    ])
    const { bytes, pages } = await renderLetterPdf(letterOf(blocks), fonts)
    expect(pages).toBe(2)
    const [first, second] = pagesOf(bytes, 2)
    expect(has(first as string[], 'The first page.')).toBe(true)
    expect(has(first as string[], 'Appendix')).toBe(false)
    expect(has(second as string[], 'Appendix')).toBe(true)
    expect(has(second as string[], 'Kind regards,')).toBe(true)
  })
})
