/**
 * Text no line can hold, and letters too big to lay out: a 20,000-character word and a table full
 * of long words are cut to fit their lines (each character measured once: the layout's measuring
 * grows with the text, not with its square), and a template or a letter over its size is refused
 * with the field named.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import PDFDocument from 'pdfkit'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { LetterBlock } from '../../electron/shared/letters/blocks'
import { LetterDraftInput, TemplateSaveInput } from '../../electron/shared/letters/schemas'
import { loadFonts } from '../../electron/main/features/letters/pdf/fonts'
import { renderLetterPdf } from '../../electron/main/features/letters/pdf/letter-pdf'
import { MARGINS } from '../../electron/main/features/letters/pdf/style'
import type { LetterDocument } from '../../electron/main/features/letters/pdf/types'
import { NOW, PROFILE, call, refused } from '../support/letters-fixture'
import { openTestApp } from '../support/temp-db'

const fonts = loadFonts(path.resolve('resources/fonts'))
const A4 = { width: 595.28, height: 841.89 }

const letterOf = (blocks: LetterBlock[]): LetterDocument => ({
  letterhead: {
    businessName: 'Harbour Lane',
    ownerName: 'Maya Okafor',
    address: '',
    email: '',
    phone: '',
    logoDataUrl: null,
  },
  pageSize: 'A4',
  date: '2026-11-22',
  dateText: '22 November 2026',
  recipient: 'Élodie Marchand',
  subject: 'A long word',
  blocks,
  closing: 'Kind regards,',
  kindLabel: 'Letter',
  clientName: 'Acme',
})

/** A word of `length` characters that no dictionary holds, distinct from the letter's other words. */
const longWord = (length: number, seed = 0) =>
  Array.from({ length }, (_, i) => String.fromCharCode(97 + ((i * 7 + seed) % 26))).join('')

interface Word {
  xMax: number
  yMax: number
  text: string
}

/** Every word pdftotext finds, with its box (pdftotext -bbox), page by page. */
function wordsOf(bytes: Buffer): { pages: { width: number; height: number }[]; words: Word[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'long-words-'))
  try {
    const file = path.join(dir, 'letter.pdf')
    fs.writeFileSync(file, bytes)
    const html = execFileSync('/usr/bin/pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
    const pages = [...html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">/g)].map((m) => ({
      width: Number(m[1]),
      height: Number(m[2]),
    }))
    const words = [
      ...html.matchAll(/<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g),
    ].map((m) => ({ xMax: Number(m[1]), yMax: Number(m[2]), text: m[3] as string }))
    return { pages, words }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/** Renders, counting the characters pdfkit is asked to measure. */
async function renderCounting(blocks: LetterBlock[]) {
  const measure = vi.spyOn(PDFDocument.prototype, 'widthOfString')
  const { bytes, pages } = await renderLetterPdf(letterOf(blocks), fonts)
  const measured = measure.mock.calls.reduce((sum, [text]) => sum + String(text).length, 0)
  measure.mockRestore()
  return { bytes, pages, measured }
}

const rightMargin = MARGINS.right

function expectWithinThePage(bytes: Buffer): Word[] {
  const { pages, words } = wordsOf(bytes)
  expect(pages.length).toBeGreaterThan(0)
  for (const page of pages) expect(page).toEqual({ width: A4.width, height: A4.height })
  const widest = Math.max(...words.map((w) => w.xMax))
  expect(widest).toBeLessThanOrEqual(A4.width - rightMargin + 1)
  return words
}

afterEach(() => vi.restoreAllMocks())

