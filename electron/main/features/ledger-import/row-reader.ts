/**
 * Reads one CSV record as a ledger entry under a column mapping, or says in plain words why it
 * cannot: the first problem found is the reason.
 */
import { hash } from 'node:crypto'
import { MAX_AMOUNT_MINOR, MAX_MINUTES, costOfMinutes, formatMoney, minorDigits, timeRate } from '../../../shared/money'
import { ENTRY_KINDS, type EntryKind } from '../../../shared/ledger/words'
import { FIELD_JOINER, TARGET_FIELDS, type TargetField } from '../../../shared/ledger-import/fields'
import {
  parseAmount,
  parseCurrency,
  parseDate,
  parseHours,
  parseKind,
  parseMinutes,
} from '../../../shared/ledger-import/parse'
import type { ImportMappingData } from '../../../shared/ledger-import/schemas'
import type { RateSource } from '../../../shared/ledger-import/models'
import { searchKey } from '../../../shared/text'
import type { CsvRecord } from './csv-stream'
import { clientKey, type ImportLookups } from './lookup-data'
import { OccurrenceCounter } from './occurrences'

/** One readable row, kept compactly until it is written. */
export interface ImportRow {
  line: number
  date: string
  clientKey: string
  clientName: string
  /** Null: no client has this name yet. */
  clientId: number | null
  kind: EntryKind
  description: string
  amountMinor: number
  minutes: number | null
  rateMinor: number | null
  rateFrom: RateSource | null
  staffId: number | null
  worker: string
  reference: string
  turnaroundId: number | null
  /** For a payment: the number of the invoice it pays ('' when none is named); linked when written. */
  invoice: string
  /**
   * The SHA-256 of the row's content and occurrence, its 32 bytes as a latin1 string (hex when
   * written): a string, not a buffer of its own, which a row would allocate outside the heap.
   */
  importKey: string
}

const YES = new Set(['yes', 'y', 'true', 'x', 'open'])
const NO = new Set(['', 'no', 'n', 'false', '-'])

/**
 * What a turnaround column says: none, the client's open turnaround ("yes", "true"), a turnaround's
 * number as the app shows it ("12", "#12"), or something it cannot read.
 */
export function turnaroundTag(text: string): null | 'open' | number | 'bad' {
  const t = text.trim().toLowerCase()
  if (NO.has(t)) return null
  if (YES.has(t)) return 'open'
  const n = /^#?\s*(\d{1,9})$/.exec(t)
  return n ? Number(n[1]) : 'bad'
}

export type ReadOutcome = { row: ImportRow; problem: null } | { row: null; problem: string }

const problem = (text: string): ReadOutcome => ({ row: null, problem: text })
const quote = (text: string) => `“${text.length > 40 ? `${text.slice(0, 40)}…` : text}”`
const LIMITS = { description: 10_000, worker: 120, reference: 120, invoice: 120, client: 160 }
const KINDS_TEXT = ENTRY_KINDS.join(', ')
/**
 * An amount of digits with at most a dot before its decimals ("1234.50", "45."), as most exports write
 * it, in minor units with `decimals` of them; null when the text is not one, has more decimals, or is
 * not a safe integer. Read a character at a time, as Number() would read the digits with the decimals
 * padded: every step is exact below 2^53, and a figure past it stays past it.
 */
function plainMinor(text: string, decimals: number): number | null {
  const n = text.length
  let minor = 0
  let i = 0
  for (; i < n; i++) {
    const c = text.charCodeAt(i) - 0x30
    if (c < 0 || c > 9) break
    minor = minor * 10 + c
  }
  if (i === 0) return null
  let fraction = 0
  if (i < n) {
    if (text.charCodeAt(i) !== 0x2e) return null
    for (i++; i < n; i++) {
      const c = text.charCodeAt(i) - 0x30
      if (c < 0 || c > 9 || ++fraction > decimals) return null
      minor = minor * 10 + c
    }
  }
  for (; fraction < decimals; fraction++) minor *= 10
  return Number.isSafeInteger(minor) ? minor : null
}
/** Between the fields of an import key's content. */
const KEY_JOINER = '\u001f'
/** The most distinct texts each per-file cache below keeps. */
const CACHED = 100_000

