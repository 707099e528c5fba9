/**
 * The recipient, the date, the references and the subject, in one of three layouts:
 * - plain: the recipient on the left, the date on the right, under the letterhead;
 * - DIN 5008 (A4, form A or B): the address field where a DL or C5/6 window envelope shows it
 *   (20 mm from the left, 27 or 45 mm from the top, 85 × 45 mm: a return line, then up to six
 *   lines of address), the information block on the right (references and date), fold and hole marks;
 * - US block format (US Letter): everything flush left; the inside address 2 inches from the top,
 *   where a No. 10 window envelope shows it, the date above it.
 */
import { breakLongWords } from './breaking'
import { ACCENT, BODY_SIZE, BOLD, INK, MUTED, REGULAR, RULE, SMALL_SIZE } from './style'
import type { LetterDocument, Tags } from './types'

export type Layout = 'plain' | 'din-a' | 'din-b' | 'us-block'

const MM = 72 / 25.4

export function layoutOf(letter: LetterDocument): Layout {
  const c = letter.letterhead.conventions
  if (!c || c.layout !== 'window') return 'plain'
  if (letter.pageSize === 'LETTER') return 'us-block'
  return c.dinForm === 'A' ? 'din-a' : 'din-b'
}

/** Where the letterhead may stand: from `top`, ending above `maxBottom` (a window layout's address field). */
export function letterheadFrame(layout: Layout, marginTop: number): { top: number; maxBottom: number | null } {
  if (layout === 'din-a') return { top: 10 * MM, maxBottom: 27 * MM - 4 }
  if (layout === 'din-b') return { top: 12 * MM, maxBottom: 45 * MM - 4 }
  if (layout === 'us-block') return { top: 36, maxBottom: 108 }
  return { top: marginTop, maxBottom: null }
}

const referenceText = (letter: LetterDocument) => {
  const r = letter.references
  if (!r) return ''
  return [r.yours && `Your reference: ${r.yours}`, r.ours && `Our reference: ${r.ours}`]
    .filter((p) => p !== '')
    .join('   ·   ')
}

/** The recipient's lines, at most `max`: the rest joined onto the last one. */
function addressLines(recipient: string, max: number): string {
  const lines = recipient
    .trim()
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '')
  if (lines.length <= max) return lines.join('\n')
  return [...lines.slice(0, max - 1), lines.slice(max - 1).join(', ')].join('\n')
}

function drawSubject(doc: PDFKit.PDFDocument, letter: LetterDocument, tags: Tags): void {
  if (letter.subject.trim() === '') return
  const left = doc.page.margins.left
  const width = doc.page.width - left - doc.page.margins.right
  doc.font(BOLD).fontSize(11).fillColor(ACCENT)
  const subject = breakLongWords(doc, letter.subject.trim(), width)
  tags.tag('H1', () => doc.text(subject, left, doc.y, { width }))
  doc.y += 12
}

function drawReferenceLine(doc: PDFKit.PDFDocument, letter: LetterDocument, tags: Tags): void {
  const text = referenceText(letter)
  if (text === '') return
  const left = doc.page.margins.left
  const width = doc.page.width - left - doc.page.margins.right
  doc
    .font(REGULAR)
    .fontSize(SMALL_SIZE + 1)
    .fillColor(MUTED)
  const line = breakLongWords(doc, text, width)
  tags.tag('P', () => doc.text(line, left, doc.y, { width }))
  doc.y += 10
}

/** The plain layout: recipient left, date right, then the references and the subject. */
function drawPlain(doc: PDFKit.PDFDocument, letter: LetterDocument, top: number, tags: Tags): void {
  const left = doc.page.margins.left
  const width = doc.page.width - left - doc.page.margins.right
  doc.font(REGULAR).fontSize(BODY_SIZE).fillColor(INK)
  const dateWidth = 160
  tags.tag('P', () => doc.text(letter.dateText, left + width - dateWidth, top, { width: dateWidth, align: 'right' }))
  let bottom = doc.y
  if (letter.recipient.trim() !== '') {
    const recipientWidth = width - dateWidth - 24
    const recipient = breakLongWords(doc, letter.recipient.trim(), recipientWidth)
    tags.tag('P', () => doc.text(recipient, left, top, { width: recipientWidth, lineGap: 1.5 }))
    bottom = Math.max(bottom, doc.y)
  }
  doc.y = bottom + 22
  if (referenceText(letter) !== '') {
    doc.y -= 8
    drawReferenceLine(doc, letter, tags)
  }
  drawSubject(doc, letter, tags)
}