describe('a word wider than its line', () => {
  it('a 20,000-character word is cut into lines that fit the page, every character kept', async () => {
    const word = longWord(20_000)
    const { bytes, pages, measured } = await renderCounting([{ type: 'paragraph', text: `Before ${word} after.` }])
    expect(bytes.subarray(0, 8).toString()).toBe('%PDF-1.7')
    const words = expectWithinThePage(bytes)
    expect(pages).toBeGreaterThan(1)
    const pieces = words.filter((w) => /^[a-z]{20,}$/.test(w.text))
    expect(pieces.length).toBeGreaterThan(100)
    expect(pieces.map((w) => w.text).join('')).toBe(word)
    // Measured once and a little more: pdfkit measuring the rest of the word after every line was 100× this.
    expect(measured).toBeLessThan(5 * word.length)
  })

  it('a table full of long words wraps every cell inside its column and keeps the text', async () => {
    const rows = Array.from({ length: 12 }, (_, r) => Array.from({ length: 6 }, (_, c) => longWord(1200, r * 6 + c)))
    const table: LetterBlock = {
      type: 'table',
      columns: ['One', 'Two', 'Three', 'Four', 'Five', 'Six'],
      rows,
    }
    const { bytes, measured } = await renderCounting([table])
    const words = expectWithinThePage(bytes)
    const cells = rows.flat()
    // Every character of every cell is printed: a row taller than a page goes on in a row on the next.
    const printed = words.filter((w) => /^[a-z]+$/.test(w.text) && !['of', 'long', 'word'].includes(w.text))
    expect(printed.reduce((s, w) => s + w.text.length, 0)).toBe(cells.reduce((s, c) => s + c.length, 0))
    const text = printed.map((w) => w.text).join('')
    expect(text).toContain(cells[0]?.slice(0, 200))
    const total = cells.reduce((s, c) => s + c.length, 0)
    // A cell is measured a few times (its height, its rows, pdfkit's table); before, 260 times.
    expect(measured).toBeLessThan(20 * total)
    // No piece is wider than its column (a sixth of the width between the margins).
    const column = (A4.width - MARGINS.left - MARGINS.right) / 6
    const longest = Math.max(...words.filter((w) => /^[a-z]+$/.test(w.text)).map((w) => w.text.length))
    expect(longest).toBeLessThan(column / 3)
  })
})

describe('sizes a letter may have', () => {
  it('refuses an oversize template with the field named, and keeps the saved one', async () => {
    const body = TemplateSaveInput.safeParse({ kind: 'blank', subject: 'Hi', body: 'x'.repeat(80_000) })
    expect(body.success).toBe(false)
    expect(body.error?.issues[0]?.path).toEqual(['body'])
    expect(body.error?.issues[0]?.message).toBe(
      "The template's letter text is 80,000 characters; keep it under 50,000.",
    )
    const subject = TemplateSaveInput.safeParse({ kind: 'blank', subject: 'y'.repeat(1001), body: '' })
    expect(subject.error?.issues[0]?.path).toEqual(['subject'])
    expect(subject.error?.issues[0]?.message).toContain("template's subject")

    const app = await openTestApp(undefined, () => NOW)
    try {
      await call(app, 'profile:save', PROFILE)
      const error = await refused(app, 'letter-templates:save', {
        kind: 'blank',
        subject: 'Hi',
        body: 'x'.repeat(80_000),
      })
      expect(error.field).toBe('body')
      expect(error.message).toContain('letter text')
      // A template within its size that makes a letter over a letter's size is refused too.
      const repeated = await refused(app, 'letter-templates:save', {
        kind: 'blank',
        subject: 'Hi',
        body: `{% for n in (1..4000) %}{{ business.name }} ${'z'.repeat(40)}\n{% endfor %}`,
      })
      expect(repeated.field).toBe('body')
      expect(repeated.message).toContain('a letter holds at most 100,000')
    } finally {
      await app.close()
    }
  })

  it('refuses a letter whose text is over 100,000 characters', () => {
    const draft = {
      clientId: 1,
      turnaroundId: null,
      kind: 'blank',
      date: '2026-11-22',
      recipient: '',
      subject: 'Long',
      blocks: Array.from({ length: 6 }, () => ({ type: 'paragraph', text: 'w'.repeat(19_000) })),
      closing: '',
    }
    const parsed = LetterDraftInput.safeParse(draft)
    expect(parsed.error?.issues[0]?.path).toEqual(['blocks'])
    expect(parsed.error?.issues[0]?.message).toBe("The letter's text is 114,000 characters; keep it under 100,000.")
    expect(LetterDraftInput.safeParse({ ...draft, blocks: draft.blocks.slice(0, 5) }).success).toBe(true)
  })
})
