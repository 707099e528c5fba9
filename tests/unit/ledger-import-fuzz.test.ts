/**
 * Fuzzed and truncated CSV files never leave partial data (issue 6): generated files, then mangled
 * (random bytes, cut at random offsets, quotes left open, cells dropped or added), are imported under
 * every policy. After each run the database is either exactly as before, or holds exactly the rows
 * the result reports on top of it, with the month totals still equal to a GROUP BY over the entries.
 * A failure forced in the middle of the write leaves it exactly as before.
 */
import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import Papa from 'papaparse'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Envelope } from '../../electron/shared/envelope'
import type { ImportResult } from '../../electron/shared/ledger-import/models'
import { failInsertsWhen } from '../support/failing-trigger'
import {
  chooseFile,
  ledgerFingerprint,
  openImportApp,
  presetMapping,
  writeCsv,
  type ImportApp,
} from '../support/import-fixture'

let app: ImportApp
beforeAll(async () => {
  app = await openImportApp()
})
afterAll(async () => {
  await app.close()
})

type Mutation =
  | { op: 'truncate'; at: number }
  | { op: 'bytes'; at: number; bytes: Uint8Array }
  | { op: 'quote'; at: number }
  | { op: 'delete'; at: number; length: number }

const HEADERS = [
  'date',
  'client',
  'kind',
  'description',
  'amount',
  'currency',
  'minutes',
  'worker',
  'rate',
  'reference',
]
const junk = fc.string({ maxLength: 12 })
/** Mostly good values, sometimes junk. */
const mostly = <T>(good: fc.Arbitrary<T>) => fc.oneof({ arbitrary: good, weight: 12 }, { arbitrary: junk, weight: 1 })
const row = fc.record({
  date: mostly(
    fc
      .date({ min: new Date('2020-01-01'), max: new Date('2027-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10)),
  ),
  client: mostly(fc.constantFrom('Acme Ltd', 'blue finch studio', 'Acme Ltd', 'New Client A', 'New Client B')),
  kind: mostly(
    fc.constantFrom('invoice', 'payment', 'time', 'material', 'expense', 'refund', 'discount', 'credit', 'gift'),
  ),
  description: fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.constantFrom('comma, inside', 'quote " inside', 'line\nbreak'),
  ),
  amount: mostly(fc.tuple(fc.nat(99_999), fc.nat(99)).map(([a, b]) => `${a}.${String(b).padStart(2, '0')}`)),
  currency: fc.constantFrom('USD', '', 'usd', 'USD', '', 'EUR'),
  minutes: mostly(fc.nat(600).map(String)),
  worker: fc.constantFrom('', 'Priya Shah', 'Tom Reyes'),
  rate: fc.constantFrom('', '45.00', '', 'x'),
  reference: fc.string({ maxLength: 8 }),
})

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('bytes' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }) }),
  fc.record({ op: fc.constant('quote' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.nat(40) }),
)

function mangle(text: string, mutations: Mutation[]): Buffer {
  let bytes = Buffer.from(text, 'utf8')
  for (const m of mutations) {
    const at = bytes.length === 0 ? 0 : m.at % (bytes.length + 1)
    if (m.op === 'truncate') bytes = bytes.subarray(0, at)
    else if (m.op === 'bytes') bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(m.bytes), bytes.subarray(at)])
    else if (m.op === 'quote') bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from('"'), bytes.subarray(at)])
    else bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + m.length)])
  }
  return bytes
}

const totalsMatchEntries = async () => {
  const ds = app.db.dataSource
  const totals = await ds.query(
    'SELECT client_id, month, kind, amount_minor, minutes, entries FROM ledger_month_totals WHERE entries <> 0 ORDER BY client_id, month, kind',
  )
  const grouped = await ds.query(
    'SELECT client_id, substr(entry_date, 1, 7) AS month, kind, sum(amount_minor) AS amount_minor, sum(COALESCE(minutes, 0)) AS minutes, count(*) AS entries FROM ledger_entries GROUP BY client_id, month, kind ORDER BY client_id, month, kind',
  )
  return JSON.stringify(totals) === JSON.stringify(grouped)
}

let runs = 0
let unchanged = 0
let imported = 0
let failures = 0

