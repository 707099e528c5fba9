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

/** Draws the letterhead at the top of the first page; returns the y below it. */
export function drawLetterhead(
  doc: PDFKit.PDFDocument,
  letter: LetterDocument,
  logo: LogoImage | null,
  tag: Tagger,
): number {
  const { left, top } = doc.page.margins
  const width = doc.page.width - left - doc.page.margins.right
  const head = letter.letterhead
  let leftBottom = top
  let nameX = left
  if (logo) {
    try {
      const image = (doc as unknown as { openImage(src: Buffer): { width: number; height: number } }).openImage(
        logo.data,
      )
      const scale = Math.min(LOGO_MAX.width / image.width, LOGO_MAX.height / image.height, 1)
      const [w, h] = [image.width * scale, image.height * scale]
      tag('Figure', () => doc.image(image as unknown as Buffer, left, top, { width: w, height: h }), {
        alt: `${head.businessName} logo`,
      })
      nameX = left + w + 12
      leftBottom = top + h
    } catch {
      // An image pdfkit cannot decode: the letterhead stands without it.
    }
  }
  const detailsWidth = 190
  const nameWidth = left + width - detailsWidth - 16 - nameX
  doc.font(BOLD).fontSize(15).fillColor(ACCENT)
  const nameHeight = doc.heightOfString(head.businessName, { width: nameWidth })
  const nameY = logo && leftBottom > top ? top + Math.max(0, (leftBottom - top - nameHeight) / 2) : top
  tag('H1', () => doc.text(head.businessName, nameX, nameY, { width: nameWidth, lineGap: 1 }))
  leftBottom = Math.max(leftBottom, nameY + nameHeight)

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
  const ruleY = Math.max(leftBottom, rightBottom) + 12
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
  doc.fillColor('#000000')
  return ruleY + 20
}
