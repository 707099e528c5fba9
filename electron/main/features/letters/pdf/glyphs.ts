/**
 * Characters the letter's fonts cannot print. A character the embedded font has no glyph for prints
 * as an empty box (and PDF/A forbids it), so a letter holding one is refused before it is saved,
 * with the characters named. Each text is checked against the font it is drawn in (the bold font
 * has a few glyphs fewer than the regular one).
 */
import type { PdfFont, PdfFonts } from './fonts'
import type { LetterDocument } from './types'

interface GlyphCoverage {
  hasGlyphForCodePoint(codePoint: number): boolean
}

/** Line breaks end a line; they are never drawn. */
const NOT_DRAWN = new Set([0x0a, 0x0d])

/** The texts the layout draws, by font (see letter-pdf.ts, letterhead.ts and body.ts). */
function textsByFont(letter: LetterDocument): { regular: string[]; bold: string[] } {
  const head = letter.letterhead
  const regular = [
    letter.dateText,
    letter.recipient,
    letter.closing,
    head.address,
    head.phone,
    head.email,
    head.businessName,
    letter.clientName,
    '•',
  ]
  const c = head.conventions
  if (c) regular.push(c.signerRole, ...c.footer, 'Page of 0123456789')
  regular.push(letter.references?.ours ?? '', letter.references?.yours ?? '', letter.cc ?? '', letter.enclosures ?? '')
  regular.push('Your reference: Our reference: Date cc: Enclosures:')
  const bold = [letter.subject, head.businessName, head.ownerName]
  for (const block of letter.blocks) {
    if (block.type === 'heading') bold.push(block.text)
    else if (block.type === 'paragraph') regular.push(block.text)
    else if (block.type === 'bullets') regular.push(...block.items)
    else {
      bold.push(...block.columns)
      for (const row of block.rows) regular.push(...row)
    }
  }
  return { regular, bold }
}

/** Whether each font has a glyph for a code point, as asked before (the font's answer never changes). */
const covered = new WeakMap<object, Map<number, boolean>>()

function hasGlyph(font: PdfFont, code: number): boolean {
  let known = covered.get(font as unknown as object)
  if (!known) covered.set(font as unknown as object, (known = new Map()))
  let has = known.get(code)
  if (has === undefined) known.set(code, (has = (font as unknown as GlyphCoverage).hasGlyphForCodePoint(code)))
  return has
}

function missingIn(font: PdfFont, texts: string[], found: Set<number>): void {
  for (const text of texts) {
    for (const char of text) {
      const code = char.codePointAt(0) as number
      if (!NOT_DRAWN.has(code) && !found.has(code) && !hasGlyph(font, code)) found.add(code)
    }
  }
}

/** The characters of the letter its fonts cannot print, each once, in code point order. */
export function unprintableCharacters(letter: LetterDocument, fonts: PdfFonts): string[] {
  const { regular, bold } = textsByFont(letter)
  const found = new Set<number>()
  missingIn(fonts.regular, regular, found)
  missingIn(fonts.bold, bold, found)
  return [...found].sort((a, b) => a - b).map((code) => String.fromCodePoint(code))
}

const hex = (char: string) => `U+${(char.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')}`

/** "東 (U+6771), 京 (U+4EAC)": a control character or a lone surrogate by its code only. */
export function describeCharacters(chars: readonly string[], max = 10): string {
  const shown = chars.slice(0, max).map((c) => (/[\p{Cc}\p{Cs}\p{Cf}]/u.test(c) ? hex(c) : `${c} (${hex(c)})`))
  const more = chars.length - shown.length
  return `${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}`
}

/** The sentence for the owner, or null when everything prints. */
export function unprintableMessage(chars: readonly string[]): string | null {
  if (chars.length === 0) return null
  const these = chars.length === 1 ? 'This character has' : 'These characters have'
  return `${these} no letter in the PDF’s font and would print as an empty box: ${describeCharacters(chars)}. Remove or replace ${chars.length === 1 ? 'it' : 'them'} (in the letter, or in the client’s or your business’s details) before saving.`
}

/** The letter as drawn: a tab (which no font draws) becomes a space, in every text. */
export function withTabsAsSpaces<T>(value: T): T {
  if (typeof value === 'string') return value.replace(/\t/g, ' ') as T
  if (Array.isArray(value)) return value.map((v: unknown) => withTabsAsSpaces(v)) as T
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withTabsAsSpaces(v)])) as T
  return value
}
