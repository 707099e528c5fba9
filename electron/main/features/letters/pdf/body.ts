/**
 * The letter's body: headings, paragraphs, bullet lists and tables, each block's text drawn as
 * text. A heading or a lead-in line stays with at least two lines or rows of what follows it, no
 * paragraph leaves a single line alone at the foot or the head of a page, the last block keeps some
 * of its text with the closing and signature, a table that runs over a page repeats its header row,
 * and a block may ask to start a new page.
 */
import type { BulletsBlockData, LetterBlock, TableBlockData } from '../../../../shared/letters/blocks'
import { breakLongWords, wrapLines } from './breaking'
import type { Tags } from './types'
import {
  ACCENT,
  BODY_SIZE,
  BOLD,
  HEADER_FILL,
  HEADING_SIZE,
  INK,
  LINE_GAP,
  PARAGRAPH_GAP,
  REGULAR,
  RULE,
  TABLE_SIZE,
} from './style'

const contentWidth = (doc: PDFKit.PDFDocument) => doc.page.width - doc.page.margins.left - doc.page.margins.right
const atTop = (doc: PDFKit.PDFDocument) => doc.y <= doc.page.margins.top + 0.5
/** The height a page holds between its margins. */
const usableHeight = (doc: PDFKit.PDFDocument) => doc.page.maxY() - doc.page.margins.top

/** Starts a new page when less than `height` is left on this one. */
export function ensureSpace(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > doc.page.maxY() && !atTop(doc)) doc.addPage()
}

function lineHeight(doc: PDFKit.PDFDocument): number {
  return doc.currentLineHeight(true) + LINE_GAP
}

const HEADING_ABOVE = 6
const HEADING_BELOW = 4
const BULLET_INDENT = 16
const BULLET_GAP = 2.5

/**
 * Draws text that may run over the page (the current font and size), keeping at least two of its
 * lines together at the foot of a page and at the head of the next, and its last lines with
 * `follow`: what must not start a page alone (a table after its lead-in, the closing and signature).
 */
function flowingText(
  doc: PDFKit.PDFDocument,
  text: string,
  width: number,
  follow: number,
  draw: (y: number) => void,
): void {
  const step = lineHeight(doc)
  const lines = Math.max(1, Math.round(doc.heightOfString(text, { width, lineGap: LINE_GAP }) / step))
  ensureSpace(doc, Math.min(lines, 2) * step)
  // The lines that surely fit (pdfkit lets a line after a hard break go a line gap lower than a
  // wrapped one): a text that runs over is always ended here on purpose, never where pdfkit would.
  const room = Math.floor((doc.page.maxY() - doc.y) / step - 0.02)
  let endAfter: number | null = null
  if (lines > room) {
    // Runs over: at least two lines on this page and two on the next, else it moves over whole.
    const here = Math.min(room, lines - 2)
    endAfter = here >= 2 ? here : 0
  } else if (follow > 0 && doc.y + lines * step + follow > doc.page.maxY() && !atTop(doc)) {
    // Fits, but what follows does not: a short text moves over whole, a longer one leaves two lines to go with it.
    endAfter = lines <= 3 ? 0 : lines - 2
  }
  if (endAfter === 0) doc.addPage()
  if (endAfter === null || endAfter === 0) return draw(doc.y)
  // pdfkit breaks a text where the page's bottom margin says: end this page after `endAfter` lines.
  const page = doc.page
  const bottom = page.margins.bottom
  page.margins.bottom = page.height - (doc.y + endAfter * step + step / 2)
  try {
    draw(doc.y)
  } finally {
    page.margins.bottom = bottom
  }
}

function heading(doc: PDFKit.PDFDocument, typed: string, follow: number, tags: Tags): void {
  const width = contentWidth(doc)
  doc.font(BOLD).fontSize(HEADING_SIZE)
  const text = breakLongWords(doc, typed, width)
  const height = doc.heightOfString(text, { width })
  ensureSpace(doc, Math.min(HEADING_ABOVE + height + HEADING_BELOW + follow, usableHeight(doc)))
  if (!atTop(doc)) doc.y += HEADING_ABOVE
  tags.tag('H2', () => doc.fillColor(ACCENT).text(text, doc.page.margins.left, doc.y, { width }))
  doc.y += HEADING_BELOW
}

function paragraph(doc: PDFKit.PDFDocument, typed: string, follow: number, tags: Tags): void {
  if (typed.trim() === '') {
    doc.y += PARAGRAPH_GAP + BODY_SIZE
    return
  }
  doc.font(REGULAR).fontSize(BODY_SIZE)
  const width = contentWidth(doc)
  const text = breakLongWords(doc, typed, width)
  const left = doc.page.margins.left
  flowingText(doc, text, width, follow > 0 ? follow + PARAGRAPH_GAP : 0, (y) =>
    tags.tag('P', () => doc.fillColor(INK).text(text, left, y, { width, lineGap: LINE_GAP })),
  )
  doc.y += PARAGRAPH_GAP
}