/** `read(text)` once per distinct text (a file's kinds and currencies are a handful, written again and again). */
function cached<T>(cache: Map<string, T>, text: string, read: (text: string) => T): T {
  let value = cache.get(text)
  if (value === undefined && !cache.has(text)) {
    value = read(text)
    if (cache.size < CACHED) cache.set(text, value)
  }
  return value as T
}

/** A client cell as read: its name as kept, its folded key, and its client (null: none has this name yet). */
interface ClientCell {
  name: string
  key: string
  id: number | null
}
const NO_CLIENT: ClientCell = { name: '', key: '', id: null }

/** Each field's place in TARGET_FIELDS. */
const F = Object.fromEntries(TARGET_FIELDS.map((field, i) => [field, i])) as Record<TargetField, number>
const NONE = -1
const JOINED = -2

export class RowReader {
  /** Each field's column, by its place in TARGET_FIELDS: NONE, or JOINED for several columns (`joined`). */
  private readonly at: Int32Array
  private readonly joined: number[][]
  private readonly width: number
  /**
   * How many times each row content has been seen in this file, by the first 48 bits of the content's
   * hash (a rare clash only renumbers an occurrence: every key still hashes the full content).
   */
  private readonly seen = new OccurrenceCounter()
  /** The row check() reads into, and the outcome that says so. */
  private readonly row: ImportRow = {
    line: 0,
    date: '',
    clientKey: '',
    clientName: '',
    clientId: null,
    kind: 'invoice',
    description: '',
    amountMinor: 0,
    minutes: null,
    rateMinor: null,
    rateFrom: null,
    staffId: null,
    worker: '',
    reference: '',
    turnaroundId: null,
    invoice: '',
    importKey: '',
  }
  private readonly rowRead: ReadOutcome = { row: this.row, problem: null }
  /** A row's import key content, field by field (see check()). */
  private readonly keyParts = new Array<string | number | null>(13).fill('')
  /**
   * What each distinct client text says (its name, folded key and client), read once: a row then
   * costs one lookup of its client's text, not an interning, a folding and a lookup of the key.
   */
  private readonly clientCells = new Map<string, ClientCell>()
  /** Folded worker names, computed once per distinct name. */
  private readonly workerKeys = new Map<string, string>()
  private readonly values: Partial<Record<TargetField, string>> = {}
  /** Dates as written → as read (null: unreadable), once per distinct text. */
  private readonly dates = new Map<string, string | null>()
  /** One string per distinct value: 200,000 rows often hold a few thousand dates, clients and workers. */
  private readonly interned = new Map<string, string>()
  private readonly kinds = new Map<string, EntryKind | null>()
  private readonly currencies = new Map<string, string | null>()
  /** The books' currency's decimals. */
  private readonly digits: number

  constructor(
    headers: readonly string[],
    private readonly mapping: ImportMappingData,
    private readonly lookups: ImportLookups,
  ) {
    this.width = headers.length
    this.digits = minorDigits(lookups.currency)
    this.joined = TARGET_FIELDS.map((field) =>
      (mapping.fields[field] ?? []).map((n) => headers.indexOf(n)).filter((i) => i >= 0),
    )
    this.at = Int32Array.from(this.joined, (indices) =>
      indices.length === 0 ? NONE : indices.length === 1 ? indices[0]! : JOINED,
    )
  }

  /** Told how many rows the file is expected to hold, once that is known: room for their keys at once. */
  expect(rows: number): void {
    this.seen.reserve(rows)
  }

  /** A field's text in a record (its columns' texts joined), trimmed; undefined when no column is mapped to it. */
  private cell(cells: readonly string[], f: number): string | undefined {
    const at = this.at[f]!
    if (at >= 0) return cells[at]!.trim()
    if (at === NONE) return undefined
    return this.joined[f]!.map((i) => cells[i]!.trim())
      .filter((s) => s !== '')
      .join(FIELD_JOINER[TARGET_FIELDS[f]!] ?? ' ')
  }

