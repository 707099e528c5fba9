import { describe, expect, it } from 'vitest'
import { emptySums, figuresOf } from '../../electron/shared/ledger/figures'
import { COST_KINDS, ENTRY_KINDS, ENTRY_KIND_GROUP, entrySide, kindsIn } from '../../electron/shared/ledger/words'
import { kindIn } from '../../electron/main/features/ledger/kind-sql'
import { openTestApp } from '../support/temp-db'
import type { Envelope } from '../../electron/shared/envelope'
import type { ClientMonth, ClientPageFigures } from '../../electron/shared/ledger/models'

/** What one entry of 100 of each kind does to the figures, read from the one table of kinds. */
describe('one table of entry kinds', () => {
  it.each(ENTRY_KINDS)('%s counts in the figures as its group says', (kind) => {
    const f = figuresOf({ ...emptySums(), [kind]: 100 })
    const group = ENTRY_KIND_GROUP[kind]
    expect(f.revenueMinor).toBe(group === 'revenue' ? 100 : 0)
    expect(f.collectedMinor).toBe(group === 'collected' ? 100 : 0)
    expect(f.directCostMinor).toBe(group === 'direct_cost' ? 100 : 0)
    expect(f.concessionsMinor).toBe(group === 'concession' ? 100 : 0)
    expect(f.marginMinor).toBe(group === 'revenue' ? 100 : COST_KINDS.includes(kind) ? -100 : 0)
    expect(entrySide(kind)).toBe(group === 'revenue' || group === 'collected' ? 'in' : 'out')
  })

  it('writes SQL conditions from the table and nothing but plain words', () => {
    expect(kindIn('e.kind', kindsIn('revenue'))).toBe("e.kind IN ('invoice')")
    expect(kindIn('e.kind', [])).toBe('0 = 1')
    expect(() => kindIn('e.kind', ["x') OR 1=1 --" as never])).toThrow()
  })

  it('gives the monthly chart the same cost as the figures, kind by kind', async () => {
    const app = await openTestApp(undefined, () => new Date('2026-06-15T12:00:00Z'))
    try {
      const call = async <T>(channel: string, input?: unknown) => {
        const r = (await app.call(channel, input)) as Envelope<T>
        if (!r.ok) throw new Error(r.error.message)
        return r.data
      }
      await call('profile:save', {
        businessName: 'Kind & Co',
        ownerName: 'Ada',
        currency: 'EUR',
        hourlyWorthMinor: 6000,
      })
      const c = await call<{ id: number }>('clients:create', { name: 'Every Kind' })
      let amount = 100
      for (const kind of ENTRY_KINDS) {
        if (kind === 'payment') continue // a payment needs its invoice; it is neither revenue nor cost
        const entry = { kind, entryDate: '2026-05-10', amountMinor: (amount *= 2), currency: 'EUR' }
        await call('ledger:save', { clientId: c.id, entry: kind === 'time' ? { ...entry, minutes: 60 } : entry })
      }
      const page = await call<ClientPageFigures>('ledger:client-figures', {
        clientId: c.id,
        period: { preset: 'custom', from: '2026-05-01', to: '2026-05-31' },
      })
      const months = await call<ClientMonth[]>('ledger:client-months', { clientId: c.id, months: 2 })
      const may = months.find((m) => m.month === '2026-05')
      expect(may).toBeDefined()
      expect(may!.revenueMinor).toBe(page.figures.revenueMinor)
      expect(may!.costMinor).toBe(page.figures.directCostMinor + page.figures.concessionsMinor)
    } finally {
      await app.close()
    }
  })
})