function bullets(doc: PDFKit.PDFDocument, block: BulletsBlockData, follow: number, tags: Tags): void {
  const left = doc.page.margins.left
  const width = contentWidth(doc) - BULLET_INDENT
  doc.font(REGULAR).fontSize(BODY_SIZE)
  tags.group('L', () => {
    block.items.forEach((item, n) => {
      const text = breakLongWords(doc, item, width)
      const last = n === block.items.length - 1
      // The last point keeps at least a line with what follows the list (the signature).
      flowingText(doc, text, width, last && follow > 0 ? follow + PARAGRAPH_GAP : 0, (y) => {
        tags.group('LI', () => {
          tags.tag('Lbl', () => doc.fillColor(INK).text('•', left + 4, y, { width: 10, lineBreak: false }))
          doc.y = y
          tags.tag('LBody', () => doc.fillColor(INK).text(text, left + BULLET_INDENT, y, { width, lineGap: LINE_GAP }))
        })
      })
      doc.y += BULLET_GAP
    })
  })
  doc.x = left
  doc.y += PARAGRAPH_GAP - BULLET_GAP
}

const PAD = { top: 4.5, right: 6, bottom: 4.5, left: 6 }
const CELL_GAP = 1.2

/** A table measured for drawing: its header, its rows (a row taller than a page split in several) and their heights. */
interface MeasuredTable {
  widths: number[]
  columns: string[]
  rows: string[][]
  headerHeight: number
  heights: number[]
}

function measureTable(doc: PDFKit.PDFDocument, block: TableBlockData): MeasuredTable {
  const width = contentWidth(doc)
  const count = block.columns.length
  const weights = block.widths?.length === count ? block.widths : block.columns.map(() => 1)
  const total = weights.reduce((a, b) => a + b, 0)
  const widths = weights.map((w) => (width * w) / total)
  const cellWidth = (j: number) => (widths[j] as number) - PAD.left - PAD.right
  const inCell = (cells: readonly string[], font: string) => {
    doc.font(font).fontSize(TABLE_SIZE)
    return cells.map((c, j) => breakLongWords(doc, c, cellWidth(j)))
  }
  const maxRow = usableHeight(doc) - 60
  const measure = (cells: string[], font: string) => {
    doc.font(font).fontSize(TABLE_SIZE)
    const text = Math.max(
      ...cells.map((c, j) => doc.heightOfString(c === '' ? ' ' : c, { width: cellWidth(j), lineGap: CELL_GAP })),
    )
    return Math.min(maxRow, Math.ceil(text + PAD.top + PAD.bottom + 1))
  }
  /** A row taller than a page goes on as several rows, its cells' lines shared between them. */
  const fitted = (cells: string[]): string[][] => {
    if (measure(cells, REGULAR) < maxRow) return [cells]
    const lines = cells.map((c, j) => wrapLines(doc, c, cellWidth(j)))
    const step = doc.currentLineHeight(true) + CELL_GAP
    const per = Math.max(1, Math.floor((0.5 * (maxRow - PAD.top - PAD.bottom - 1)) / step))
    const count = Math.max(...lines.map((l) => l.length))
    return Array.from({ length: Math.ceil(count / per) }, (_, k) =>
      lines.map((l) => l.slice(k * per, (k + 1) * per).join('\n')),
    )
  }
  const columns = inCell(block.columns, BOLD)
  const rows = block.rows.flatMap((r) =>
    fitted(
      inCell(
        block.columns.map((_, j) => r[j] ?? ''),
        REGULAR,
      ),
    ),
  )
  return { widths, columns, rows, headerHeight: measure(columns, BOLD), heights: rows.map((r) => measure(r, REGULAR)) }
}

const TABLE_ABOVE = 2

/** The rows a table part must start with: two, or all of three (else one would be left alone). */
const openingRows = (left: number) => (left === 3 ? 3 : Math.min(left, 2))

/**
 * Draws the table in parts, each its header row and the rows that fit on its page: a part starts a
 * page with at least two rows, no row is left alone, and the last part leaves room for `follow`.
 */
function table(doc: PDFKit.PDFDocument, measured: MeasuredTable, follow: number, tags: Tags): void {
  const { rows, headerHeight, heights } = measured
  const bottom = () => doc.page.maxY() - 0.5
  doc.y += TABLE_ABOVE
  let i = 0
  while (i < rows.length) {
    // A part starts with its header and at least two rows (one when only one is left; all three of
    // three, so that none is left alone on the next page).
    const opening = headerHeight + heights.slice(i, i + openingRows(rows.length - i)).reduce((a, b) => a + b, 0)
    if (doc.y + opening >= bottom() && !atTop(doc)) doc.addPage()
    let room = bottom() - doc.y - headerHeight
    const start = i
    while (i < rows.length && ((heights[i] as number) < room || i === start)) room -= heights[i++] as number
    // The last part leaves room for what follows (the signature), else its last row goes on with it.
    if (i === rows.length && follow > 0 && room < follow + PARAGRAPH_GAP + 4 && i - start > 2) i -= 1
    else if (i < rows.length && rows.length - i === 1 && i - start > 2) i -= 1 // no row alone on a page
    tablePart(doc, measured, start, i, tags)
    if (i < rows.length) doc.addPage()
  }
  doc.x = doc.page.margins.left
  doc.y += PARAGRAPH_GAP + 4
}

