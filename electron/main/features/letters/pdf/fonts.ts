/**
 * The embedded font: DejaVu Sans (free licence, covers accented Latin, Greek and Cyrillic), read
 * and parsed once per fonts folder; every PDF embeds only the glyphs it uses.
 */
import fs from 'node:fs'
import path from 'node:path'
import PDFDocument from 'pdfkit'
import { newFontFiles, rememberFontFile, type FontFiles } from './font-files'
import { newMeasures, type Measures } from './measures'

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
  /**
   * Texts' widths at size 1000 (as the font lays them out, see shareFonts): a letter asks the
   * width of every word it wraps, in every document the same.
   */
  widths: { regular: Map<string, number>; bold: Map<string, number> }
  /** Texts measured in these fonts (see measures.ts). */
  measures: Measures
  /** Compressed font files by the glyphs they hold (see font-files.ts). */
  files: { regular: FontFiles; bold: FontFiles }
}

const cache = new Map<string, PdfFonts>()

function parse(file: string): PdfFont {
  // pdfkit parses the file with its own font library; the parsed font is kept for every later document.
  const doc = new PDFDocument({ autoFirstPage: false, font: fs.readFileSync(file) as unknown as string })
  const parsed = (doc as unknown as { _font: { font?: unknown } })._font.font
  if (!parsed) throw new Error(`${file} is not a font pdfkit can embed.`)
  keepCodePoints(parsed as FontkitFont)
  keepDecodedGlyphs(parsed as FontkitFont)
  return parsed as PdfFont
}

interface FontkitGlyph {
  codePoints: number[]
  _decode(): unknown
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

/**
 * Every PDF embeds a subset of the font holding the glyphs it prints, and fontkit decodes each of
 * those glyphs' outlines anew for every subset it writes (a fifth of a letter's time). A glyph's
 * outline never changes: each glyph object keeps the one it decoded first. Nothing that reads it
 * writes to it (the subset copies the glyph's bytes before renumbering a composite's parts).
 */
function keepDecodedGlyphs(font: FontkitFont): void {
  const getGlyph = font.getGlyph.bind(font)
  const kept = new WeakSet<FontkitGlyph>()
  font.getGlyph = (id, characters) => {
    const glyph = getGlyph(id, characters)
    if (glyph && !kept.has(glyph)) {
      kept.add(glyph)
      const decode = glyph._decode.bind(glyph)
      let decoded: unknown
      let done = false
      glyph._decode = () => {
        if (!done) [decoded, done] = [decode(), true]
        return decoded
      }
    }
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
    widths: { regular: new Map(), bold: new Map() },
    measures: newMeasures(),
    files: { regular: newFontFiles(), bold: newFontFiles() },
  }
  cache.set(dir, fonts)
  return fonts
}

/**
 * Gives the document's embedded fonts the shared word layouts (renewed now and then, so the cache
 * stays small), and lets it find its fonts again without opening them anew. pdfkit remembers a font
 * under the name it was asked for by, but not a registered font it found equal to one it already
 * had (the regular font, the document's default), nor a font asked for by its parsed object (as its
 * tables do after every cell, to restore the font they found): each such call opened the font again
 * and compared its name table with the open one's as JSON, a tenth of a letter's time. The same
 * calls now find the open font (the same object those comparisons ended with: the PDF is unchanged).
 */
export function shareFonts(doc: PDFKit.PDFDocument, fonts: PdfFonts, names: { regular: string; bold: string }): void {
  const layouts = fonts.layouts
  if (++layouts.uses % 2000 === 0) {
    Object.assign(layouts, { regular: Object.create(null), bold: Object.create(null) })
    fonts.widths.regular.clear()
    fonts.widths.bold.clear()
  }
  const d = doc as unknown as OpenFonts
  if (d._font.font === fonts.regular && !d._fontFamilies[names.regular]) {
    // The document opened with the regular font: asked for by its name, pdfkit would open it again
    // (numbering it, which the bold font's number shows) only to find it equal and keep the open one.
    d._fontFamilies[names.regular] = d._font
    d._fontCount++
  }
  for (const which of ['regular', 'bold'] as const) {
    doc.font(names[which])
    d._fontFamilies[names[which]] ??= d._font
    if (d._font.layoutCache) {
      d._font.layoutCache = layouts[which]
      rememberWidths(d._font, fonts.widths[which])
    }
    rememberFontFile(d._font, fonts.files[which])
  }
  const byParsed = new Map<unknown, string>([
    [fonts.regular, names.regular],
    [fonts.bold, names.bold],
  ])
  const font = d.font
  d.font = function (this: PDFKit.PDFDocument, src: unknown, ...rest: unknown[]) {
    return font.call(this, byParsed.get(src) ?? src, ...rest)
  }
  doc.font(names.regular)
}

interface EmbeddedFontWidths {
  layout(text: string, features: unknown, onlyWidth: boolean): { advanceWidth: number }
  widthOfString(text: string, size: number, features?: unknown): number
}

/**
 * Makes the document's embedded font answer a text's width from `widths` when it measured that text
 * before: pdfkit lays the text out word by word (from its layout cache) and sums the glyphs'
 * advances every time it is asked, a word's width several times per letter. The width kept is the
 * very sum pdfkit computes, scaled as pdfkit scales it, so every position in the PDF is unchanged.
 * Texts laid out with OpenType features go to pdfkit as before.
 */
function rememberWidths(font: unknown, widths: Map<string, number>): void {
  const embedded = font as EmbeddedFontWidths
  const widthOfString = embedded.widthOfString
  embedded.widthOfString = function (this: EmbeddedFontWidths, text, size, features) {
    if (features) return widthOfString.call(this, text, size, features)
    let width = widths.get(text)
    if (width === undefined) {
      width = this.layout(text, features, true).advanceWidth
      if (widths.size < 50_000) widths.set(text, width)
    }
    const scale = size / 1000
    return width * scale
  }
}

interface OpenFonts {
  _font: { font: unknown; layoutCache?: Record<string, unknown> }
  _fontCount: number
  _fontFamilies: Record<string, unknown>
  font: (this: PDFKit.PDFDocument, src: unknown, ...rest: unknown[]) => PDFKit.PDFDocument
}
