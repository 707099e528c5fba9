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
}

const cache = new Map<string, PdfFonts>()

function parse(file: string): PdfFont {
  // pdfkit parses the file with its own font library; the parsed font is kept for every later document.
  const doc = new PDFDocument({ autoFirstPage: false, font: fs.readFileSync(file) as unknown as string })
  const parsed = (doc as unknown as { _font: { font?: unknown } })._font.font
  if (!parsed) throw new Error(`${file} is not a font pdfkit can embed.`)
  return parsed as PdfFont
}

/** The fonts in `dir` (in development `<app>/resources/fonts`, packaged `<resources>/fonts`). */
export function loadFonts(dir: string): PdfFonts {
  const cached = cache.get(dir)
  if (cached) return cached
  const fonts = { regular: parse(path.join(dir, FONT_FILES.regular)), bold: parse(path.join(dir, FONT_FILES.bold)) }
  cache.set(dir, fonts)
  return fonts
}
