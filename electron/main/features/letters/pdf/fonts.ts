/**
 * The embedded font: DejaVu Sans (free licence, covers accented Latin, Greek and Cyrillic), read
 * and parsed once per fonts folder; every PDF embeds only the glyphs it uses.
 */
import fs from 'node:fs'
import path from 'node:path'
import PDFDocument from 'pdfkit'

export const FONT_FILES = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } as const

/**
 * A parsed font pdfkit accepts wherever it takes a font source. Parsing DejaVu Sans costs about
 * 25 ms; reusing the parsed font makes a letter about five times faster to lay out.
 */
export type PdfFont = string & { readonly __parsedFont: unique symbol }

export interface PdfFonts {
  regular: PdfFont
  bold: PdfFont
  /**
   * Word layouts (glyphs and advances) shared by every document using these fonts. Laying out
   * text with the font's shaping rules is most of a letter's cost; a word lays out the same in
   * every document (each document still embeds only its own glyphs).
   */
  layouts: { regular: Record<string, unknown>; bold: Record<string, unknown>; uses: number }
}

const cache = new Map<string, PdfFonts>()

function parse(file: string): PdfFont {
  // pdfkit parses the file with its own font library; the parsed font is kept for every later document.
  const doc = new PDFDocument({ autoFirstPage: false, font: fs.readFileSync(file) as unknown as string })
  const parsed = (doc as unknown as { _font: { font?: unknown } })._font.font
  if (!parsed) throw new Error(`${file} is not a font pdfkit can embed.`)
  keepCodePoints(parsed as FontkitFont)
  return parsed as PdfFont
}

interface FontkitGlyph {
  codePoints: number[]
}
interface FontkitFont {
  getGlyph(id: number, characters?: number[]): FontkitGlyph | null
}

/**
 * The font keeps one glyph object per glyph. One first met without its character (as the part of
 * a composed glyph: the E inside É, when a PDF's subset is written) would be kept without it, and
 * every later letter sharing the parsed font would map that glyph to no text: "Enclosures" would
 * read "nclosures" to a screen reader or a search. A glyph met later with its character gets it.
 */
function keepCodePoints(font: FontkitFont): void {
  const getGlyph = font.getGlyph.bind(font)
  font.getGlyph = (id, characters = []) => {
    const glyph = getGlyph(id, characters)
    if (glyph && glyph.codePoints.length === 0 && characters.length > 0) glyph.codePoints = characters
    return glyph
  }
}

/** The fonts in `dir` (in development `<app>/resources/fonts`, packaged `<resources>/fonts`). */
export function loadFonts(dir: string): PdfFonts {
  const cached = cache.get(dir)
  if (cached) return cached
  const fonts = {
    regular: parse(path.join(dir, FONT_FILES.regular)),
    bold: parse(path.join(dir, FONT_FILES.bold)),
    layouts: { regular: Object.create(null), bold: Object.create(null), uses: 0 },
  }
  cache.set(dir, fonts)
  return fonts
}

/** Gives the document's embedded fonts the shared word layouts (renewed now and then, so the cache stays small). */
export function shareLayouts(doc: PDFKit.PDFDocument, fonts: PdfFonts, names: { regular: string; bold: string }): void {
  const layouts = fonts.layouts
  if (++layouts.uses % 2000 === 0) Object.assign(layouts, { regular: Object.create(null), bold: Object.create(null) })
  for (const which of ['regular', 'bold'] as const) {
    doc.font(names[which])
    const embedded = (doc as unknown as { _font: { layoutCache?: Record<string, unknown> } })._font
    if (embedded.layoutCache) embedded.layoutCache = layouts[which]
  }
  doc.font(names.regular)
}
