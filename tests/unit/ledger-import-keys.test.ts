/**
 * The import keys a row reader gives (row-reader.ts): the SHA-256 of the preset, the entry as read
 * and its occurrence among identical rows. Files imported earlier are skipped by these keys, so
 * they are pinned byte for byte here, for rows of every shape: accents, emoji and other scripts,
 * spaces to collapse, time by minutes and by hours (staff, someone else, the owner, a rate in the
 * file), payments naming an invoice (not in the key), turnarounds, amounts as locales write them,
 * new clients, long texts, and the same row again and again (occurrences 1 to 12).
 */
import { describe, expect, it } from 'vitest'
import type { ImportLookups } from '../../electron/main/features/ledger-import/lookup-data'
import { RowReader, type ImportRow } from '../../electron/main/features/ledger-import/row-reader'
import { rowsOnThisThread } from '../../electron/main/features/ledger-import/row-store'
import type { ImportMappingData } from '../../electron/shared/ledger-import/schemas'
import { TARGET_FIELDS } from '../../electron/shared/ledger-import/fields'

/** A column for every field, named as the field it fills. */
const HEADERS = [...TARGET_FIELDS]

const MAPPING: ImportMappingData = {
  source: 'generic',
  fields: Object.fromEntries(HEADERS.map((h) => [h, [h]])),
  kind: null,
  dateFormat: 'DD/MM/YYYY',
  createClients: true,
}

function lookups(): ImportLookups {
  return {
    currency: 'USD',
    locale: 'de-DE',
    hourlyWorthMinor: 9000,
    ownerName: 'Maya Okafor',
    clients: new Map([
      ['bench client 0001', 1],
      ['cafe zoe', 2],
      ['ærøskøbing ønsker', 3],
    ]),
    staff: new Map([['priya shah', { id: 1, name: 'Priya Shah', rateMinor: 6000 }]]),
    turnarounds: new Map([[12, 2]]),
    openTurnarounds: new Map([[1, 7]]),
  }
}

type Cells = Partial<Record<(typeof HEADERS)[number], string>>
const cells = (row: Cells) => HEADERS.map((h) => row[h as keyof Cells] ?? '')

const SAME: Cells = { date: '2026-01-01', client: 'Bench Client 0001', kind: 'invoice', amount: '10.00' }

const ROWS: Cells[] = [
  { date: '2026-03-08', client: 'Bench Client 0001', kind: 'invoice', description: 'Row 0', amount: '4450.55' },
  {
    date: '8/3/2026',
    client: '  Café   Zoë ',
    kind: 'Material',
    description: 'Tiles, “grey” & grout',
    amount: '1,234.50',
  },
  {
    date: '2026-3-8',
    client: 'Cafe\u0301 Zoe\u0308',
    kind: 'expense',
    description: 'emoji 😀, 中文, ü',
    amount: '1.234,50',
  },
  { date: '2026-03-09', client: 'Ærøskøbing Ønsker', kind: 'time', minutes: '90', worker: 'priya  SHAH' },
  { date: '2026-03-09', client: 'Ærøskøbing Ønsker', kind: 'time', hours: '1:30', worker: 'José Núñez', rate: '85' },
  { date: '2026-03-10', client: 'Bench Client 0001', kind: 'time', hours: '2,25', turnaround: 'yes' },
  { date: '2026-03-10', client: 'Café Zoë', kind: 'payment', amount: '99', reference: '0031', invoice: 'INV-7' },
  { date: '2026-03-11', client: 'Café Zoë', kind: 'refund', amount: '$12.34', currency: 'usd', turnaround: '#12' },
  { date: '2026-03-12', client: 'New Client 🚀', kind: 'gift', description: 'multi\nline "quoted"', amount: '0.5' },
  { date: '2026-03-12', client: 'Новый клиент', kind: 'credit', description: 'é'.repeat(10_000), amount: '45.' },
  { date: '2026-03-13', client: 'Bench Client 0001', kind: 'discount', description: '\uFFFD replaced', amount: '7' },
  { date: '2026-03-14', client: 'Bench Client 0001', kind: 'time', minutes: '100000', rate: '0.01', reference: 'R-1' },
  ...Array.from({ length: 12 }, () => SAME),
]

describe('import keys', () => {
  it('are the SHA-256 of the preset, the entry as read and its occurrence, unchanged', () => {
    const reader = new RowReader(HEADERS, MAPPING, lookups())
    const keys = ROWS.map((row, i) => {
      const { row: read, problem } = reader.read({ line: i + 2, cells: cells(row), problem: null })
      expect(problem).toBeNull()
      return Buffer.from(read!.importKey, 'latin1').toString('hex')
    })
    expect(keys).toEqual(PINNED)
  })
})

