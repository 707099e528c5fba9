/**
 * A large import on SQLite sets the entries' secondary indexes aside and builds them again before
 * its commit (bulk-indexes.ts), and adds the month totals in one go (month-totals.ts). The same
 * imports, one after another, into two businesses alike, one always taking that path and one never:
 * every result and the whole ledger (entries, links, month totals, clients) come out the same, and
 * the indexes are back word for word. On PostgreSQL both take its one path: the results still match.
 */
import fs from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { untilCheckpointed } from '../../electron/main/db/checkpoint-thread'
import { LedgerImportService } from '../../electron/main/features/ledger-import/import-service'
import { BLOCK_ROWS } from '../../electron/main/features/ledger-import/row-store'
import type { ImportResult } from '../../electron/shared/ledger-import/models'
import { TEST_ENGINE } from '../support/temp-db'
import {
  fixture,
  importService,
  ledgerFingerprint,
  openImportApp,
  presetMapping,
  writeCsv,
  type ImportApp,
} from '../support/import-fixture'
import type { PresetId } from '../../electron/shared/ledger-import/presets'

const apps: ImportApp[] = []
afterEach(async () => {
  for (const a of apps.splice(0)) await a.close()
})

const serviceFor = (app: ImportApp, indexesAside: boolean) => importService(app, { indexesAside: () => indexesAside })

async function run(
  service: LedgerImportService,
  file: string,
  preset: PresetId,
  createClients = false,
): Promise<Omit<ImportResult, 'ms'>> {
  const chosen = await service.open(file)
  const { ms: _ms, ...result } = await service.run(
    chosen.token,
    presetMapping(preset, chosen.headers, { createClients }),
    'stop',
  )
  return result
}

/** New clients, each with invoices, payments naming them above and below, time and other kinds. */
function generatedCsv(dir: string): string {
  const lines = ['date,client,kind,description,amount,currency,minutes,worker,reference,invoice']
  for (let c = 1; c <= 12; c++) {
    const client = c % 4 === 0 ? 'Acme Ltd' : `New Client ${c}`
    for (let i = 1; i <= 25; i++) {
      const day = `2026-0${1 + (i % 9)}-${String(1 + ((i * 7 + c) % 28)).padStart(2, '0')}`
      const invoice = `INV-${c}-${Math.ceil(i / 5)}`
      const kind = ['invoice', 'payment', 'time', 'expense', 'payment'][i % 5]!
      const amount = kind === 'time' ? '' : `${(c * 13 + i * 7) % 900}.${String(i % 100).padStart(2, '0')}`
      const minutes = kind === 'time' ? String(15 * (1 + (i % 8))) : ''
      const worker = kind === 'time' && i % 2 === 0 ? 'Priya Shah' : ''
      const reference = kind === 'invoice' ? invoice : `R-${c}-${i}`
      const names = kind === 'payment' ? (i % 10 === 1 ? 'INV-nobody' : invoice) : ''
      lines.push(
        `${day},${client},${kind},"Entry ${i}, ${kind}",${amount},USD,${minutes},${worker},${reference},${names}`,
      )
    }
  }
  // A repeated row: imported once per occurrence, and a duplicate the next time.
  lines.push(lines[3]!, lines[3]!)
  return writeCsv(dir, 'generated.csv', `${lines.join('\n')}\n`)
}

/**
 * 30,000 rows of 40 new clients (invoices, payments naming them, time), in a scrambled order: many a
 * payment comes thousands of rows, several blocks, before the invoice it names.
 */
function scatteredCsv(dir: string): string {
  const rows: string[] = []
  for (let c = 1; c <= 40; c++)
    for (let i = 1; i <= 750; i++) {
      const kind = ['invoice', 'payment', 'time', 'payment'][i % 4]!
      const invoice = `INV-${c}-${Math.ceil(i / 4)}`
      const amount = kind === 'time' ? '' : `${(c * 13 + i * 7) % 900}.${String(i % 100).padStart(2, '0')}`
      const minutes = kind === 'time' ? '30' : ''
      const reference = kind === 'invoice' ? invoice : `R-${c}-${i}`
      rows.push(
        `2026-0${1 + (i % 9)}-1${i % 10},Client ${c},${kind},Entry ${i},${amount},USD,${minutes},,${reference},${kind === 'payment' ? invoice : ''}`,
      )
    }
  // A fixed scramble (7,919 is prime to 30,000): the same file every run.
  const scrambled = rows.map((_, n) => rows[(n * 7919) % rows.length]!)
  const line = new Map(scrambled.map((row, n) => [row.split(',')[8], n]))
  const farAbove = scrambled.filter((row, n) => {
    const [, , kind, , , , , , , invoice] = row.split(',')
    return kind === 'payment' && (line.get(invoice!) ?? 0) > n + 3 * BLOCK_ROWS
  })
  // The scramble does what it is for: many a payment lies three blocks or more above its invoice.
  if (farAbove.length < 1000) throw new Error(`only ${farAbove.length} payments far above their invoice`)
  return writeCsv(
    dir,
    'scattered.csv',
    `date,client,kind,description,amount,currency,minutes,worker,reference,invoice\n${scrambled.join('\n')}\n`,
  )
}

const indexSql = async (app: ImportApp) =>
  app.db.dataSource.query(
    "SELECT name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND tbl_name IN ('ledger_entries', 'ledger_month_totals') ORDER BY name",
  )

