/**
 * The readable rows of an import, kept between reading and writing: column by column, numbers in
 * typed arrays, the import keys' 32 bytes each in one buffer, the texts of each row (description,
 * reference, invoice number) as UTF-8 in one growing buffer, and the texts many rows repeat (dates,
 * clients, workers: one string each, row-reader.ts interns them) in arrays of a block's size, per field.
 *
 * A row as an object of its own, with its texts as strings, cost about three times as much: its
 * fields and header, its key as a string, and each text a string pointing into the parser's chunk
 * of the file, which kept the whole file's text alive; hundreds of thousands of them also kept the
 * garbage collector busy. Here a row becomes an object only while it is written (`row(i)`), and
 * is dropped straight after.
 */
import { ENTRY_KINDS } from '../../../shared/ledger/words'
import type { ImportRow } from './row-reader'

/** A row as the writers take it: the reader's fields, its import key in hex as the column holds it. */
export type StoredRow = Omit<ImportRow, 'line' | 'rateFrom'>

const KEY_BYTES = 32
/** Rows are kept in blocks of this many: no block is ever copied to grow, and at most one is part empty. */
const BLOCK_ROWS = 16 * 1024
/** Each row's own texts lie together in one of these buffers (a row's are at most about 31 KB: row-reader.ts bounds them). */
const TEXT_BYTES = 1024 * 1024
const KIND_INDEX = new Map<string, number>(ENTRY_KINDS.map((k, i) => [k, i]))
const NUMBERS = ['clientId', 'amountMinor', 'minutes', 'rateMinor', 'staffId', 'turnaroundId'] as const
/** Texts many rows share (interned strings): one array each. */
const SHARED = ['date', 'clientKey', 'clientName', 'worker'] as const
/** Texts of each row's own, as UTF-8 side by side. */
const OWN = ['description', 'reference', 'invoice'] as const

type NumberField = (typeof NUMBERS)[number]
type SharedField = (typeof SHARED)[number]

/** A null number is kept as NaN (every number here is an integer). */
const orNull = (n: number): number | null => (Number.isNaN(n) ? null : n)

interface Block {
  numbers: Record<NumberField, Float64Array>
  kinds: Uint8Array
  keys: Buffer
  /** Where the row's own texts start: text buffer number * TEXT_BYTES + offset in it. */
  textAt: Float64Array
  /** Each own text's length in bytes. */
  textLengths: Uint32Array
  /** The shared texts, in arrays made at their full size (a growing array is copied each time it grows). */
  shared: Record<SharedField, string[]>
}

function newBlock(): Block {
  return {
    numbers: Object.fromEntries(NUMBERS.map((f) => [f, new Float64Array(BLOCK_ROWS)])) as Record<
      NumberField,
      Float64Array
    >,
    kinds: new Uint8Array(BLOCK_ROWS),
    keys: Buffer.allocUnsafe(BLOCK_ROWS * KEY_BYTES),
    textAt: new Float64Array(BLOCK_ROWS),
    textLengths: new Uint32Array(BLOCK_ROWS * OWN.length),
    shared: Object.fromEntries(SHARED.map((f) => [f, new Array<string>(BLOCK_ROWS)])) as Record<SharedField, string[]>,
  }
}

export class ImportRows {
  length = 0
  private readonly blocks: Block[] = []
  private readonly texts: Buffer[] = []
  /** Bytes used in the last text buffer. */
  private textUsed = TEXT_BYTES
  private amountSum = 0