/**
 * One part of a table at doc.y: its header row, then rows `from` to `to` - 1, tagged Table > TR >
 * TH (scope Column) or TD, a cell for every column (an empty one too). The header's shading and the
 * rule under each row are layout artifacts drawn once across the row; each cell's text is drawn at
 * its padding in the width its row was measured for (measureTable), so it fits its cell.
 */
function tablePart(doc: PDFKit.PDFDocument, measured: MeasuredTable, from: number, to: number, tags: Tags): void {
  const { widths } = measured
  const left = doc.page.margins.left
  const width = widths.reduce((a, b) => a + b, 0)
  let y = doc.y
  const row = (cells: readonly string[], height: number, header: boolean) => {
    doc.markContent('Artifact', { type: 'Layout' })
    if (header) doc.save().fillColor(HEADER_FILL).rect(left, y, width, height).fill().restore()
    doc
      .save()
      .lineWidth(0.5)
      .strokeColor(RULE)
      .moveTo(left + width, y + height)
      .lineTo(left, y + height)
      .stroke()
      .restore()
    doc.endMarkedContent()
    doc
      .font(header ? BOLD : REGULAR)
      .fontSize(TABLE_SIZE)
      .fillColor(header ? ACCENT : INK)
    tags.group('TR', () => {
      let x = left
      cells.forEach((text, j) => {
        const w = widths[j] as number
        const cellX = x
        tags.tag(
          header ? 'TH' : 'TD',
          () => {
            if (text !== '')
              doc.text(text, cellX + PAD.left, y + PAD.top, { width: w - PAD.left - PAD.right, lineGap: CELL_GAP })
          },
          header ? { scope: 'Column' } : undefined,
        )
        x += w
      })
    })
    y += height
  }
  tags.group('Table', () => {
    row(measured.columns, measured.headerHeight, true)
    for (let k = from; k < to; k++) row(measured.rows[k] as string[], measured.heights[k] as number, false)
  })
  doc.x = left
  doc.y = y
}

/** What must stand on the same page as whatever comes before `block` (a heading or a lead-in line). */
function startOf(doc: PDFKit.PDFDocument, blocks: readonly LetterBlock[], index: number): number {
  const block = blocks[index]
  if (!block || block.newPage) return 0
  const width = contentWidth(doc)
  if (block.type === 'heading') {
    doc.font(BOLD).fontSize(HEADING_SIZE)
    const height = doc.heightOfString(breakLongWords(doc, block.text, width), { width })
    return HEADING_ABOVE + height + HEADING_BELOW + startOf(doc, blocks, index + 1)
  }
  doc.font(REGULAR).fontSize(BODY_SIZE)
  if (block.type === 'paragraph') {
    if (block.text.trim() === '') return 0
    const lines = Math.round(
      doc.heightOfString(breakLongWords(doc, block.text, width), { width, lineGap: LINE_GAP }) / lineHeight(doc),
    )
    // A short lead-in line comes whole with the start of its table or list.
    if (isLeadIn(blocks, index) && lines <= 3)
      return lines * lineHeight(doc) + PARAGRAPH_GAP + startOf(doc, blocks, index + 1)
    return Math.min(lines, 2) * lineHeight(doc)
  }
  if (block.type === 'bullets') {
    const w = width - BULLET_INDENT
    return block.items
      .slice(0, 2)
      .reduce(
        (sum, item) =>
          sum + doc.heightOfString(breakLongWords(doc, item, w), { width: w, lineGap: LINE_GAP }) + BULLET_GAP,
        0,
      )
  }
  if (block.rows.length === 0) return 0
  const first = openingRows(block.rows.length)
  const measured = measureTable(doc, { ...block, rows: block.rows.slice(0, first) })
  return TABLE_ABOVE + measured.headerHeight + measured.heights.slice(0, first).reduce((a, b) => a + b, 0)
}

/** A paragraph that introduces the table or list after it. */
const isLeadIn = (blocks: readonly LetterBlock[], index: number) => {
  const next = blocks[index + 1]
  return next !== undefined && !next.newPage && (next.type === 'table' || next.type === 'bullets')
}

/** Draws the body; `tail` is the height of what comes after it (the closing and signature). */
export function drawBlocks(doc: PDFKit.PDFDocument, blocks: readonly LetterBlock[], tags: Tags, tail = 0): void {
  blocks.forEach((block, index) => {
    if (block.newPage && doc.y > doc.page.margins.top + 0.5) doc.addPage()
    const last = index === blocks.length - 1
    if (block.type === 'heading') heading(doc, block.text, startOf(doc, blocks, index + 1), tags)
    else if (block.type === 'paragraph')
      paragraph(doc, block.text, last ? tail : isLeadIn(blocks, index) ? startOf(doc, blocks, index + 1) : 0, tags)
    else if (block.type === 'bullets') bullets(doc, block, last ? tail : 0, tags)
    else if (block.rows.length > 0) table(doc, measureTable(doc, block), last ? tail : 0, tags)
  })
}