describe('a large import setting the indexes aside', () => {
  it('writes exactly what the row-by-row path writes, and puts every index back', async () => {
    const bulk = await openImportApp()
    apps.push(bulk)
    const plain = await openImportApp()
    apps.push(plain)
    const before = TEST_ENGINE === 'sqlite' ? await indexSql(bulk) : []
    const generated = generatedCsv(bulk.dir)
    const steps: Array<[string, PresetId, boolean?]> = [
      [fixture('generic.csv'), 'generic'],
      [fixture('invoice-ninja-payments.csv'), 'invoice-ninja-payments'],
      [fixture('invoice-ninja-invoices.csv'), 'invoice-ninja-invoices'],
      [fixture('invoice-ninja-payments.csv'), 'invoice-ninja-payments'],
      [fixture('generic-invoices-and-payments.csv'), 'generic'],
      [generated, 'generic', true],
      [generated, 'generic', true],
      [fixture('harvest-detailed-time.csv'), 'harvest-time'],
    ]
    const bulkService = serviceFor(bulk, true)
    const plainService = serviceFor(plain, false)
    let linked = 0
    for (const [file, preset, createClients] of steps) {
      const a = await run(bulkService, file, preset, createClients)
      const b = await run(plainService, file, preset, createClients)
      expect(a).toEqual(b)
      linked += a.paymentsLinked
      expect(await ledgerFingerprint(bulk)).toEqual(await ledgerFingerprint(plain))
    }
    // The steps did link payments, create clients and find duplicates: the comparison covered them.
    expect(linked).toBeGreaterThan(20)
    const end = await ledgerFingerprint(bulk)
    expect(end.clients).toBe(2 + 9)
    if (TEST_ENGINE === 'sqlite') {
      expect(await indexSql(bulk)).toEqual(before)
      expect(await bulk.db.dataSource.query('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }])
    }
  })

  it('writes a file of many blocks the same, payments linked to invoices many blocks further down', async () => {
    const bulk = await openImportApp()
    apps.push(bulk)
    const plain = await openImportApp()
    apps.push(plain)
    const file = scatteredCsv(bulk.dir)
    const a = await run(serviceFor(bulk, true), file, 'generic', true)
    if (TEST_ENGINE === 'sqlite') {
      // The commit left its checkpoint to a thread of its own (checkpoint-thread.ts): main copied
      // nothing, so only that thread can have put the rows into the database file.
      await untilCheckpointed(bulk.db.dataSource)
      expect(fs.statSync(bulk.ctx.databaseFile).size).toBeGreaterThan(30_000 * 100)
    }
    const b = await run(serviceFor(plain, false), file, 'generic', true)
    expect(a).toEqual(b)
    expect(a).toMatchObject({ status: 'imported', rowsRead: 30_000, badRowCount: 0 })
    // Most payments name an invoice: those above it waited for it, through every block between.
    expect(a.paymentsLinked).toBeGreaterThan(8_000)
    expect(await ledgerFingerprint(bulk)).toEqual(await ledgerFingerprint(plain))
    // Every payment is linked but those naming an invoice the file does not hold (one per client).
    expect(a.paymentsUnlinked).toBe(40)
    const unlinked = (await bulk.db.dataSource.query(
      "SELECT reference FROM ledger_entries WHERE kind = 'payment' AND invoice_id IS NULL ORDER BY reference",
    )) as Array<{ reference: string }>
    expect(unlinked.map((r) => r.reference)).toEqual(Array.from({ length: 40 }, (_, c) => `R-${c + 1}-749`).sort())
  })
})

// PostgreSQL never sets its indexes aside (dropping one would lock the shared ledger): nothing to decide.
describe.skipIf(TEST_ENGINE === 'postgres')('whether an import sets the indexes aside', () => {
  /** The number of rows the import expected when it decided, for a file of `rows` rows of `line(i)`. */
  async function expectedFor(rows: number, header: string, line: (i: number) => string): Promise<number> {
    const app = await openImportApp()
    apps.push(app)
    const asked: number[] = []
    const service = importService(app, {
      indexesAside: (expected) => {
        asked.push(expected)
        return false
      },
    })
    const body = Array.from({ length: rows }, (_, i) => line(i)).join('\n')
    const file = writeCsv(app.dir, 'estimate.csv', `${header}\n${body}\n`)
    const result = await run(service, file, 'generic')
    expect(result).toMatchObject({ status: 'imported', imported: rows })
    expect(asked).toHaveLength(1)
    return asked[0]!
  }

  // Decided at the first block, from how many rows the file holds: within a fifth either way, for
  // rows as short as a file may have and for longer ones.
  it.each([
    ['short rows', 'date,client,kind,amount', (i: number) => `2026-03-0${1 + (i % 9)},Acme Ltd,invoice,${i % 10}`],
    [
      'long rows',
      'date,client,kind,amount',
      (i: number) =>
        `2026-03-0${1 + (i % 9)},${i % 2 ? 'Acme Ltd' : 'Blue Finch Studio'},invoice,${(i * 37) % 100_000}.${String(i % 100).padStart(2, '0')}`,
    ],
    // Three bytes a character in UTF-8: counted as bytes, not characters.
    [
      'text of three bytes a character',
      'date,client,kind,description,amount',
      (i: number) => `2026-03-0${1 + (i % 9)},Acme Ltd,invoice,請求書 ${i} 印刷と配送の費用,${i % 10}`,
    ],
  ])('is decided on the rows the file holds (%s)', async (_name, header, line) => {
    const expected = await expectedFor(60_000, header, line)
    expect(expected).toBeGreaterThan(60_000 * 0.8)
    expect(expected).toBeLessThan(60_000 * 1.2)
  })
})
