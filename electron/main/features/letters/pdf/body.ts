/**
 * The letter's body: headings, paragraphs, bullet lists and tables, each block's text drawn as
 * text. Headings stay with what follows; a table that runs over a page repeats its header row.
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

/** Starts a new page when less than `height` is left on this one. */
export function ensureSpace(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > doc.page.maxY() && !atTop(doc)) doc.addPage()
}

function lineHeight(doc: PDFKit.PDFDocument): number {
  return doc.currentLineHeight(true) + LINE_GAP
}

function heading(doc: PDFKit.PDFDocument, typed: string, hasNext: boolean, tags: Tags): void {
  const width = contentWidth(doc)
  doc.font(BOLD).fontSize(HEADING_SIZE)
  const text = breakLongWords(doc, typed, width)
  const height = doc.heightOfString(text, { width })
  // Keep the heading with at least two lines of what follows it.
  ensureSpace(doc, height + 8 + (hasNext ? 2 * (BODY_SIZE + LINE_GAP + 3) : 0))
  if (!atTop(doc)) doc.y += 6
  tags.tag('H2', () => doc.fillColor(ACCENT).text(text, doc.page.margins.left, doc.y, { width }))
  doc.y += 4
}

function paragraph(doc: PDFKit.PDFDocument, typed: string, tags: Tags): void {
  if (typed.trim() === '') {
    doc.y += PARAGRAPH_GAP + BODY_SIZE
    return
  }
  doc.font(REGULAR).fontSize(BODY_SIZE)
  const text = breakLongWords(doc, typed, contentWidth(doc))
  // No single line left alone at the foot of a page.
  ensureSpace(
    doc,
    Math.min(doc.heightOfString(text, { width: contentWidth(doc), lineGap: LINE_GAP }), 2 * lineHeight(doc)),
  )
  tags.tag('P', () =>
    doc.fillColor(INK).text(text, doc.page.margins.left, doc.y, { width: contentWidth(doc), lineGap: LINE_GAP }),
  )
  doc.y += PARAGRAPH_GAP
}

function bullets(doc: PDFKit.PDFDocument, block: BulletsBlockData, tags: Tags): void {
  const left = doc.page.margins.left
  const indent = 16
  const width = contentWidth(doc) - indent
  doc.font(REGULAR).fontSize(BODY_SIZE)
  tags.group('L', () => {
    for (const item of block.items) {
      ensureSpace(doc, lineHeight(doc))
      const y = doc.y
      tags.group('LI', () => {
        tags.tag('Lbl', () => doc.fillColor(INK).text('•', left + 4, y, { width: 10, lineBreak: false }))
        doc.y = y
        const text = breakLongWords(doc, item, width)
        tags.tag('LBody', () => doc.fillColor(INK).text(text, left + indent, y, { width, lineGap: LINE_GAP }))
      })
      doc.y += 2.5
    }
  })
  doc.x = left
  doc.y += PARAGRAPH_GAP - 2.5
}

const PAD = { top: 4.5, right: 6, bottom: 4.5, left: 6 }
const CELL_GAP = 1.2

function table(doc: PDFKit.PDFDocument, block: TableBlockData, tags: Tags): void {
  const left = doc.page.margins.left
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
  const maxRow = doc.page.maxY() - doc.page.margins.top - 60
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
  const headerHeight = measure(columns, BOLD)
  const heights = rows.map((r) => measure(r, REGULAR))
  const header = columns.map((text) => ({
    text,
    type: 'TH',
    scope: 'Column',
    font: { src: BOLD },
    backgroundColor: HEADER_FILL,
    textColor: ACCENT,
  }))

  doc.y += 2
  let i = 0
  while (i < rows.length) {
    if (doc.y + headerHeight + (heights[i] as number) >= doc.page.maxY() - 0.5) doc.addPage()
    let room = doc.page.maxY() - 0.5 - doc.y - headerHeight
    const start = i
    while (i < rows.length && ((heights[i] as number) < room || i === start)) room -= heights[i++] as number
    doc.font(REGULAR).fontSize(TABLE_SIZE).fillColor(INK)
    const options = {
      position: { x: left, y: doc.y },
      columnStyles: widths,
      rowStyles: [headerHeight, ...heights.slice(start, i)],
      defaultStyle: {
        border: { top: 0, right: 0, bottom: 0.5, left: 0 },
        borderColor: RULE,
        padding: PAD,
        textColor: INK,
        textOptions: { lineGap: CELL_GAP },
      },
      data: [header, ...rows.slice(start, i).map((r) => r.map((text) => ({ text })))],
      structParent: tags.parent(),
    }
    doc.table(options as unknown as PDFKit.Mixins.TableOptionsWithData)
    if (i < rows.length) doc.addPage()
  }
  doc.x = left
  doc.y += PARAGRAPH_GAP + 4
}

export function drawBlocks(doc: PDFKit.PDFDocument, blocks: readonly LetterBlock[], tags: Tags): void {
  blocks.forEach((block, index) => {
    if (block.type === 'heading') heading(doc, block.text, index < blocks.length - 1, tags)
    else if (block.type === 'paragraph') paragraph(doc, block.text, tags)
    else if (block.type === 'bullets') bullets(doc, block, tags)
    else if (block.rows.length > 0) table(doc, block, tags)
  })
}
