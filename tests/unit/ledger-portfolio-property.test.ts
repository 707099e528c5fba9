import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ledgerSums } from '../../electron/main/features/ledger/figures-query'
import { ENTRY_KINDS } from '../../electron/shared/ledger/words'
import { divRound } from '../../electron/shared/money'
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

const touchpoint = fc.record({
  client: fc.integer({ min: 0, max: 3 }),
  date: day,
  minutes: fc.integer({ min: 0, max: 600 }),
  rate: fc.integer({ min: 0, max: 20_000 }),
})

describe('portfolio figures from the monthly totals', () => {
  it('equal a plain GROUP BY over the entries and touchpoints, for random ledgers, edits and periods', async () => {
    const ds = app.db.dataSource
    await fc.assert(
      fc.asyncProperty(
        fc.array(entry, { maxLength: 40 }),
        fc.array(fc.tuple(fc.nat(), day), { maxLength: 5 }),
        fc.nat(),
        day,
        day,
        fc.array(touchpoint, { maxLength: 30 }),
        fc.array(fc.tuple(fc.nat(), day, fc.integer({ min: 0, max: 300 })), { maxLength: 5 }),
        async (entries, moves, deletions, a, b, touchpoints, touchpointEdits) => {
          await ds.query('DELETE FROM ledger_entries')
          await ds.query('DELETE FROM touchpoints')
          for (const t of touchpoints)
            await ds.query(
              "INSERT INTO touchpoints (client_id, kind, occurred_on, who, minutes, rate_minor, created_at) VALUES (?, 'call', ?, 'Ada', ?, ?, '')",
              [clients[t.client], t.date, t.minutes, t.rate],
            )
          // A touchpoint's day and minutes changed, then one removed, through the triggers too.
          for (const [n, date, minutes] of touchpointEdits)
            await ds.query(
              'UPDATE touchpoints SET occurred_on = ?, minutes = ? WHERE id = (SELECT id FROM touchpoints ORDER BY id LIMIT 1 OFFSET ?)',
              [date, minutes, n % Math.max(1, touchpoints.length)],
            )
          if (touchpoints.length > 0)
            await ds.query(
              'DELETE FROM touchpoints WHERE id = (SELECT id FROM touchpoints ORDER BY id LIMIT 1 OFFSET ?)',
              [deletions % touchpoints.length],
            )
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
          // Complaint handling: each client's minutes, and their exact cost rounded once.
          const handled = (await ds.query(
            `SELECT client_id AS "clientId", SUM(minutes) AS minutes, SUM(minutes * rate_minor) AS "minuteRates" FROM touchpoints WHERE occurred_on BETWEEN ? AND ? AND minutes > 0 GROUP BY client_id`,
            [from, to],
          )) as Array<{ clientId: number; minutes: number; minuteRates: number }>
          for (const id of clients) {
            const want = handled.find((r) => Number(r.clientId) === id)
            const got = sums.get(id)
            expect([got?.touchpointMinutes ?? 0, got?.touchpointCost ?? 0]).toEqual([
              Number(want?.minutes ?? 0),
              divRound(Number(want?.minuteRates ?? 0), 60),
            ])
          }
        },
      ),
      { numRuns: 60 },
    )
  })
})
