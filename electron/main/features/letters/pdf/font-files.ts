/**
 * The embedded font file, remembered by the glyphs it holds. Every PDF embeds a subset of the font
 * with the glyphs it prints, in the order it first printed them; writing that subset (its tables
 * encoded, then compressed) is a fifth of a letter's time. The subset's bytes are a function of
 * that list of glyphs alone, so a letter printing the same glyphs (the same letter previewed,
 * saved, sent or exported again; letters alike but for a name) reuses the compressed file: the
 * bytes are those zlib would have written again, under the same dictionary.
 */
import zlib from 'node:zlib'

/** How many font files are kept (each some 10 to 30 KB). */
const KEPT = 64

export type FontFiles = Map<string, Buffer>

export const newFontFiles = (): FontFiles => new Map()

interface Reference {
  compress: boolean
  data: Record<string, unknown>
  write(chunk: Uint8Array): void
  finalize(): void
  end(chunk?: Uint8Array): void
}

interface EmbeddedFont {
  document: { ref(data?: Record<string, unknown>): Reference }
  subset: { glyphs?: number[]; encode(): Uint8Array }
  embed(): void
}

/** Makes the document's embedded font (pdfkit's, as `doc._font` holds it) write its file from `files` when it can. */
export function rememberFontFile(font: unknown, files: FontFiles): void {
  const embedded = font as EmbeddedFont
  const embed = embedded.embed
  embedded.embed = function (this: EmbeddedFont) {
    const { document, subset } = this
    if (!Array.isArray(subset.glyphs)) return embed.call(this)
    const key = subset.glyphs.join(',')
    const known = files.get(key)
    const encode = subset.encode
    // pdfkit's embed asks for the font file's reference first, then ends it with the subset's bytes.
    const ref = document.ref
    document.ref = function (data) {
      document.ref = ref
      const file = ref.call(document, data)
      if (!file.compress) return file
      file.compress = false
      file.end = (bytes?: Uint8Array) => {
        const compressed = known ?? keep(files, key, zlib.deflateSync(bytes as Uint8Array))
        // As pdfkit writes a compressed stream: its length, then its filter.
        file.write(compressed)
        file.data.Filter = 'FlateDecode'
        file.finalize()
      }
      return file
    }
    if (known) subset.encode = () => new Uint8Array(0)
    try {
      return embed.call(this)
    } finally {
      document.ref = ref
      subset.encode = encode
    }
  }
}

function keep(files: FontFiles, key: string, compressed: Buffer): Buffer {
  if (files.size >= KEPT) files.delete(files.keys().next().value as string)
  files.set(key, compressed)
  return compressed
}