  push(row: ImportRow): void {
    const i = this.length++
    const r = i % BLOCK_ROWS
    if (r === 0) this.blocks.push(newBlock())
    const block = this.blocks[this.blocks.length - 1]!
    // Field by field, not in loops over the field names: this runs once per row of the file.
    const n = block.numbers
    n.clientId[r] = row.clientId ?? Number.NaN
    n.amountMinor[r] = row.amountMinor
    n.minutes[r] = row.minutes ?? Number.NaN
    n.rateMinor[r] = row.rateMinor ?? Number.NaN
    n.staffId[r] = row.staffId ?? Number.NaN
    n.turnaroundId[r] = row.turnaroundId ?? Number.NaN
    block.kinds[r] = KIND_INDEX.get(row.kind)!
    block.keys.write(row.importKey, r * KEY_BYTES, KEY_BYTES, 'latin1')
    const t = block.shared
    t.date[r] = row.date
    t.clientKey[r] = row.clientKey
    t.clientName[r] = row.clientName
    t.worker[r] = row.worker
    // At most three bytes per UTF-16 unit: a row's texts always fit in a fresh buffer.
    const { description, reference, invoice } = row
    if (this.textUsed + (description.length + reference.length + invoice.length) * 3 > TEXT_BYTES) {
      this.texts.push(Buffer.allocUnsafe(TEXT_BYTES))
      this.textUsed = 0
    }
    const bytes = this.texts[this.texts.length - 1]!
    block.textAt[r] = (this.texts.length - 1) * TEXT_BYTES + this.textUsed
    const lengths = block.textLengths
    const at = r * OWN.length
    lengths[at] = this.writeText(bytes, description)
    lengths[at + 1] = this.writeText(bytes, reference)
    lengths[at + 2] = this.writeText(bytes, invoice)
    this.amountSum += row.amountMinor
  }

  /** Writes one of a row's own texts as UTF-8 at the end of the text buffer; its length in bytes. */
  private writeText(bytes: Buffer, text: string): number {
    const written = text === '' ? 0 : bytes.write(text, this.textUsed, 'utf8')
    this.textUsed += written
    return written
  }

  /** The sum of every row's amount. */
  get amountMinor(): number {
    return this.amountSum
  }

  /** One of the row's own texts, `k` its place in OWN (description, reference, invoice number): only it is decoded. */
  private ownText(block: Block, r: number, k: number): string {
    const lengths = block.textLengths
    const first = r * OWN.length
    const length = lengths[first + k]!
    if (length === 0) return ''
    const at = block.textAt[r]!
    let start = at % TEXT_BYTES
    for (let j = 0; j < k; j++) start += lengths[first + j]!
    return this.texts[Math.floor(at / TEXT_BYTES)]!.toString('utf8', start, start + length)
  }

  /** The i-th row, as a new object. */
  row(i: number): StoredRow {
    const block = this.blocks[Math.floor(i / BLOCK_ROWS)]!
    const r = i % BLOCK_ROWS
    const n = block.numbers
    const t = block.shared
    return {
      date: t.date[r]!,
      clientKey: t.clientKey[r]!,
      clientName: t.clientName[r]!,
      clientId: orNull(n.clientId[r]!),
      kind: ENTRY_KINDS[block.kinds[r]!]!,
      description: this.ownText(block, r, 0),
      amountMinor: n.amountMinor[r]!,
      minutes: orNull(n.minutes[r]!),
      rateMinor: orNull(n.rateMinor[r]!),
      staffId: orNull(n.staffId[r]!),
      worker: t.worker[r]!,
      reference: this.ownText(block, r, 1),
      turnaroundId: orNull(n.turnaroundId[r]!),
      invoice: this.ownText(block, r, 2),
      importKey: block.keys.toString('hex', r * KEY_BYTES, (r + 1) * KEY_BYTES),
    }
  }

  /** The i-th row's client, without making the row. */
  clientIdOf(i: number): number | null {
    return orNull(this.blocks[Math.floor(i / BLOCK_ROWS)]!.numbers.clientId[i % BLOCK_ROWS]!)
  }

  invoiceOf(i: number): string {
    return this.ownText(this.blocks[Math.floor(i / BLOCK_ROWS)]!, i % BLOCK_ROWS, 2)
  }

  clientKeyOf(i: number): string {
    return this.blocks[Math.floor(i / BLOCK_ROWS)]!.shared.clientKey[i % BLOCK_ROWS]!
  }
}