describe('fuzzed and truncated CSV files', () => {
  it('leave the ledger unchanged or fully imported, never partial', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { maxLength: 25 }),
        fc.oneof(fc.constant<Mutation[]>([]), fc.array(mutation, { minLength: 1, maxLength: 3 })),
        fc.constantFrom('stop' as const, 'skip' as const),
        fc.boolean(),
        fc.oneof({ arbitrary: fc.constant(undefined), weight: 4 }, { arbitrary: fc.nat(), weight: 1 }),
        async (rows, mutations, badRows, createClients, failAt) => {
          runs++
          const text = Papa.unparse({
            fields: HEADERS,
            data: rows.map((r) => HEADERS.map((h) => r[h as keyof typeof r])),
          })
          const file = path.join(app.dir, 'fuzz.csv')
          fs.writeFileSync(file, mangle(text, mutations))
          const before = await ledgerFingerprint(app)
          let chosen
          try {
            chosen = await chooseFile(app, file)
          } catch {
            // An empty file, or one whose header is gone, is refused before anything is read.
            expect(await ledgerFingerprint(app)).toEqual(before)
            unchanged++
            return
          }
          // Sometimes a failure strikes in the middle of the write: a trigger aborts on the n-th new entry.
          const failing = failAt !== undefined && rows.length > 0
          if (failing) failures++
          const unfail = failing
            ? await failInsertsWhen(
                app.db.dataSource,
                `(SELECT count(*) FROM ledger_entries) >= ${before.entries + (failAt % 5)}`,
              )
            : null
          let envelope: Envelope<ImportResult>
          try {
            const mapping = presetMapping('generic', chosen.headers, { createClients })
            envelope = (await app.call('ledger-import:run', {
              token: chosen.token,
              mapping,
              badRows,
            })) as Envelope<ImportResult>
          } finally {
            await unfail?.()
          }
          const after = await ledgerFingerprint(app)
          expect(await totalsMatchEntries()).toBe(true)
          if (!envelope.ok || envelope.data.status !== 'imported' || envelope.data.imported === 0) {
            if (envelope.ok)
              expect(envelope.data.clientsCreated.length === 0 || envelope.data.imported === 0).toBe(true)
            // Nothing imported: nothing at all changed, unless new clients were made for rows all already there.
            if (!envelope.ok || envelope.data.clientsCreated.length === 0) expect(after).toEqual(before)
            unchanged++
            return
          }
          const result = envelope.data
          expect(result.imported + result.duplicates).toBe(result.goodRows)
          expect(after.entries).toBe(before.entries + result.imported)
          expect(after.clients).toBe(before.clients + result.clientsCreated.length)
          if (badRows === 'stop') expect(result.badRowCount).toBe(0)
          imported++
        },
      ),
      { numRuns: 300, seed: Number(process.env.FUZZ_SEED ?? 20261122) },
    )
    console.log(
      `fuzzed imports: ${runs} files, ${imported} imported in full, ${unchanged} left the ledger unchanged, ${failures} with a failure forced during the write`,
    )
    expect(imported).toBeGreaterThan(0)
    expect(unchanged).toBeGreaterThan(0)
  }, 60_000)

  it('a failure in the middle of the write rolls every row back', async () => {
    const before = await ledgerFingerprint(app)
    const lines = ['date,client,kind,amount']
    for (let i = 0; i < 50; i++)
      lines.push(`2026-05-${String((i % 28) + 1).padStart(2, '0')},Acme Ltd,invoice,${i + 1}.00`)
    const chosen = await chooseFile(app, writeCsv(app.dir, 'fifty.csv', `${lines.join('\n')}\n`))
    const unfail = await failInsertsWhen(app.db.dataSource, 'NEW.amount_minor = 4000')
    try {
      const envelope = (await app.call('ledger-import:run', {
        token: chosen.token,
        mapping: presetMapping('generic', chosen.headers),
      })) as Envelope<ImportResult>
      expect(envelope).toMatchObject({ ok: false, error: { message: expect.stringContaining('Nothing was imported') } })
    } finally {
      await unfail()
    }
    expect(await ledgerFingerprint(app)).toEqual(before)
    // The 40th row was the one refused: without the failure all 50 go in.
    const retry = (await app.call('ledger-import:run', {
      token: chosen.token,
      mapping: presetMapping('generic', chosen.headers),
    })) as Envelope<ImportResult>
    expect(retry).toMatchObject({ ok: true, data: { imported: 50 } })
  })
})
