/**
 * The readable rows of an import, kept between reading and writing. Reading runs on a thread of its
 * own (read-worker.ts) and hands the rows over in blocks of BLOCK_ROWS, each made only of typed
 * arrays and byte buffers, which move from one thread to the other without being copied:
 *
 * - numbers in Float64Arrays (a null kept as NaN: every number here is an integer), kinds as bytes;
 * - the import keys' 32 bytes each, in one buffer;
 * - the texts of each row's own (description, reference, invoice number) as UTF-8, in the block's
 *   own text buffers;
 * - the texts many rows repeat (dates, clients, workers) as numbers into a list of distinct texts per
 *   field: a block carries only the texts first seen in it, and the reading side keeps one string
 *   per distinct text, as interning would.
 *
 * A row as an object of its own, with its texts as strings, cost about three times as much and kept
 * the garbage collector busy; here a row becomes an object only while it is written (`row(i)`), and
 * is dropped straight after.
 */
import { ENTRY_KINDS } from '../../../shared/ledger/words'
import type { ImportRow } from './row-reader'

/** A row as the writers take it: the reader's fields, its import key in hex as the column holds it. */
export type StoredRow = Omit<ImportRow, 'line' | 'rateFrom'>

const KEY_BYTES = 32
/**
 * Rows per block: no block is ever copied to grow, and at most one is part full. Small enough that
 * the first reaches the writing thread a few milliseconds after reading starts.
 */
export const BLOCK_ROWS = 4096
/** Each row's own texts lie together in one of these buffers (a row's are at most about 31 KB: row-reader.ts bounds them). */
const TEXT_BYTES = 256 * 1024
const KIND_INDEX = new Map<string, number>(ENTRY_KINDS.map((k, i) => [k, i]))
const NUMBERS = ['clientId', 'amountMinor', 'minutes', 'rateMinor', 'staffId', 'turnaroundId'] as const
/** Texts many rows share: one number per row into the field's list of distinct texts. */
const SHARED = ['date', 'clientKey', 'clientName', 'worker'] as const
/** Texts of each row's own, as UTF-8 side by side. */
const OWN = ['description', 'reference', 'invoice'] as const

type NumberField = (typeof NUMBERS)[number]
type SharedField = (typeof SHARED)[number]

const orNull = (n: number): number | null => (Number.isNaN(n) ? null : n)

/** One block of rows, as it crosses from the reading thread: nothing in it but arrays and plain texts. */
export interface RowBlock {
  length: number
  numbers: Record<NumberField, Float64Array>
  kinds: Uint8Array
  keys: Uint8Array
  /** Where each row's own texts start: the block's text buffer number * TEXT_BYTES + offset in it. */
  textAt: Uint32Array
  /** Each own text's length in bytes. */
  textLengths: Uint32Array
  texts: Uint8Array[]
  /** Each row's shared texts, as their numbers in the field's list. */
  shared: Record<SharedField, Uint32Array>
  /** The texts first seen in this block, in the order of their numbers. */
  newTexts: Record<SharedField, string[]>
  amountMinor: number
}

/** The memory a block holds, for postMessage's transfer list (moved, not copied). */
export function blockBuffers(block: RowBlock): ArrayBuffer[] {
  const arrays: ArrayBufferView[] = [
    ...Object.values(block.numbers),
    block.kinds,
    block.keys,
    block.textAt,
    block.textLengths,
    ...block.texts,
    ...Object.values(block.shared),
  ]
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))]
}

function newBlock(): RowBlock {
  return {
    length: 0,
    numbers: Object.fromEntries(NUMBERS.map((f) => [f, new Float64Array(BLOCK_ROWS)])) as Record<
      NumberField,
      Float64Array
    >,
    kinds: new Uint8Array(BLOCK_ROWS),
    keys: new Uint8Array(BLOCK_ROWS * KEY_BYTES),
    textAt: new Uint32Array(BLOCK_ROWS),
    textLengths: new Uint32Array(BLOCK_ROWS * OWN.length),
    texts: [],
    shared: Object.fromEntries(SHARED.map((f) => [f, new Uint32Array(BLOCK_ROWS)])) as Record<SharedField, Uint32Array>,
    newTexts: Object.fromEntries(SHARED.map((f) => [f, []])) as unknown as Record<SharedField, string[]>,
    amountMinor: 0,
  }
}

