/**
 * Which text encoding a file to import is in, and whether it is text at all, decided before it is
 * parsed:
 *
 * - a byte-order mark says UTF-8, UTF-16 LE or UTF-16 BE;
 * - otherwise the whole file is checked as UTF-8 (streamed, strict): valid means UTF-8 (plain ASCII
 *   is valid UTF-8). The import reads the header with the first 64 KB's verdict first, so a file
 *   its bounds refuse is refused before the whole of it is read;
 * - otherwise chardet weighs the bytes around the first one that is not UTF-8: the Western European
 *   single-byte family (ISO-8859-1, its superset Windows-1252, the usual export of Excel on
 *   Windows) is read as Windows-1252; another encoding chardet is sure enough of, and iconv-lite
 *   can decode, is read as that; anything else as Windows-1252.
 *
 * Files that are not text (a workbook, a PDF, an image, a database: NUL bytes or control
 * characters) are refused with words saying what they look like.
 */
import { isUtf8 } from 'node:buffer'
import fs from 'node:fs'
import chardet from 'chardet'
import iconv from 'iconv-lite'

export interface DetectedEncoding {
  /** The name iconv-lite decodes it by. */
  encoding: string
  /** For the owner: "UTF-8", "UTF-16", "Windows-1252 (Western European)". */
  label: string
}

/** A file refused before (or while) it is parsed, with the reason in plain words. */
export class CsvRefusal extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CsvRefusal'
  }
}

const HEAD_BYTES = 64 * 1024

const SIGNATURES: Array<[bytes: number[], what: string]> = [
  [[0x50, 0x4b, 0x03, 0x04], 'a zipped file, such as an Excel or Numbers workbook (.xlsx)'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an older Excel workbook (.xls)'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF'],
  [[0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], 'a database'],
  [[0x89, 0x50, 0x4e, 0x47], 'an image'],
  [[0xff, 0xd8, 0xff], 'an image'],
  [[0x47, 0x49, 0x46, 0x38], 'an image'],
]

export const SAVE_AS_CSV = 'In your spreadsheet or accounting program, save or export it as CSV, then choose that file.'

function startsWith(head: Buffer, bytes: number[]): boolean {
  return head.length >= bytes.length && bytes.every((b, i) => head[i] === b)
}

/** Refuses bytes that are not text: NUL bytes, or more than a few control characters. */
function checkIsText(head: Buffer): void {
  let zeros = 0
  let controls = 0
  for (let i = 0; i < head.length; i++) {
    const b = head[i]!
    if (b === 0) zeros++
    else if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) controls++
  }
  if (zeros > 0) {
    // ASCII text in UTF-16 without its mark: every other byte is zero.
    if (zeros * 3 > head.length) {
      throw new CsvRefusal(
        `This file looks like UTF-16 text without the mark at its start that says so, so it cannot be read safely. ${SAVE_AS_CSV} (Choose “CSV UTF-8” where you can.)`,
      )
    }
    throw new CsvRefusal(`This is not a CSV file: it holds binary data, not text. ${SAVE_AS_CSV}`)
  }
  if (controls * 100 > head.length)
    throw new CsvRefusal(`This is not a CSV file: it holds binary data, not text. ${SAVE_AS_CSV}`)
}

/** How much of the file is checked at a time, in one buffer used again and again. */
const CHECK_BYTES = 256 * 1024

/** How many bytes at the end of `bytes` start a character that goes on past it (0 to 3). */
function cutCharacter(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const b = bytes[bytes.length - back]!
    if (b < 0x80) return 0
    if (b >= 0xc0) {
      const needs = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2
      return needs > back ? back : 0
    }
  }
  return 0
}

/**
 * The offset of the part of the file holding the first byte that is not valid UTF-8, or null when
 * the whole file is. Checked in place (no text is made of it) in one buffer read into again and
 * again: a file of a hundred megabytes costs a quarter of a megabyte, and leaves nothing behind.
 */
