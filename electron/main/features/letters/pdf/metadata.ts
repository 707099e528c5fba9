/**
 * The document's metadata: the Info dictionary and the XMP packet PDF/A asks for, saying the same
 * thing (title, author, subject, keywords, creator, producer, creation and modification dates).
 * pdfkit writes the XMP by pasting the values into XML unescaped, so a title like
 * "Harbour Lane Print & Design" breaks it and "<b>Harbor</b>" injects elements: the packet's
 * descriptions are built here with every value escaped, and pdfkit's own are replaced.
 * The file ID is a digest of everything the letter prints, so two different letters never share
 * one and the same letter always has the same.
 */
import { createHash } from 'node:crypto'

export interface LetterInfo {
  Title: string
  Author: string
  Subject: string
  Keywords: string
  Creator: string
  Producer: string
  CreationDate: Date
  ModDate: Date
}

/**
 * Text both the Info dictionary and the XMP can hold the same: no character XML 1.0 forbids
 * (controls, lone surrogates, U+FFFE/U+FFFF), line breaks and runs of spaces as one space.
 */
export function metaText(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- these are the characters XML 1.0 forbids
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
      .replace(/\s+/g, ' ')
      .trim()
  )
}

/** Escapes text for an XML element's content or a quoted attribute. */
export function xmlEscape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}

/** A date as XMP writes it, to the second in UTC: the same instant as the Info dictionary's D:…Z. */
export const xmpDate = (date: Date) => `${date.toISOString().split('.')[0]}Z`

/** The XMP descriptions of the document's information (pdfkit adds the PDF/A identification beside them). */
export function xmpDescriptions(info: LetterInfo): string {
  const x = (text: string) => xmlEscape(metaText(text))
  const modified = xmpDate(info.ModDate)
  return [
    '<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">',
    `<xmp:CreateDate>${xmpDate(info.CreationDate)}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${modified}</xmp:ModifyDate>`,
    `<xmp:MetadataDate>${modified}</xmp:MetadataDate>`,
    `<xmp:CreatorTool>${x(info.Creator)}</xmp:CreatorTool>`,
    '</rdf:Description>',
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '<dc:format>application/pdf</dc:format>',
    `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${x(info.Title)}</rdf:li></rdf:Alt></dc:title>`,
    `<dc:creator><rdf:Seq><rdf:li>${x(info.Author)}</rdf:li></rdf:Seq></dc:creator>`,
    `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${x(info.Subject)}</rdf:li></rdf:Alt></dc:description>`,
    '</rdf:Description>',
    '<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">',
    `<pdf:Producer>${x(info.Producer)}</pdf:Producer>`,
    `<pdf:Keywords>${x(info.Keywords)}</pdf:Keywords>`,
    '</rdf:Description>',
  ].join('\n')
}

/** The Info dictionary's values, cleaned the same way as the XMP's so that both say the same. */
export function cleanInfo(info: LetterInfo): LetterInfo {
  const { CreationDate, ModDate, ...texts } = info
  const cleaned = Object.fromEntries(Object.entries(texts).map(([key, value]) => [key, metaText(value)])) as Omit<
    LetterInfo,
    'CreationDate' | 'ModDate'
  >
  return { ...cleaned, CreationDate, ModDate }
}

/** JSON with object keys sorted: the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  )
}

interface PdfkitInternals {
  _id: Uint8Array
  _addInfo: () => void
}

/**
 * Gives the document its XMP descriptions (escaped) in place of pdfkit's, and a file ID made from
 * `identity` (everything the letter prints), written as both halves of the trailer's ID.
 */
export function installMetadata(doc: PDFKit.PDFDocument, info: LetterInfo, identity: unknown): void {
  const internals = doc as unknown as PdfkitInternals
  const xml = xmpDescriptions(info)
  internals._addInfo = () => doc.appendXML(xml)
  internals._id = createHash('md5').update(canonicalJson(identity)).digest()
}