/**
 * Packs rows into blocks on the reading side: each full block goes to `done` (and must not be used
 * here again: its memory moves to the other thread); `end()` sends the last, part-full one.
 */
export class RowBlockWriter {
  private block = newBlock()
  private keys = Buffer.from(this.block.keys.buffer)
  private text: Buffer | null = null
  /** Bytes used in the block's last text buffer. */
  private textUsed = TEXT_BYTES
  private readonly numbered: Record<SharedField, Map<string, number>> = Object.fromEntries(
    SHARED.map((f) => [f, new Map<string, number>()]),
  ) as Record<SharedField, Map<string, number>>

  constructor(private readonly done: (block: RowBlock) => void) {}

  push(row: ImportRow): void {
    const block = this.block
    const r = block.length++
    // Field by field, not in loops over the field names: this runs once per row of the file.
    const n = block.numbers
    n.clientId[r] = row.clientId ?? Number.NaN
    n.amountMinor[r] = row.amountMinor
    n.minutes[r] = row.minutes ?? Number.NaN
    n.rateMinor[r] = row.rateMinor ?? Number.NaN
    n.staffId[r] = row.staffId ?? Number.NaN
    n.turnaroundId[r] = row.turnaroundId ?? Number.NaN
    block.kinds[r] = KIND_INDEX.get(row.kind)!
    this.keys.write(row.importKey, r * KEY_BYTES, KEY_BYTES, 'latin1')
    const s = block.shared
    s.date[r] = this.number('date', row.date)
    s.clientKey[r] = this.number('clientKey', row.clientKey)
    s.clientName[r] = this.number('clientName', row.clientName)
    s.worker[r] = this.number('worker', row.worker)
    // At most three bytes per UTF-16 unit: a row's texts always fit in a fresh buffer.
    const { description, reference, invoice } = row
    if (this.textUsed + (description.length + reference.length + invoice.length) * 3 > TEXT_BYTES) {
      this.sealText(false)
      this.text = Buffer.allocUnsafe(TEXT_BYTES)
      this.textUsed = 0
    }
    const bytes = this.text!
    block.textAt[r] = block.texts.length * TEXT_BYTES + this.textUsed
    const lengths = block.textLengths
    const at = r * OWN.length
    lengths[at] = this.writeText(bytes, description)
    lengths[at + 1] = this.writeText(bytes, reference)
    lengths[at + 2] = this.writeText(bytes, invoice)
    block.amountMinor += row.amountMinor
    if (block.length === BLOCK_ROWS) this.send()
  }

  /** Sends the rows not sent yet, if any. */
  end(): void {
    if (this.block.length > 0) this.send()
  }

  private number(field: SharedField, text: string): number {
    const numbers = this.numbered[field]
    let n = numbers.get(text)
    if (n === undefined) {
      n = numbers.size
      numbers.set(text, n)
      this.block.newTexts[field].push(text)
    }
    return n
  }

  /** Writes one of a row's own texts as UTF-8 at the end of the text buffer; its length in bytes. */
  private writeText(bytes: Buffer, text: string): number {
    const written = text === '' ? 0 : bytes.write(text, this.textUsed, 'utf8')
    this.textUsed += written
    return written
  }

  /**
   * Puts the text buffer being filled into the block: a view of what it holds, or at the block's end
   * a copy of that (the rest of the buffer would otherwise be kept, unused, with every block).
   */
  private sealText(copy: boolean): void {
    if (this.text !== null) {
      const used = this.text.subarray(0, this.textUsed)
      this.block.texts.push(copy ? new Uint8Array(used) : used)
    }
    this.text = null
    this.textUsed = TEXT_BYTES
  }

  private send(): void {
    this.sealText(true)
    const block = this.block
    this.block = newBlock()
    this.keys = Buffer.from(this.block.keys.buffer)
    this.done(block)
  }
}

/** The block a row is kept in. */
export const blockOf = (i: number) => Math.floor(i / BLOCK_ROWS)

/**
 * The rows of an import on the writing side: the blocks as they arrive, in order. A block whose rows
 * are written and no longer needed can be let go (`release`): an import on SQLite then keeps only
 * the rows read and not yet written, not the whole file.
 */
