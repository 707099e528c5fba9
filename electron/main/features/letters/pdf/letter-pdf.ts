/**
 * Lays out one letter as a PDF in main: the letterhead, the recipient and date, the subject, the
 * body blocks, the signature, and page numbers when it runs over a page. PDF 1.7, tagged, PDF/A-2b,
 * the font embedded; the creation date comes from the letter's date and the document's ID from
 * everything it prints (metadata.ts), so the same letter always gives the same bytes.
 */
import PDFDocument from 'pdfkit'
import { drawBlocks, ensureSpace } from './body'
import { breakLongWords } from './breaking'
import { shareFonts, type PdfFonts } from './fonts'
import { unprintableCharacters, withTabsAsSpaces } from './glyphs'
import { decodeLogo, drawLetterhead } from './letterhead'
import { drawAddressing, layoutOf, letterheadFrame } from './addressing'
import { rememberMeasures } from './measures'
import { cleanInfo, installMetadata } from './metadata'
import { BODY_SIZE, BOLD, INK, LINE_GAP, MARGINS, MUTED, REGULAR, SMALL_SIZE } from './style'
import type { LetterDocument, Tags } from './types'

export interface RenderedLetter {
  bytes: Buffer
  pages: number
  /** Characters the fonts have no glyph for (they print as boxes): a letter holding any is not saved. */
  unprintable: string[]
}

/** A structure element's dictionary, for the attributes pdfkit's options do not name. */
const attributesOf = (element: PDFKit.PDFStructureElement) =>
  (element as unknown as { dictionary: { data: Record<string, unknown> } }).dictionary.data

