/**
 * Measured text, remembered. A letter measures the same texts many times: each table cell by the
 * body's layout and then four times more inside pdfkit's table (twice per pass, and it makes two
 * passes), a heading or a lead-in line once for what must stay with it and once to draw it; and a
 * batch or a re-export measures the same template texts letter after letter. Measuring wraps the
 * text into lines, which costs far more than looking the answer up.
 *
 * A measurement is a pure function of the font, its size, the text, the options and where it is
 * measured (the position goes into the sums, so two positions may differ in the last bit): all of
 * them are the key, and an answer from the cache is the very number pdfkit would have computed.
 * Only measurements without side effects are remembered: no rotation (pdfkit draws a rotation
 * into the page), no text continued from a previous call, options that are plain values.
 */

/** How much is kept before the cache starts afresh: the keys' characters (a letter's texts, a few times over, are far fewer). */
const LIMIT = 4_000_000

export interface Measures {
  entries: Map<string, Bounds | number>
  /** The characters of all the keys. */
  size: number
}

interface Bounds {
  x: number
  y: number
  width: number
  height: number
}

export const newMeasures = (): Measures => ({ entries: new Map(), size: 0 })

type Options = Record<string, unknown> | undefined

interface Internals {
  x: number
  y: number
  _font: { name: string }
  _fontSize: number
  _lineGap: number
  _wrapper: unknown
  _textOptions: unknown
  heightOfString(text: string, options?: Options): number
  boundsOfString(text: string, x?: number, y?: number, options?: Options): Bounds
}

/**
 * The options as a key, or null when they hold anything but plain values or ask for a rotation: in
 * one pass, each name with its value (a text quoted, so no value can pass for another).
 */
function optionsKey(options: Options): string | null {
  if (!options) return ''
  let key = ''
  for (const name in options) {
    const value = options[name]
    const type = typeof value
    if (type === 'string') key += `${name}:${JSON.stringify(value)},`
    else if (type === 'number' || type === 'boolean' || value === undefined || value === null)
      key += `${name}=${String(value)},`
    else return null
  }
  if (options.rotation !== undefined && options.rotation !== 0) return null
  return key
}

/** The key of a measurement at (x, y) in the document's current state, or null when it is not to be remembered. */
function keyOf(doc: Internals, kind: string, text: unknown, x: number, y: number, options: Options): string | null {
  if (typeof text !== 'string' || doc._wrapper || doc._textOptions) return null
  const opts = optionsKey(options)
  if (opts === null || typeof options?.width !== 'number') return null
  return `${kind}\u0000${doc._font.name}\u0000${doc._fontSize}\u0000${doc._lineGap}\u0000${x}\u0000${y}\u0000${opts}\u0000${text}`
}

function remember<T extends Bounds | number>(cache: Measures, key: string, value: T): T {
  if (cache.size + key.length > LIMIT) {
    cache.entries.clear()
    cache.size = 0
  }
  cache.size += key.length
  cache.entries.set(key, typeof value === 'number' ? value : { ...value })
  return value
}

/** Makes the document's heightOfString and boundsOfString answer from `cache` what they measured before. */
export function rememberMeasures(document: PDFKit.PDFDocument, cache: Measures): void {
  const doc = document as unknown as Internals
  const height = doc.heightOfString
  const bounds = doc.boundsOfString
  doc.heightOfString = function (text, options) {
    const key = keyOf(doc, 'h', text, doc.x, doc.y, options)
    if (key === null) return height.call(doc, text, options)
    const known = cache.entries.get(key)
    if (typeof known === 'number') return known
    return remember(cache, key, height.call(doc, text, options))
  }
  doc.boundsOfString = function (text, x, y, options) {
    if (
      (x !== undefined && x !== null && typeof x !== 'number') ||
      (y !== undefined && y !== null && typeof y !== 'number')
    )
      return bounds.call(doc, text, x, y, options)
    // pdfkit measures at (x, y) when they are given and leaves the document there.
    const at = { x: x ?? doc.x, y: y ?? doc.y }
    const key = keyOf(doc, 'b', text, at.x, at.y, options)
    if (key === null) return bounds.call(doc, text, x, y, options)
    const known = cache.entries.get(key)
    if (known !== undefined && typeof known !== 'number') {
      doc.x = at.x
      doc.y = at.y
      return { ...known }
    }
    return remember(cache, key, bounds.call(doc, text, x, y, options))
  }
}