export class ImportRows {
  length = 0
  private readonly blocks: Array<RowBlock | null> = []
  private readonly keys: Array<Buffer | null> = []
  private readonly texts: Array<Buffer[] | null> = []
  /** Blocks before this one have been looked at by release(). */
  private releasedUpTo = 0
  private readonly distinct: Record<SharedField, string[]> = Object.fromEntries(
    SHARED.map((f) => [f, [] as string[]]),
  ) as unknown as Record<SharedField, string[]>
  private amountSum = 0

  /** Adds the next block (every block but the last is full). */
  add(block: RowBlock): void {
    if (this.length % BLOCK_ROWS !== 0) throw new Error('Only the last block of an import may be part full.')
    this.blocks.push(block)
    this.keys.push(Buffer.from(block.keys.buffer, block.keys.byteOffset, block.keys.byteLength))
    this.texts.push(block.texts.map((t) => Buffer.from(t.buffer, t.byteOffset, t.byteLength)))
    for (const field of SHARED) for (const text of block.newTexts[field]) this.distinct[field].push(text)
    this.length += block.length
    this.amountSum += block.amountMinor
  }

  /** The sum of every row's amount (the rows let go included). */
  get amountMinor(): number {
    return this.amountSum
  }

  /** Lets go of the blocks wholly before row `before`, but the `kept` ones (their rows are asked for again). */
  release(before: number, kept: ReadonlySet<number>): void {
    const end = blockOf(before)
    for (let b = this.releasedUpTo; b < end; b++) {
      if (kept.has(b)) continue
      this.blocks[b] = null
      this.keys[b] = null
      this.texts[b] = null
    }
    this.releasedUpTo = Math.max(this.releasedUpTo, end)
  }

  private block(b: number): RowBlock {
    const block = this.blocks[b]
    if (!block) throw new Error(`Rows of block ${b} were let go.`)
    return block
  }

  /** One of the row's own texts, `k` its place in OWN (description, reference, invoice number): only it is decoded. */
  private ownText(b: number, r: number, k: number): string {
    const block = this.block(b)
    const lengths = block.textLengths
    const first = r * OWN.length
    const length = lengths[first + k]!
    if (length === 0) return ''
    const at = block.textAt[r]!
    let start = at % TEXT_BYTES
    for (let j = 0; j < k; j++) start += lengths[first + j]!
    return this.texts[b]![Math.floor(at / TEXT_BYTES)]!.toString('utf8', start, start + length)
  }

  /** The i-th row, as a new object. */
  row(i: number): StoredRow {
    const b = blockOf(i)
    const block = this.block(b)
    const r = i % BLOCK_ROWS
    const n = block.numbers
    const s = block.shared
    const d = this.distinct
    return {
      date: d.date[s.date[r]!]!,
      clientKey: d.clientKey[s.clientKey[r]!]!,
      clientName: d.clientName[s.clientName[r]!]!,
      clientId: orNull(n.clientId[r]!),
      kind: ENTRY_KINDS[block.kinds[r]!]!,
      description: this.ownText(b, r, 0),
      amountMinor: n.amountMinor[r]!,
      minutes: orNull(n.minutes[r]!),
      rateMinor: orNull(n.rateMinor[r]!),
      staffId: orNull(n.staffId[r]!),
      worker: d.worker[s.worker[r]!]!,
      reference: this.ownText(b, r, 1),
      turnaroundId: orNull(n.turnaroundId[r]!),
      invoice: this.ownText(b, r, 2),
      importKey: this.keys[b]!.toString('hex', r * KEY_BYTES, (r + 1) * KEY_BYTES),
    }
  }

  /** The i-th row's client, without making the row. */
  clientIdOf(i: number): number | null {
    return orNull(this.block(blockOf(i)).numbers.clientId[i % BLOCK_ROWS]!)
  }

  invoiceOf(i: number): string {
    return this.ownText(blockOf(i), i % BLOCK_ROWS, 2)
  }

  clientKeyOf(i: number): string {
    return this.distinct.clientKey[this.block(blockOf(i)).shared.clientKey[i % BLOCK_ROWS]!]!
  }
}

/** The rows read on this thread (previews and tests): a writer whose blocks go straight into `rows`. */
export function rowsOnThisThread(): { rows: ImportRows; writer: RowBlockWriter } {
  const rows = new ImportRows()
  return { rows, writer: new RowBlockWriter((block) => rows.add(block)) }
}