/** Pinned from the reader before the work it does per row was cut down. */
describe('the two ways a reader reads', () => {
  it('keep the same rows and give the same reasons, and read() hands out rows of their own', () => {
    const records = [...ROWS, { date: 'someday', client: 'X', kind: 'invoice', amount: '1' }, { client: 'X' }].map(
      (row, i) => ({ line: i + 2, cells: cells(row), problem: null }),
    )
    const { rows: byRead, writer: readWriter } = rowsOnThisThread()
    const readRows: ImportRow[] = []
    const readProblems: Array<string | null> = []
    const reader = new RowReader(HEADERS, MAPPING, lookups())
    for (const record of records) {
      const { row, problem } = reader.read(record)
      if (row) {
        readWriter.push(row)
        readRows.push(row)
      }
      readProblems.push(problem)
    }
    readWriter.end()
    const { rows: byAddTo, writer: addWriter } = rowsOnThisThread()
    const other = new RowReader(HEADERS, MAPPING, lookups())
    const addProblems = records.map((record) => other.addTo(addWriter, record))
    addWriter.end()
    expect(addProblems).toEqual(readProblems)
    expect(readProblems.slice(-2)).toEqual([expect.stringMatching(/^Bad date/), 'No date.'])
    expect(byAddTo.length).toBe(byRead.length)
    for (let i = 0; i < byRead.length; i++) expect(byAddTo.row(i)).toEqual(byRead.row(i))
    // Each row read() gave is still the one it gave, though more were read after it.
    expect(new Set(readRows).size).toBe(readRows.length)
    expect(readRows.map((r) => r.line)).toEqual(records.slice(0, ROWS.length).map((r) => r.line))
  })
})

const PINNED = [
  '50c0c914c4a284eb78c191b59a5e9b9107dce05718f9a162a770a24a2f337e65',
  '90af03066ebf9b8b5cd09f4794bdc657a49319228a1913479b209c208e2969a4',
  '822bd11008564e30a5dc15d5d7a8152ec80fe9c6dea19549e81a2de9fcb24bd4',
  'b8820a43c998e18917bdfb63288206e573f6fd311214524599d2e7f89c9c9557',
  '35619a9d872c72297d57e54b7b56a9f886682be876616f970f3f1cd29b0e9438',
  '1ceb448f7c504260769cd4cc6539c2a91a816507146de216dc5ef49584b9d0bb',
  'e47e7a9566a3902cd34731bd874ad190881227c5cf346f4af3aa5667a7622076',
  '460eca8f530dc47f8bbf8d0c2819e4c110ada1d3636051afb5c32ba7b95de2c6',
  'b39216d7a8776db0f1f86891d9f477eefe7216bf1346da65fa362027d1659c43',
  'b3d9661572261e245e74753ee905c415286411ce55e464458e3b96f02cd73ca5',
  '370d71452fde57f32890a7201bb2a5c0d3b533e45dfccb9b3b3ae2a89613f397',
  '612e15150d20477e93a0a75d540ad4c0b507ff093519de66b1248e93c8ad750c',
  'c3d094b78cca28bc4049c514fd80d1bdb9cbdaf6cee6233ece1d15ae5da3d5ef',
  'da2b796d49b9f89361b96f4696dfbf8b6faa6936e55dcb3b48087ffbbe515543',
  '97939da9c3a3bb51c2b5e213c3507725af1a493813059a392cd9db25bbabb4db',
  '48f3ff6564e8ccfb5aef0317563df69b30ffffa57d3842d24956854ba364267c',
  '8ac3996d3a9a2a9fc0275eb5b3d9838bcadb9528c6d6ec47f3f4b5c5da9672fb',
  '09c9025c817e3b80af60e52629d89c2967ba9a07ce1b01341f0e81d30532aab8',
  '1464e8d09646da7785c2c6ef58e55c8daf8376006bb8ed124d99707c49f0f316',
  '3183f2cfce4c0cd45cefd4eb5b2cae05e0899474f6662b0d59abbaba11d5be2f',
  '93aeba041bc88760f5a60d2e0b6a433e5f51bdef1bdc67c6ff731f6aa7fb0fe4',
  '478b387b243a4b92d594bd0931293d6357d09fd8af38eba99e78a07cd5aaed56',
  '3ebf37bcd5d3d160e8c3ce3a329525b9ee1a58f1de98ae47eded15c69b94aa4d',
  'f8304bafcf7a22c68a366eff55f68d761d20a9f393dc3629a9f40c23ad9da8e4',
]
