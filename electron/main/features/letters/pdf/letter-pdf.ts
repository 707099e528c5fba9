/**
 * Lays out one letter as a PDF in main: the letterhead, the recipient and date, the subject, the
 * body blocks, the signature, and page numbers when it runs over a page. PDF 1.7, tagged, PDF/A-2b,
 * the font embedded; the creation date comes from the letter's date and the document's ID from
 * everything it prints (metadata.ts), so the same letter always gives the same bytes.
 */
import PDFDocument from 'pdfkit'
import { drawBlocks, ensureSpace } from './body'
import { breakLongWords } from './breaking'
import { shareLayouts, type PdfFonts } from './fonts'
import { unprintableCharacters, withTabsAsSpaces } from './glyphs'
import { decodeLogo, drawLetterhead } from './letterhead'
import { cleanInfo, installMetadata } from './metadata'
import { ACCENT, BODY_SIZE, BOLD, INK, LINE_GAP, MARGINS, MUTED, REGULAR, SMALL_SIZE } from './style'
import type { LetterDocument, Tags } from './types'

export interface RenderedLetter {
  bytes: Buffer
  pages: number
  /** Characters the fonts have no glyph for (they print as boxes): a letter holding any is not saved. */
  unprintable: string[]
}

function createTags(doc: PDFKit.PDFDocument): Tags {
  const root = doc.struct('Document')
  doc.addStructure(root)
  const stack: PDFKit.PDFStructureElement[] = [root]
  const parent = () => stack[stack.length - 1] as PDFKit.PDFStructureElement
  return {
    parent,
    tag(type, draw, options) {
      const element = doc.struct(type, options?.alt ? { alt: options.alt } : {})
      parent().add(element)
      element.add(draw)
      element.end()
    },
    group(type, fill) {
      const element = doc.struct(type)
      parent().add(element)
      stack.push(element)
      fill()
      stack.pop()
      element.end()
    },
  }
}

function titleOf(letter: LetterDocument): string {
  return letter.subject.trim() || `${letter.kindLabel} to ${letter.clientName}`
}

function drawAddressing(doc: PDFKit.PDFDocument, letter: LetterDocument, top: number, tags: Tags): void {
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
  if (letter.subject.trim() !== '') {
    doc.font(BOLD).fontSize(11).fillColor(ACCENT)
    const subject = breakLongWords(doc, letter.subject.trim(), width)
    tags.tag('H1', () => doc.text(subject, left, doc.y, { width }))
    doc.y += 12
  }
}

/** The closing, room for a handwritten signature, the name and the business: kept together. */
function signatureHeight(doc: PDFKit.PDFDocument): number {
  doc.font(REGULAR).fontSize(BODY_SIZE)
  return 4 + (doc.currentLineHeight(true) + LINE_GAP) * 3 + 44
}

function drawSignature(doc: PDFKit.PDFDocument, letter: LetterDocument, tags: Tags): void {
  const left = doc.page.margins.left
  ensureSpace(doc, signatureHeight(doc))
  doc.font(REGULAR).fontSize(BODY_SIZE)
  doc.y += 4
  const closing = breakLongWords(doc, letter.closing.trim(), doc.page.width - left - doc.page.margins.right)
  if (closing !== '') tags.tag('P', () => doc.fillColor(INK).text(closing, left, doc.y))
  // Room for a handwritten signature.
  doc.y += 32
  doc.font(BOLD)
  tags.tag('P', () => doc.fillColor(INK).text(letter.letterhead.ownerName, left, doc.y))
  doc.font(REGULAR).fontSize(SMALL_SIZE + 1)
  tags.tag('P', () => doc.fillColor(MUTED).text(letter.letterhead.businessName, left, doc.y + 1))
}

/** Page numbers, and on continuation pages a line saying whose letter it is: marked as artifacts. */
function drawPageFurniture(doc: PDFKit.PDFDocument, letter: LetterDocument): number {
  const range = doc.bufferedPageRange()
  if (range.count < 2) return range.count
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i)
    const { left, right } = doc.page.margins
    const width = doc.page.width - left - right
    const bottom = doc.page.margins.bottom
    doc.page.margins.bottom = 0
    doc.font(REGULAR).fontSize(SMALL_SIZE).fillColor(MUTED)
    doc.markContent('Artifact', { type: 'Pagination' })
    doc.text(`Page ${i - range.start + 1} of ${range.count}`, left, doc.page.height - 38, {
      width,
      align: 'center',
      lineBreak: false,
    })
    if (i > range.start) doc.text(`${letter.clientName} · ${letter.dateText}`, left, 30, { width, lineBreak: false })
    doc.endMarkedContent()
    doc.page.margins.bottom = bottom
  }
  return range.count
}

export async function renderLetterPdf(original: LetterDocument, fonts: PdfFonts): Promise<RenderedLetter> {
  const letter = withTabsAsSpaces(original)
  const created = new Date(`${letter.date}T12:00:00Z`)
  const info = cleanInfo({
    Title: titleOf(letter),
    Author: letter.letterhead.ownerName,
    Subject: `${letter.kindLabel} to ${letter.clientName}`,
    Keywords: `${letter.kindLabel}, ${letter.letterhead.businessName}`,
    Creator: 'Turnaround Desk',
    Producer: 'Turnaround Desk (PDFKit)',
    CreationDate: created,
    ModDate: created,
  })
  const doc = new PDFDocument({
    size: letter.pageSize === 'LETTER' ? 'LETTER' : 'A4',
    margins: MARGINS,
    bufferPages: true,
    pdfVersion: '1.7',
    tagged: true,
    subset: 'PDF/A-2b',
    lang: 'en',
    displayTitle: true,
    // The embedded font from the start, so no standard font is ever loaded.
    font: fonts.regular,
    info,
  })
  installMetadata(doc, info, original)
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const ended = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  doc.registerFont(REGULAR, fonts.regular)
  doc.registerFont(BOLD, fonts.bold)
  shareLayouts(doc, fonts, { regular: REGULAR, bold: BOLD })
  const tags = createTags(doc)

  const { logo } = decodeLogo(letter.letterhead.logoDataUrl)
  const top = drawLetterhead(doc, letter, logo, tags.tag)
  drawAddressing(doc, letter, top, tags)
  drawBlocks(doc, letter.blocks, tags, signatureHeight(doc))
  drawSignature(doc, letter, tags)
  const pages = drawPageFurniture(doc, letter)
  doc.end()
  return { bytes: await ended, pages, unprintable: unprintableCharacters(letter, fonts) }
}
