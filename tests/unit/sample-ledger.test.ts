import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ClientPage } from '../../electron/shared/models'
import type { DecisionPanel, PortfolioFigures, StaffMember } from '../../electron/shared/ledger/models'
import { call as callChannel } from '../support/dispatch'
import { openTestApp, type TestApp } from '../support/temp-db'

const NOW = new Date(2026, 10, 22, 9, 30)
let app: TestApp
beforeEach(async () => {
  app = await openTestApp(undefined, () => NOW)
})
afterEach(async () => {
  await app.close()
})
const call = <T>(channel: string, input?: unknown): Promise<T> => callChannel<T>(app, channel, input)
const count = async (sql: string) => Number((await app.db.dataSource.query(sql))[0].n)

describe('the sample ledger', () => {
  it('gives every client two years of entries, a whale curve, a turnaround that costs more than it is worth, and goes with the sample', async () => {
    await call('sample:load')
    expect((await call<StaffMember[]>('staff:list')).map((s) => s.name)).toEqual(['Jess', 'Sam', 'Tom'])
    const clients = await call<ClientPage>('clients:list', { limit: 100 })
    const withEntries = await count('SELECT COUNT(DISTINCT client_id) AS n FROM ledger_entries')
    expect(withEntries).toBe(clients.total)
    expect(
      await count(
        "SELECT COUNT(*) AS n FROM ledger_entries WHERE entry_date < '2024-11-01' OR entry_date > '2026-11-22'",
      ),
    ).toBe(0)
    expect(await count('SELECT COUNT(*) AS n FROM ledger_entries WHERE is_sample = false')).toBe(0)
    // The staff are there before the turnarounds, so their touchpoints carry the staff's rates; the owner's carry her hourly worth.
    const rates = (await app.db.dataSource.query(
      'SELECT who, MIN(rate_minor) AS low, MAX(rate_minor) AS high FROM touchpoints GROUP BY who ORDER BY who',
    )) as Array<{ who: string; low: number; high: number }>
    expect(rates.filter((r) => ['Jess', 'Sam', 'Tom'].includes(r.who))).toEqual([
      { who: 'Jess', low: 2800, high: 2800 },
      { who: 'Sam', low: 2400, high: 2400 },
      { who: 'Tom', low: 3200, high: 3200 },
    ])
    expect(
      rates.filter((r) => !['Jess', 'Sam', 'Tom'].includes(r.who)).every((r) => r.low === 8500 && r.high === 8500),
    ).toBe(true)

    // The whale curve: the best few clients earn more than the whole portfolio; the tail gives it back.
    const p = await call<PortfolioFigures>('ledger:portfolio', { period: { preset: 'ttm' } })
    const top5 = p.clients.slice(0, 5).reduce((a, c) => a + c.figures.marginMinor, 0)
    expect(top5).toBeGreaterThan(p.totals.marginMinor)
    expect(p.clients.filter((c) => c.figures.marginMinor < 0).length).toBeGreaterThanOrEqual(5)
    let running = 0
    const peak = Math.max(...p.clients.map((c) => (running += c.figures.marginMinor)))
    expect(peak * 10).toBeGreaterThan(p.totals.marginMinor * 13) // the peak is at least 130% of the total

    // Acme & Sons: the turnaround has cost more than the relationship is worth.
    const acme = clients.rows.find((c) => c.name === 'Acme & Sons')
    const panel = await call<DecisionPanel>('decisions:get-panel', { clientId: acme?.id })
    expect(panel.figures.spentMinor).toBeGreaterThan(panel.figures.worthMinor)
    expect(panel.result.recommendation).toBe('cut_ties')

    await call('sample:remove')
    expect(await count('SELECT COUNT(*) AS n FROM ledger_entries')).toBe(0)
    expect(await count('SELECT COUNT(*) AS n FROM ledger_month_totals WHERE entries <> 0')).toBe(0)
    expect(await count('SELECT COUNT(*) AS n FROM staff')).toBe(0)
  })

  it('goes even when the owner added entries of their own to a sample client', async () => {
    await call('sample:load')
    const acme = (await app.db.dataSource.query('SELECT id FROM clients WHERE is_sample = true ORDER BY id LIMIT 1'))[0]
      .id as number
    const currency = (await app.db.dataSource.query('SELECT currency FROM business_profile'))[0].currency as string
    await call('ledger:save', {
      clientId: acme,
      entry: { kind: 'invoice', entryDate: '2026-11-20', amountMinor: 5000, currency },
    })
    await call('sample:remove')
    expect(await count('SELECT COUNT(*) AS n FROM clients')).toBe(0)
    expect(await count('SELECT COUNT(*) AS n FROM ledger_entries')).toBe(0)
    expect(await count('SELECT COUNT(*) AS n FROM ledger_month_totals')).toBe(0)
  })
})
