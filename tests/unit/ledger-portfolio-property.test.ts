import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ledgerSums } from '../../electron/main/features/ledger/figures-query'
import { ENTRY_KINDS } from '../../electron/shared/ledger/words'
import { openTestApp, type TestApp } from '../support/temp-db'

let app: TestApp
const clients: number[] = []
beforeAll(async () => {
  app = await openTestApp()
  for (const name of ['A', 'B', 'C', 'D'])
    clients.push(((await app.call('clients:create', { name })) as { data: { id: number } }).data.id)
})
afterAll(async () => {
  await app.close()
})

const day = fc.integer({ min: 0, max: 800 }).map((n) => new Date(Date.UTC(2025, 0, 1 + n)).toISOString().slice(0, 10))
const entry = fc.record({
  client: fc.integer({ min: 0, max: 3 }),
  kind: fc.constantFrom(...ENTRY_KINDS),
  date: day,
  amount: fc.integer({ min: 1, max: 1_000_000 }),
  minutes: fc.integer({ min: 1, max: 600 }),
})

describe('portfolio figures from the monthly totals', () => {
  it('equal a plain GROUP BY over the entries, for random ledgers, edits and periods', async () => {
    const ds = app.db.dataSource
    await fc.assert(
      fc.asyncProperty(
        fc.array(entry, { maxLength: 40 }),
        fc.array(fc.tuple(fc.nat(), day), { maxLength: 5 }),
        fc.nat(),
        day,
        day,
        async (entries, moves, deletions, a, b) => {
          await ds.query('DELETE FROM ledger_entries')
          for (const e of entries) {
            await ds.query(
              "INSERT INTO ledger_entries (client_id, kind, entry_date, amount_minor, currency, minutes, created_at, updated_at) VALUES (?, ?, ?, ?, 'EUR', ?, '', '')",
              [clients[e.client], e.kind, e.date, e.amount, e.kind === 'time' ? e.minutes : null],
            )
          }
          // Edits and deletions go through the triggers too.
          for (const [n, date] of moves)
            await ds.query(
              'UPDATE ledger_entries SET entry_date = ?, amount_minor = amount_minor + 1 WHERE id = (SELECT id FROM ledger_entries ORDER BY id LIMIT 1 OFFSET ?)',
              [date, n % Math.max(1, entries.length)],
            )
          if (entries.length > 0)
            await ds.query(
              'DELETE FROM ledger_entries WHERE id = (SELECT id FROM ledger_entries ORDER BY id LIMIT 1 OFFSET ?)',
              [deletions % entries.length],
            )
          const [from, to] = a <= b ? [a, b] : [b, a]
          const sums = await ledgerSums(ds.manager, { from, to })
          const plain = (await ds.query(
            `SELECT client_id AS "clientId", kind, SUM(amount_minor) AS amount, SUM(COALESCE(minutes, 0)) AS minutes FROM ledger_entries WHERE entry_date BETWEEN ? AND ? GROUP BY client_id, kind`,
            [from, to],
          )) as Array<{ clientId: number; kind: (typeof ENTRY_KINDS)[number]; amount: number; minutes: number }>
          const expected = new Map<number, Record<string, number>>()
          for (const r of plain) {
            const s =
              expected.get(r.clientId) ?? Object.fromEntries([...ENTRY_KINDS.map((k) => [k, 0]), ['timeMinutes', 0]])
            s[r.kind] = (s[r.kind] ?? 0) + r.amount
            if (r.kind === 'time') s.timeMinutes = (s.timeMinutes ?? 0) + r.minutes
            expected.set(r.clientId, s)
          }
          for (const id of clients) {
            const got = sums.get(id)
            const want = expected.get(id)
            const pick = (s: Record<string, number> | undefined) =>
              Object.fromEntries([...ENTRY_KINDS, 'timeMinutes'].map((k) => [k, s?.[k] ?? 0]))
            expect(pick(got as unknown as Record<string, number> | undefined)).toEqual(pick(want))
          }
        },
      ),
      { numRuns: 60 },
    )
  })
})
