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

/** Per document, per font and size: each character's width, and each word's (its characters' widths added up). */
interface Widths {
  chars: Map<string, number>
  words: Map<string, number>
}
const widths = new WeakMap<PDFKit.PDFDocument, Map<string, Widths>>()

const fontOf = (doc: PDFKit.PDFDocument) => {
  const d = doc as unknown as { _font?: { name?: string }; _fontSize: number }
  return { name: d._font?.name ?? '', size: d._fontSize }
}

/** The widths known in the document's current font and size. */
function widthsNow(doc: PDFKit.PDFDocument): Widths {
  let byFont = widths.get(doc)
  if (!byFont) widths.set(doc, (byFont = new Map()))
  const { name, size } = fontOf(doc)
  const key = `${name}\u0000${size}`
  let known = byFont.get(key)
  if (!known) byFont.set(key, (known = { chars: new Map(), words: new Map() }))
  return known
}

/** The width of one character (a grapheme) in the document's current font and size, measured once. */
function charWidth(doc: PDFKit.PDFDocument, char: string, known = widthsNow(doc)): number {
  let width = known.chars.get(char)
  if (width === undefined) known.chars.set(char, (width = doc.widthOfString(char)))
  return width
}

/** A word's width as its characters' widths added up, in order (remembered: words repeat). */
function wordWidth(doc: PDFKit.PDFDocument, word: string, known = widthsNow(doc)): number {
  let total = known.words.get(word)
  if (total === undefined) {
    total = 0
    for (const char of word) total += charWidth(doc, char, known)
    known.words.set(word, total)
  }
  return total
}

/** Cuts one word into pieces no wider than `width`, each at least one character. */
function cut(doc: PDFKit.PDFDocument, word: string, width: number): string[] {
  const pieces: string[] = []
  let piece = ''
  let used = 0
  const known = widthsNow(doc)
  for (const { segment } of graphemes.segment(word)) {
    const w = charWidth(doc, segment, known)
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
  const words = text.split(/(\s+)/)
  // Most texts hold no word wider than their line: they are returned as they are, no new string built.
  let known: Widths | undefined
  let changed = false
  for (let i = 0; i < words.length; i += 2) {
    const word = words[i] as string
    if (word.length <= safe || wordWidth(doc, word, (known ??= widthsNow(doc))) <= width * SLACK) continue
    words[i] = cut(doc, word, width).join('\n')
    changed = true
  }
  return changed ? words.join('') : text
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
        used = wordWidth(doc, line)
        continue
      }
      const w = wordWidth(doc, word)
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
