/**
 * Words wider than their line, cut before pdfkit sees them. pdfkit breaks such a word itself, but
 * re-measures the rest of the word after every line it fills (a 20,000-character word took seconds,
 * a table of long words minutes). Here each character is measured once (per font and size, and
 * remembered), a word is cut into pieces that fit, and each piece ends its line: the whole text is
 * laid out in time proportional to its length.
 */

/** Room kept on each line for kerning, which measuring character by character does not see. */
const SLACK = 0.97

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' })
const widths = new WeakMap<PDFKit.PDFDocument, Map<string, number>>()

const fontOf = (doc: PDFKit.PDFDocument) => {
  const d = doc as unknown as { _font?: { name?: string }; _fontSize: number }
  return { name: d._font?.name ?? '', size: d._fontSize }
}

/** The width of one character (a grapheme) in the document's current font and size, measured once. */
function charWidth(doc: PDFKit.PDFDocument, char: string): number {
  let known = widths.get(doc)
  if (!known) widths.set(doc, (known = new Map()))
  const { name, size } = fontOf(doc)
  const key = `${name}\u0000${size}\u0000${char}`
  let width = known.get(key)
  if (width === undefined) known.set(key, (width = doc.widthOfString(char)))
  return width
}

/** Cuts one word into pieces no wider than `width`, each at least one character. */
function cut(doc: PDFKit.PDFDocument, word: string, width: number): string[] {
  const pieces: string[] = []
  let piece = ''
  let used = 0
  for (const { segment } of graphemes.segment(word)) {
    const w = charWidth(doc, segment)
    if (piece !== '' && used + w > width * SLACK) {
      pieces.push(piece)
      piece = ''
      used = 0
    }
    piece += segment
    used += w
  }
  if (piece !== '') pieces.push(piece)
  return pieces
}

/**
 * The text as it is to be laid out in `width` with the document's current font and size: every
 * word wider than the line is cut into pieces that fit, each on its own line; the rest is untouched.
 */
export function breakLongWords(doc: PDFKit.PDFDocument, text: string, width: number): string {
  if (width <= 0) return text
  // A word no longer than this cannot be wider than the line (no glyph is four ems wide).
  const safe = Math.floor(width / (4 * fontOf(doc).size))
  return text
    .split(/(\s+)/)
    .map((word, i) => {
      if (i % 2 === 1 || word.length <= safe) return word
      let total = 0
      for (const char of word) total += charWidth(doc, char)
      return total <= width * SLACK ? word : cut(doc, word, width).join('\n')
    })
    .join('')
}

/**
 * The text's lines in `width` (current font and size), wrapped at spaces and cut like
 * breakLongWords: for a table cell too tall for one page, whose lines go onto several rows.
 */
export function wrapLines(doc: PDFKit.PDFDocument, text: string, width: number): string[] {
  const lines: string[] = []
  const room = width * SLACK
  for (const paragraph of text.split('\n')) {
    let line = ''
    let used = 0
    for (const word of breakLongWords(doc, paragraph, width).split(/(\s+)/)) {
      if (word === '') continue
      if (word.includes('\n')) {
        // The pieces of a cut word: each fills its own line.
        const pieces = word.split('\n')
        if (line.trim() !== '') lines.push(line.trimEnd())
        lines.push(...pieces.slice(0, -1))
        line = pieces[pieces.length - 1] as string
        used = [...line].reduce((s, c) => s + charWidth(doc, c), 0)
        continue
      }
      const w = [...word].reduce((s, c) => s + charWidth(doc, c), 0)
      if (used + w > room && line.trim() !== '' && !/^\s+$/.test(word)) {
        lines.push(line.trimEnd())
        line = word
        used = w
      } else if (!(line === '' && /^\s+$/.test(word))) {
        line += word
        used += w
      }
    }
    lines.push(line.trimEnd())
  }
  return lines
}