  private fold(text: string, how: (t: string) => string, cache: Map<string, string>): string {
    let folded = cache.get(text)
    if (folded === undefined) {
      folded = how(text)
      if (cache.size < 50_000) cache.set(text, folded)
    }
    return folded
  }

  /**
   * An amount as exports write it ("1,234.50"), else as the business's locale does ("1.234,50",
   * "12,34"). Never ambiguous for a currency of 0 or 2 decimals: what English reads, the comma
   * locales refuse, and the other way round.
   */
  private amount(text: string): number | null {
    // The plain form first, read as parseAmount reads it in English (no sign, mark or separator to weigh).
    const plain = plainMinor(text, this.digits)
    if (plain !== null) return plain
    const { currency, locale } = this.lookups
    return parseAmount(text, currency) ?? (locale ? parseAmount(text, currency, locale) : null)
  }

  /** The most one amount holds, in the books' currency. */
  private most(): string {
    return formatMoney(MAX_AMOUNT_MINOR, this.lookups.currency, 'en')
  }

  private intern(text: string): string {
    const known = this.interned.get(text)
    if (known !== undefined) return known
    if (this.interned.size >= 100_000) return text
    // A copy of its own: a cell is a slice of the parser's chunk of the file, which it would keep alive.
    const own = structuredClone(text)
    this.interned.set(own, own)
    return own
  }

  /** A client cell's name (spaces collapsed, interned), its folded key and its client, once per distinct text. */
  private client(text: string): ClientCell {
    const known = this.clientCells.get(text)
    if (known !== undefined) return known
    const name = this.intern(/\s\s|[^\S ]/.test(text) ? text.replace(/\s+/g, ' ') : text)
    const key = name ? clientKey(name) : ''
    const cell: ClientCell = { name, key, id: this.lookups.clients.get(key) ?? null }
    // The interned name is a copy of its own; the text as written, when it differs, is copied too.
    if (this.clientCells.size < CACHED) this.clientCells.set(name === text ? name : structuredClone(text), cell)
    return cell
  }

  /** A record as a row of its own, or the reason it cannot be read. */
  read(record: CsvRecord): ReadOutcome {
    const outcome = this.check(record)
    return outcome.row ? { row: { ...outcome.row }, problem: null } : outcome
  }

  /**
   * A record's row added to `rows`, or the reason it cannot be read: for an import's hundreds of
   * thousands of rows, no object is made for a row that is read (its fields are copied straight into
   * the rows kept, row-store.ts).
   */
  addTo(rows: { push(row: ImportRow): void }, record: CsvRecord): string | null {
    const outcome = this.check(record)
    if (outcome.row) rows.push(outcome.row)
    return outcome.problem
  }

