import { afterEach, describe, expect, it } from 'vitest'
import type { Envelope } from '../../electron/shared/envelope'
import type { ClientPageFigures } from '../../electron/shared/ledger/models'
import { openTestApp, type TestApp } from '../support/temp-db'

const original = process.env.TZ
let app: TestApp | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
  process.env.TZ = original
})

/** The same instant is 1 April in Auckland and still 31 March in Los Angeles: "this month" follows the owner's calendar. */
async function thisMonth(timeZone: string): Promise<ClientPageFigures> {
  process.env.TZ = timeZone
  app = await openTestApp(undefined, () => new Date('2026-03-31T23:30:00Z'))
  const call = async <T>(channel: string, input?: unknown) => {
    const r = (await app!.call(channel, input)) as Envelope<T>
    if (!r.ok) throw new Error(r.error.message)
    return r.data
  }
  await call('profile:save', {
    businessName: 'Quill & Co',
    ownerName: 'Ada Quill',
    currency: 'NZD',
    hourlyWorthMinor: 9000,
  })
  const c = await call<{ id: number }>('clients:create', { name: 'Kiwi Print' })
  await call('ledger:save', {
    clientId: c.id,
    entry: { kind: 'invoice', entryDate: '2026-03-31', amountMinor: 1000, currency: 'NZD' },
  })
  await call('ledger:save', {
    clientId: c.id,
    entry: { kind: 'invoice', entryDate: '2026-04-01', amountMinor: 20000, currency: 'NZD' },
  })
  return call<ClientPageFigures>('ledger:client-figures', { clientId: c.id, period: { preset: 'month' } })
}

describe('periods in the owner’s time zone', () => {
  it('counts April in Auckland and March in Los Angeles at the same instant', async () => {
    const nz = await thisMonth('Pacific/Auckland')
    expect(nz.period).toEqual({ from: '2026-04-01', to: '2026-04-30' })
    expect(nz.figures.revenueMinor).toBe(20000)
    await app?.close()
    app = undefined
    const la = await thisMonth('America/Los_Angeles')
    expect(la.period).toEqual({ from: '2026-03-01', to: '2026-03-31' })
    expect(la.figures.revenueMinor).toBe(1000) // the entry on the month's last day
  })
})

describe('today is the owner’s day', () => {
  const wonOn = async (timeZone: string, dateWon: string) => {
    process.env.TZ = timeZone
    app = await openTestApp(undefined, () => new Date('2026-03-31T23:30:00Z'))
    return (await app.call('clients:create', { name: 'Kiwi Print', dateWon })) as Envelope<{ dateWon: string }>
  }

  it('takes a client won today east of Greenwich, where the UTC day is still yesterday', async () => {
    const r = await wonOn('Pacific/Auckland', '2026-04-01')
    expect(r.ok && r.data.dateWon).toBe('2026-04-01')
  })

  it('refuses tomorrow west of Greenwich, where the UTC day already is tomorrow', async () => {
    const r = await wonOn('America/Los_Angeles', '2026-04-01')
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error).toMatchObject({ field: 'dateWon', message: 'The date won cannot be in the future.' })
  })
})