/** Short marks at the left edge where the letter folds into thirds (DIN 5008), and the hole-punch mark. */
function drawFoldMarks(doc: PDFKit.PDFDocument, layout: 'din-a' | 'din-b'): void {
  const folds = layout === 'din-a' ? [87, 192] : [105, 210]
  doc.markContent('Artifact', { type: 'Layout' })
  doc.save().lineWidth(0.4).strokeColor(RULE)
  for (const mm of folds)
    doc
      .moveTo(5 * MM, mm * MM)
      .lineTo(10 * MM, mm * MM)
      .stroke()
  doc
    .moveTo(5 * MM, 148.5 * MM)
    .lineTo(12 * MM, 148.5 * MM)
    .stroke()
  doc.restore()
  doc.endMarkedContent()
}

/** DIN 5008: the address field for the window, the information block beside it, the fold marks. */
function drawDin(doc: PDFKit.PDFDocument, letter: LetterDocument, layout: 'din-a' | 'din-b', tags: Tags): void {
  const fieldTop = (layout === 'din-a' ? 27 : 45) * MM
  const x = 25 * MM
  const fieldWidth = 75 * MM
  const head = letter.letterhead
  // The return line: small, at the foot of the 17.7 mm zone above the address, seen through the window.
  const sender = [head.businessName, ...head.address.split(/\r?\n/)]
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join(' · ')
  doc.font(REGULAR).fontSize(6.5).fillColor(MUTED)
  if (sender !== '') {
    const line = breakLongWords(doc, sender, fieldWidth)
    tags.tag('P', () =>
      doc.text(line, x, fieldTop + 17.7 * MM - 10, { width: fieldWidth, lineBreak: false, ellipsis: true, height: 9 }),
    )
  }
  doc.font(REGULAR).fontSize(BODY_SIZE).fillColor(INK)
  const recipient = breakLongWords(doc, addressLines(letter.recipient, 6), fieldWidth)
  if (recipient !== '')
    tags.tag('P', () =>
      doc.text(recipient, x, fieldTop + 17.7 * MM, {
        width: fieldWidth,
        lineGap: 1,
        height: 27.3 * MM,
        ellipsis: true,
      }),
    )
  // The information block: references and the date, from 125 mm, level with the address field.
  const infoX = 125 * MM
  const infoWidth = doc.page.width - doc.page.margins.right - infoX
  let y = fieldTop + 5 * MM
  const rows: Array<[string, string]> = []
  if (letter.references?.yours) rows.push(['Your reference', letter.references.yours])
  if (letter.references?.ours) rows.push(['Our reference', letter.references.ours])
  rows.push(['Date', letter.dateText])
  for (const [label, value] of rows) {
    doc.font(REGULAR).fontSize(SMALL_SIZE).fillColor(MUTED)
    tags.tag('P', () => {
      doc.text(label, infoX, y, { width: infoWidth, lineBreak: false })
      doc
        .font(REGULAR)
        .fontSize(BODY_SIZE - 0.5)
        .fillColor(INK)
      doc.text(breakLongWords(doc, value, infoWidth), infoX, y + 9.5, { width: infoWidth })
    })
    y = doc.y + 5
  }
  drawFoldMarks(doc, layout)
  doc.y = Math.max(fieldTop + 45 * MM + 8.46 * MM, y + 12)
  drawSubject(doc, letter, tags)
}

/** US block format: the date, the inside address in the No. 10 window, the references, the subject. */
function drawUsBlock(doc: PDFKit.PDFDocument, letter: LetterDocument, tags: Tags): void {
  const left = doc.page.margins.left
  const width = doc.page.width - left - doc.page.margins.right
  doc.font(REGULAR).fontSize(BODY_SIZE).fillColor(INK)
  tags.tag('P', () => doc.text(letter.dateText, left, 118, { width }))
  const windowWidth = 4 * 72
  const recipient = breakLongWords(doc, addressLines(letter.recipient, 6), windowWidth)
  // The window of a No. 10 envelope: from 2 in to 3 1/8 in from the top of the folded letter.
  if (recipient !== '')
    tags.tag('P', () => doc.text(recipient, left, 146, { width: windowWidth, lineGap: 1, height: 78, ellipsis: true }))
  doc.y = 3.125 * 72 + 14
  drawReferenceLine(doc, letter, tags)
  drawSubject(doc, letter, tags)
}

export function drawAddressing(
  doc: PDFKit.PDFDocument,
  letter: LetterDocument,
  layout: Layout,
  top: number,
  tags: Tags,
): void {
  if (layout === 'plain') drawPlain(doc, letter, top, tags)
  else if (layout === 'us-block') drawUsBlock(doc, letter, tags)
  else drawDin(doc, letter, layout, tags)
}