  /** The row read into this.row (the outcome this.rowRead), or the reason it cannot be read. */
  private check(record: CsvRecord): ReadOutcome {
    if (record.problem) return problem(record.problem)
    if (record.cells.length !== this.width)
      return problem(
        `Has ${record.cells.length} ${record.cells.length === 1 ? 'column' : 'columns'} where the header has ${this.width}.`,
      )
    // The same object for every row (its mapped fields are all overwritten): less for the GC to do.
    const v = this.values
    const cells = record.cells
    // Field by field (a store to a property named in the code, not one chosen at run time, 13 per row).
    v.date = this.cell(cells, F.date)
    v.client = this.cell(cells, F.client)
    v.kind = this.cell(cells, F.kind)
    v.description = this.cell(cells, F.description)
    v.amount = this.cell(cells, F.amount)
    v.currency = this.cell(cells, F.currency)
    v.minutes = this.cell(cells, F.minutes)
    v.hours = this.cell(cells, F.hours)
    v.worker = this.cell(cells, F.worker)
    v.rate = this.cell(cells, F.rate)
    v.reference = this.cell(cells, F.reference)
    v.turnaround = this.cell(cells, F.turnaround)
    v.invoice = this.cell(cells, F.invoice)
    const { lookups, mapping } = this

    if (!v.date) return problem('No date.')
    let date = this.dates.get(v.date)
    if (date === undefined) {
      date = parseDate(v.date, mapping.dateFormat)
      if (this.dates.size < 100_000) this.dates.set(v.date, date)
    }
    if (!date)
      return problem(
        `Bad date ${quote(v.date)}: use ${mapping.dateFormat === 'YYYY-MM-DD' ? 'a date like 2026-03-31' : `${mapping.dateFormat}, or 2026-03-31`}.`,
      )

    const client = v.client ? this.client(v.client) : NO_CLIENT
    const clientName = client.name
    if (!clientName) return problem('No client.')
    if (clientName.length > LIMITS.client)
      return problem(`The client’s name is longer than ${LIMITS.client} characters.`)

    let kind: EntryKind | null = mapping.kind
    if (v.kind) kind = cached(this.kinds, v.kind, parseKind)
    if (!kind) return problem(v.kind ? `Unknown kind ${quote(v.kind)}: use one of ${KINDS_TEXT}.` : 'No kind.')

    if (v.currency) {
      const code = cached(this.currencies, v.currency, parseCurrency)
      if (!code) return problem(`Unknown currency ${quote(v.currency)}.`)
      if (code !== lookups.currency)
        return problem(
          `In ${code}, but your books are kept in ${lookups.currency}: only ${lookups.currency} entries can be imported.`,
        )
    }

    let minutes: number | null = null
    let rateMinor: number | null = null
    let rateFrom: RateSource | null = null
    let staffId: number | null = null
    let worker = v.worker ?? ''
    let amountMinor: number
    if (kind === 'time') {
      if (v.minutes) {
        minutes = parseMinutes(v.minutes)
        if (minutes === null) return problem(`Bad minutes ${quote(v.minutes)}: use whole minutes such as 90.`)
      } else if (v.hours) {
        minutes = parseHours(v.hours)
        if (minutes === null) return problem(`Bad hours ${quote(v.hours)}: use hours such as 1.5 or 1:30.`)
      } else return problem('No minutes or hours for time.')
      if (minutes > MAX_MINUTES)
        return problem(
          `${minutes.toLocaleString('en')} minutes is more than one entry can hold (${MAX_MINUTES.toLocaleString('en')}): split the time.`,
        )
      const staff = worker ? lookups.staff.get(this.fold(worker, searchKey, this.workerKeys)) : undefined
      if (staff) {
        staffId = staff.id
        worker = staff.name
      }
      if (!worker) worker = lookups.ownerName
      if (v.rate) {
        rateMinor = this.amount(v.rate)
        if (rateMinor === null) return problem(`Bad rate ${quote(v.rate)}: use an hourly rate such as 85.00.`)
        if (rateMinor > MAX_AMOUNT_MINOR)
          return problem(`The rate ${quote(v.rate)} is more than one rate can hold (${this.most()}).`)
        rateFrom = 'file'
      } else {
        rateMinor = timeRate(null, staff?.rateMinor, lookups.hourlyWorthMinor)
        rateFrom = staff ? 'staff' : 'owner'
      }
      amountMinor = costOfMinutes(minutes, rateMinor)
      if (amountMinor > MAX_AMOUNT_MINOR)
        return problem(`At this rate, the time costs more than one entry can hold (${this.most()}): split the time.`)
    } else {
      if (!v.amount) return problem('No amount.')
      const amount = this.amount(v.amount)
      if (amount === null) return problem(`Bad amount ${quote(v.amount)}: use a positive amount such as 1234.50.`)
      if (amount > MAX_AMOUNT_MINOR)
        return problem(`The amount ${quote(v.amount)} is more than one entry can hold (${this.most()}).`)
      amountMinor = amount
      worker = ''
    }
    if (worker.length > LIMITS.worker) return problem(`Who worked is longer than ${LIMITS.worker} characters.`)
    const reference = v.reference ?? ''
    if (reference.length > LIMITS.reference)
      return problem(`The reference is longer than ${LIMITS.reference} characters.`)
    // Only a payment settles an invoice; on other kinds the column is ignored.
    const invoice = kind === 'payment' ? (v.invoice ?? '') : ''
    if (invoice.length > LIMITS.invoice)
      return problem(`The invoice number is longer than ${LIMITS.invoice} characters.`)
    const description = v.description ?? ''
    if (description.length > LIMITS.description)
      return problem(`The description is longer than ${LIMITS.description.toLocaleString('en')} characters.`)

    const key = client.key
    const clientId = client.id
    if (clientId === null && !mapping.createClients)
      return problem(`No client named ${quote(clientName)}. Choose “Create clients not found” to add them.`)

    let turnaroundId: number | null = null
    const tag = turnaroundTag(v.turnaround ?? '')
    if (tag === 'open') {
      turnaroundId = clientId === null ? null : (lookups.openTurnarounds.get(clientId) ?? null)
      if (turnaroundId === null)
        return problem(`${clientName} has no open turnaround to tag this entry to (${quote(v.turnaround ?? '')}).`)
    } else if (
      tag === 'bad' ||
      (typeof tag === 'number' && (clientId === null || lookups.turnarounds.get(tag) !== clientId))
    )
      return problem(
        `${clientName} has no turnaround number ${quote(v.turnaround ?? '')}: use the number shown on the turnaround (such as 12 or #12), or “yes” for the client’s open turnaround.`,
      )
    else if (typeof tag === 'number') turnaroundId = tag

    // import_key = SHA-256 of the preset, the entry as read and its occurrence among identical rows.
    // The invoice a payment names is left out on purpose: keys stay what they were before payments
    // were linked, so files imported earlier (Invoice Ninja's payments name their invoice in the
    // description, which is in the key) still deduplicate.
    // The fields joined by U+001F (a null number as ''), the occurrence last: in one array used again
    // and again, joined into one flat string (a template literal made a chain of twenty-odd pieces per row).
    const parts = this.keyParts
    parts[0] = mapping.source
    parts[1] = kind
    parts[2] = date
    parts[3] = key
    parts[4] = amountMinor
    parts[5] = lookups.currency
    parts[6] = minutes
    parts[7] = rateMinor
    parts[8] = worker ? this.fold(worker, searchKey, this.workerKeys) : ''
    parts[9] = reference
    parts[10] = description
    parts[11] = turnaroundId
    parts[12] = 1
    const first = hash('sha256', parts.join(KEY_JOINER), 'binary')
    // The first occurrence's hash identifies the content; a second hash is needed only for repeats.
    const short =
      first.charCodeAt(0) * 2 ** 40 +
      first.charCodeAt(1) * 2 ** 32 +
      first.charCodeAt(2) * 2 ** 24 +
      first.charCodeAt(3) * 2 ** 16 +
      first.charCodeAt(4) * 2 ** 8 +
      first.charCodeAt(5)
    const occurrence = this.seen.add(short)
    parts[12] = occurrence
    const importKey = occurrence === 1 ? first : hash('sha256', parts.join(KEY_JOINER), 'binary')

    // Into the one row object this reader fills again and again (read() hands out a copy).
    const row = this.row
    row.line = record.line
    row.date = date
    row.clientKey = key
    row.clientName = clientName
    row.clientId = clientId
    row.kind = kind
    row.description = description
    row.amountMinor = amountMinor
    row.minutes = minutes
    row.rateMinor = rateMinor
    row.rateFrom = rateFrom
    row.staffId = staffId
    row.worker = worker ? this.intern(worker) : ''
    row.reference = reference
    row.turnaroundId = turnaroundId
    row.invoice = invoice
    row.importKey = importKey
    return this.rowRead
  }
}
