/** The letterhead: logo and business name on the left, address and contact details on the right, a rule below. */
import type { LetterDocument, Tagger } from './types'
import { ACCENT, BOLD, MUTED, REGULAR, RULE, SMALL_SIZE } from './style'

export interface LogoImage {
  data: Buffer
  format: 'png' | 'jpeg'
}

/** A logo a PDF can hold (PNG or JPEG), or null with the reason. */
export function decodeLogo(dataUrl: string | null): { logo: LogoImage | null; problem: string | null } {
  if (!dataUrl) return { logo: null, problem: null }
  const match = /^data:image\/(png|jpeg|webp);base64,(.+)$/.exec(dataUrl)
  if (!match) return { logo: null, problem: 'The logo could not be read, so letters are printed without it.' }
  const data = Buffer.from(match[2] as string, 'base64')
  const isPng = data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  const isJpeg = data[0] === 0xff && data[1] === 0xd8
  if (isPng) return { logo: { data, format: 'png' }, problem: null }
  if (isJpeg) return { logo: { data, format: 'jpeg' }, problem: null }
  return {
    logo: null,
    problem:
      'Your logo is a WebP image, which a PDF cannot hold: letters are printed without it. Choose a PNG or JPEG logo in Settings to show it.',
  }
}

const LOGO_MAX = { width: 132, height: 46 }

type OpenedImage = { width: number; height: number }

function openLogo(doc: PDFKit.PDFDocument, logo: LogoImage | null): OpenedImage | null {
  if (!logo) return null
  try {
    return (doc as unknown as { openImage(src: Buffer): OpenedImage }).openImage(logo.data)
  } catch {
    // An image pdfkit cannot decode: the letterhead stands without it.
    return null
  }
}

const NAME_SIZE = 15
const DETAILS_WIDTH = 190

/**
 * Draws the letterhead at the top of the first page, from `frame.top` (the top margin unless a
 * window layout says otherwise) and, when `frame.maxBottom` is given, ending above it (the logo is
 * made smaller to fit); returns the y below it.
 */
export function drawLetterhead(
  doc: PDFKit.PDFDocument,
  letter: LetterDocument,
  logo: LogoImage | null,
  tag: Tagger,
  frame: { top: number; maxBottom: number | null } = { top: doc.page.margins.top, maxBottom: null },
): number {
  const { left } = doc.page.margins
  const top = frame.top
  const width = doc.page.width - left - doc.page.margins.right
  const head = letter.letterhead
  // The business name stands beside the logo when it fits there on one line, else on the whole
  // column under the logo: never squeezed into the strip the logo leaves.
  const columnWidth = width - DETAILS_WIDTH - 16
  doc.font(BOLD).fontSize(NAME_SIZE)
  const nameLength = doc.widthOfString(head.businessName)
  const image = openLogo(doc, logo)
  let leftBottom = top
  let nameX = left
  let beside = false
  if (image) {
    const room = frame.maxBottom === null ? Infinity : frame.maxBottom - top
    const fullHeight = doc.heightOfString(head.businessName, { width: columnWidth })
    const fit = (maxHeight: number) =>
      Math.min(LOGO_MAX.width / image.width, Math.min(LOGO_MAX.height, maxHeight) / image.height, 1)
    let scale = fit(room)
    beside = nameLength <= columnWidth - image.width * scale - 12
    if (!beside) scale = fit(Math.max(12, room - 8 - fullHeight))
    const [w, h] = [image.width * scale, image.height * scale]
    tag('Figure', () => doc.image(image as unknown as Buffer, left, top, { width: w, height: h }), {
      alt: `${head.businessName} logo`,
    })
    if (beside) nameX = left + w + 12
    leftBottom = top + h
  }
  doc.font(BOLD).fontSize(NAME_SIZE).fillColor(ACCENT)
  const nameWidth = left + columnWidth - nameX
  const nameHeight = doc.heightOfString(head.businessName, { width: nameWidth })
  const nameY = !image ? top : beside ? top + Math.max(0, (leftBottom - top - nameHeight) / 2) : leftBottom + 8
  tag('H1', () => doc.text(head.businessName, nameX, nameY, { width: nameWidth, lineGap: 1 }))
  leftBottom = Math.max(leftBottom, nameY + nameHeight)
  const detailsWidth = DETAILS_WIDTH

  const details = [...head.address.split(/\r?\n/), head.phone, head.email].map((l) => l.trim()).filter((l) => l !== '')
  let rightBottom = top
  if (details.length > 0) {
    doc.font(REGULAR).fontSize(SMALL_SIZE).fillColor(MUTED)
    const text = details.join('\n')
    tag('P', () =>
      doc.text(text, left + width - detailsWidth, top + 1, { width: detailsWidth, align: 'right', lineGap: 1.5 }),
    )
    rightBottom = top + 1 + doc.heightOfString(text, { width: detailsWidth, lineGap: 1.5 })
  }
  const below = Math.max(leftBottom, rightBottom) + 12
  // Under a window layout's height limit the rule stands above the address field, and is left out
  // where the contact details reach that far (they go on beside the field, above the information block).
  const ruleY = frame.maxBottom === null ? below : Math.min(below, frame.maxBottom)
  if (ruleY >= rightBottom + 4) {
    doc.markContent('Artifact', { type: 'Layout' })
    doc
      .save()
      .moveTo(left, ruleY)
      .lineTo(left + width, ruleY)
      .lineWidth(0.6)
      .strokeColor(RULE)
      .stroke()
      .restore()
    doc.endMarkedContent()
  }
  doc.fillColor('#000000')
  return ruleY + 20
}