function createTags(doc: PDFKit.PDFDocument): Tags {
  const root = doc.struct('Document')
  doc.addStructure(root)
  const stack: PDFKit.PDFStructureElement[] = [root]
  const parent = () => stack[stack.length - 1] as PDFKit.PDFStructureElement
  return {
    parent,
    tag(type, draw, options) {
      const element = doc.struct(type, options?.alt ? { alt: options.alt } : {})
      // Written inline in the element's dictionary: << /O /Table /Scope /Column >>.
      if (options?.scope) attributesOf(element).A = { O: 'Table', Scope: options.scope }
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

/** A scanned signature, at most this size. */
const SIGNATURE_MAX = { width: 150, height: 40 }
const SIGNATURE_ROOM = 32

function signatureImage(
  doc: PDFKit.PDFDocument,
  letter: LetterDocument,
): { image: unknown; w: number; h: number } | null {
  const { logo } = decodeLogo(letter.letterhead.conventions?.signatureDataUrl ?? null)
  if (!logo) return null
  try {
    const image = (doc as unknown as { openImage(src: Buffer): { width: number; height: number } }).openImage(logo.data)
    const scale = Math.min(SIGNATURE_MAX.width / image.width, SIGNATURE_MAX.height / image.height, 1)
    return { image, w: image.width * scale, h: image.height * scale }
  } catch {
    return null
  }
}

/** The lines after the signature: enclosures, then cc. */
function afterLines(letter: LetterDocument): string[] {
  return [letter.enclosures && `Enclosures: ${letter.enclosures}`, letter.cc && `cc: ${letter.cc}`].filter(
    (l): l is string => typeof l === 'string' && l.trim() !== '',
  )
}

/** The closing, the signature (room for a handwritten one, or the scan), the name, role and business, the cc and enclosures: kept together. */
function signatureHeight(doc: PDFKit.PDFDocument, letter: LetterDocument): number {
  doc.font(REGULAR).fontSize(BODY_SIZE)
  const line = doc.currentLineHeight(true) + LINE_GAP
  const scan = signatureImage(doc, letter)
  const role = letter.letterhead.conventions?.signerRole ? line : 0
  const after = afterLines(letter).length * (line + 2) + (afterLines(letter).length > 0 ? 10 : 0)
  return 4 + line * 3 + 44 + Math.max(0, (scan?.h ?? 0) + 4 - SIGNATURE_ROOM) + role + after
}

function drawSignature(doc: PDFKit.PDFDocument, letter: LetterDocument, tags: Tags): void {
  const left = doc.page.margins.left
  const width = doc.page.width - left - doc.page.margins.right
  ensureSpace(doc, signatureHeight(doc, letter))
  doc.font(REGULAR).fontSize(BODY_SIZE)
  doc.y += 4
  const closing = breakLongWords(doc, letter.closing.trim(), width)
  if (closing !== '') tags.tag('P', () => doc.fillColor(INK).text(closing, left, doc.y))
  const scan = signatureImage(doc, letter)
  if (scan) {
    const y = doc.y + 2
    tags.tag('Figure', () => doc.image(scan.image as Buffer, left, y, { width: scan.w, height: scan.h }), {
      alt: `Signature of ${letter.letterhead.ownerName}`,
    })
    doc.y = y + Math.max(scan.h + 2, SIGNATURE_ROOM - 2)
  } else {
    // Room for a handwritten signature.
    doc.y += SIGNATURE_ROOM
  }
  doc.font(BOLD)
  tags.tag('P', () => doc.fillColor(INK).text(letter.letterhead.ownerName, left, doc.y))
  const role = letter.letterhead.conventions?.signerRole ?? ''
  if (role !== '') {
    doc.font(REGULAR).fontSize(BODY_SIZE)
    tags.tag('P', () => doc.fillColor(INK).text(breakLongWords(doc, role, width), left, doc.y, { width }))
  }
  doc.font(REGULAR).fontSize(SMALL_SIZE + 1)
  tags.tag('P', () => doc.fillColor(MUTED).text(letter.letterhead.businessName, left, doc.y + 1))
  const after = afterLines(letter)
  if (after.length > 0) {
    doc.y += 10
    doc.font(REGULAR).fontSize(SMALL_SIZE + 1)
    for (const line of after)
      tags.tag('P', () => doc.fillColor(INK).text(breakLongWords(doc, line, width), left, doc.y + 2, { width }))
  }
}

const FOOTER_SIZE = 7
const FOOTER_GAP = 1.5

/** The legal footer's height, measured in the footer's font: the body's bottom margin grows by it. */
function footerHeight(doc: PDFKit.PDFDocument, lines: readonly string[], width: number): number {
  if (lines.length === 0) return 0
  doc.font(REGULAR).fontSize(FOOTER_SIZE)
  return doc.heightOfString(lines.join('\n'), { width, lineGap: FOOTER_GAP, align: 'center' })
}

/**
 * Page numbers, on continuation pages a line saying whose letter it is, and the legal footer on
 * every page: marked as artifacts.
 */
function drawPageFurniture(doc: PDFKit.PDFDocument, letter: LetterDocument): number {
  const range = doc.bufferedPageRange()
  const footer = letter.letterhead.conventions?.footer ?? []
  if (range.count < 2 && footer.length === 0) return range.count
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i)
    const { left, right } = doc.page.margins
    const width = doc.page.width - left - right
    const bottom = doc.page.margins.bottom
    doc.page.margins.bottom = 0
    const footerTop = doc.page.height - 26 - footerHeight(doc, footer, width)
    doc.font(REGULAR).fontSize(SMALL_SIZE).fillColor(MUTED)
    if (footer.length > 0) {
      doc.markContent('Artifact', { type: 'Pagination', attached: ['Bottom'] })
      doc.font(REGULAR).fontSize(FOOTER_SIZE)
      doc.text(footer.join('\n'), left, footerTop, { width, align: 'center', lineGap: FOOTER_GAP })
      doc.endMarkedContent()
      doc.font(REGULAR).fontSize(SMALL_SIZE)
    }
    doc.markContent('Artifact', { type: 'Pagination' })
    if (range.count > 1)
      doc.text(
        `Page ${i - range.start + 1} of ${range.count}`,
        left,
        footer.length > 0 ? footerTop - 16 : doc.page.height - 38,
        {
          width,
          align: 'center',
          lineBreak: false,
        },
      )
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
  shareFonts(doc, fonts, { regular: REGULAR, bold: BOLD })
  rememberMeasures(doc, fonts.measures)
  const tags = createTags(doc)

  const footer = letter.letterhead.conventions?.footer ?? []
  if (footer.length > 0) {
    // The body ends above the footer and the page number, on every page.
    const width = doc.page.width - MARGINS.left - MARGINS.right
    const bottom = Math.max(MARGINS.bottom, 26 + footerHeight(doc, footer, width) + 30)
    doc.page.margins.bottom = bottom
    ;(doc as unknown as { options: { margins: typeof MARGINS } }).options.margins = { ...MARGINS, bottom }
  }
  const { logo } = decodeLogo(letter.letterhead.logoDataUrl)
  const layout = layoutOf(letter)
  const top = drawLetterhead(doc, letter, logo, tags.tag, letterheadFrame(layout, MARGINS.top))
  drawAddressing(doc, letter, layout, top, tags)
  drawBlocks(doc, letter.blocks, tags, signatureHeight(doc, letter))
  drawSignature(doc, letter, tags)
  const pages = drawPageFurniture(doc, letter)
  doc.end()
  return { bytes: await ended, pages, unprintable: unprintableCharacters(letter, fonts) }
}