async function firstNonUtf8(file: string, skip: number): Promise<number | null> {
  const handle = await fs.promises.open(file, 'r')
  try {
    const buffer = Buffer.allocUnsafe(CHECK_BYTES)
    let carried = 0
    let offset = skip
    for (;;) {
      const { bytesRead } = await handle.read(buffer, carried, CHECK_BYTES - carried, offset + carried)
      const filled = carried + bytesRead
      if (bytesRead === 0) return carried > 0 ? offset : null
      const whole = bytesRead === CHECK_BYTES - carried ? filled - cutCharacter(buffer.subarray(0, filled)) : filled
      if (!isUtf8(buffer.subarray(0, whole))) return offset
      buffer.copy(buffer, 0, whole, filled)
      carried = filled - whole
      offset += whole
    }
  } finally {
    await handle.close()
  }
}

const WESTERN = new Set(['ISO-8859-1', 'windows-1252', 'ISO-8859-15'])
const WINDOWS_1252: DetectedEncoding = { encoding: 'windows-1252', label: 'Windows-1252 (Western European)' }

function readAt(file: string, from: number, length: number): Buffer {
  const fd = fs.openSync(file, 'r')
  try {
    const buffer = Buffer.alloc(length)
    return buffer.subarray(0, fs.readSync(fd, buffer, 0, length, from))
  } finally {
    fs.closeSync(fd)
  }
}

/** The encoding chardet finds in these bytes, within the rules above. */
function guessSingleByte(sample: Buffer): DetectedEncoding {
  const [best] = chardet.analyse(sample)
  if (!best || WESTERN.has(best.name)) return WINDOWS_1252
  if (best.confidence >= 30 && !best.name.startsWith('UTF') && iconv.encodingExists(best.name))
    return { encoding: best.name, label: best.name }
  return WINDOWS_1252
}

/**
 * The encoding as the file's first 64 KB show it. `provisional` is true when they are valid UTF-8:
 * a byte further on may still say otherwise (confirmUtf8 reads the rest). Refuses what is not text.
 */
export function sniffEncoding(file: string): { detected: DetectedEncoding; provisional: boolean } {
  const head = readAt(file, 0, HEAD_BYTES)
  if (startsWith(head, [0xef, 0xbb, 0xbf]))
    return { detected: { encoding: 'utf-8', label: 'UTF-8' }, provisional: false }
  if (startsWith(head, [0xff, 0xfe])) return { detected: { encoding: 'utf-16le', label: 'UTF-16' }, provisional: false }
  if (startsWith(head, [0xfe, 0xff])) return { detected: { encoding: 'utf-16be', label: 'UTF-16' }, provisional: false }
  for (const [bytes, what] of SIGNATURES) {
    if (startsWith(head, bytes)) throw new CsvRefusal(`This is not a CSV file: it is ${what}. ${SAVE_AS_CSV}`)
  }
  checkIsText(head)
  try {
    // A character cut at the end of the 64 KB is not an error (stream: true).
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true })
    return { detected: { encoding: 'utf-8', label: 'UTF-8' }, provisional: true }
  } catch {
    return { detected: guessSingleByte(head), provisional: false }
  }
}

/** Reads the whole file as strict UTF-8: UTF-8 when it all is, else what the bytes around the first bad one say. */
export async function confirmUtf8(file: string): Promise<DetectedEncoding> {
  const bad = await firstNonUtf8(file, 0)
  if (bad === null) return { encoding: 'utf-8', label: 'UTF-8' }
  return guessSingleByte(readAt(file, Math.max(0, bad - HEAD_BYTES / 2), HEAD_BYTES))
}

/** Both steps at once: the encoding the whole file is in. */
export async function detectEncoding(file: string): Promise<DetectedEncoding> {
  const sniffed = sniffEncoding(file)
  return sniffed.provisional ? confirmUtf8(file) : sniffed.detected
}
