/**
 * Looks inside a letter's PDF: its XMP packet read by a real XML parser (Python's ElementTree, with
 * namespaces: an unescaped "&" or an undeclared prefix is an error), its trailer's file ID, and the
 * glyphs its text draws (glyph 0 is the font's "missing glyph" box).
 */
import { execFileSync } from 'node:child_process'
import { inflateSync } from 'node:zlib'

export interface Xmp {
  title: string
  creator: string
  description: string
  keywords: string
  producer: string
  creatorTool: string
  createDate: string
  modifyDate: string
  metadataDate: string
  part: string
  conformance: string
}

const PARSE_XMP = String.raw`
import sys, json, xml.etree.ElementTree as ET
data = sys.stdin.buffer.read()
start = data.index(b'<?xpacket begin')
end = data.index(b'<?xpacket end="w"?>') + len(b'<?xpacket end="w"?>')
root = ET.fromstring(data[start:end])
ns = {'rdf': 'http://www.w3.org/1999/02/22-rdf-syntax-ns#', 'dc': 'http://purl.org/dc/elements/1.1/', 'xmp': 'http://ns.adobe.com/xap/1.0/',
      'pdf': 'http://ns.adobe.com/pdf/1.3/', 'pdfaid': 'http://www.aiim.org/pdfa/ns/id/'}
def one(path):
    found = root.findall('.//' + path, ns)
    if len(found) != 1: raise SystemExit('expected one %s, found %d' % (path, len(found)))
    return found[0].text or ''
print(json.dumps({
  'title': one('dc:title/rdf:Alt/rdf:li'), 'creator': one('dc:creator/rdf:Seq/rdf:li'), 'description': one('dc:description/rdf:Alt/rdf:li'),
  'keywords': one('pdf:Keywords'), 'producer': one('pdf:Producer'), 'creatorTool': one('xmp:CreatorTool'),
  'createDate': one('xmp:CreateDate'), 'modifyDate': one('xmp:ModifyDate'), 'metadataDate': one('xmp:MetadataDate'),
  'part': one('pdfaid:part'), 'conformance': one('pdfaid:conformance'),
}))
`

/** The XMP packet's values; throws (with the parser's message) when it is not well-formed XML. */
export function parseXmp(pdf: Uint8Array): Xmp {
  return JSON.parse(execFileSync('python3', ['-c', PARSE_XMP], { input: pdf, encoding: 'utf8' })) as Xmp
}

/** The trailer's /ID: both halves, as hex. */
export function fileIds(pdf: Uint8Array): [string, string] {
  const match = /\/ID \[<([0-9a-f]+)> <([0-9a-f]+)>\]/.exec(Buffer.from(pdf).toString('latin1'))
  if (!match) throw new Error('The PDF has no file ID.')
  return [match[1] as string, match[2] as string]
}

/** Every content stream's text, inflated (pdfkit compresses them with Flate). */
function contentStreams(pdf: Uint8Array): string[] {
  const text = Buffer.from(pdf).toString('latin1')
  const streams: string[] = []
  const re = /<<([^]*?)>>\s*stream\n/g
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const dict = m[1] as string
    const start = m.index + m[0].length
    const end = text.indexOf('\nendstream', start)
    const raw = Buffer.from(text.slice(start, end), 'latin1')
    const data = /\/Filter \/FlateDecode/.test(dict) ? inflateSync(raw).toString('latin1') : raw.toString('latin1')
    if (/\bTJ\b/.test(data) && /\bBT\b/.test(data)) streams.push(data)
  }
  return streams
}

/** How many glyphs drawn as text are glyph 0, the missing-glyph box (pdfkit writes glyph ids as 4 hex digits). */
export function missingGlyphCount(pdf: Uint8Array): { drawn: number; missing: number } {
  let drawn = 0
  let missing = 0
  for (const stream of contentStreams(pdf)) {
    for (const array of stream.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      for (const hex of (array[1] as string).matchAll(/<([0-9a-f]*)>/g)) {
        const ids = (hex[1] as string).match(/.{4}/g) ?? []
        drawn += ids.length
        missing += ids.filter((id) => id === '0000').length
      }
    }
  }
  return { drawn, missing }
}
