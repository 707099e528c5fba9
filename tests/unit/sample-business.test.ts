import { describe, expect, it } from 'vitest'
import { SAMPLE_CLIENT_COUNT, SAMPLE_PROFILE, sampleClients } from '../../electron/main/features/sample/sample-business'
import { ClientInput, ProfileInput } from '../../electron/shared/schemas'
import { CLIENT_STATUSES } from '../../electron/shared/words'

const TODAY = new Date('2026-11-22T12:00:00Z')
const TODAY_ISO = '2026-11-22'
const MARKUP_COMPANY = '<b>Acme</b> & Sons "Ltd"'

describe('the sample business', () => {
  const clients = sampleClients(TODAY)

  it('has a realistic number of clients, matching SAMPLE_CLIENT_COUNT', () => {
    expect(clients.length).toBeGreaterThanOrEqual(40)
    expect(clients).toHaveLength(SAMPLE_CLIENT_COUNT)
  })

  it('has a profile that passes the profile schema unchanged', () => {
    expect(ProfileInput.parse(SAMPLE_PROFILE)).toEqual(SAMPLE_PROFILE)
    expect(SAMPLE_PROFILE.currency).toBe('GBP')
    expect(SAMPLE_PROFILE.hourlyWorthMinor).toBe(8500)
  })

  it('has only clients that pass the client schema unchanged', () => {
    for (const client of clients) {
      const result = ClientInput.safeParse(client)
      expect(result.success, `${client.name}: ${result.error?.message ?? ''}`).toBe(true)
      expect(result.data).toStrictEqual(client)
    }
  })

  it('covers every client status, mostly active', () => {
    const statuses = new Set(clients.map((c) => c.status))
    for (const status of CLIENT_STATUSES) expect(statuses, status).toContain(status)
    const active = clients.filter((c) => c.status === 'active').length
    expect(active / clients.length).toBeGreaterThan(0.5)
  })

  it('dates every won client in the past, within eight years, and leaves a few undated', () => {
    const eightYearsAgo = '2018-11-22'
    const dated = clients.flatMap((c) => (c.dateWon === null ? [] : [c.dateWon]))
    for (const d of dated) {
      expect(d <= TODAY_ISO, d).toBe(true)
      expect(d >= eightYearsAgo, d).toBe(true)
    }
    expect(clients.length - dated.length).toBeGreaterThanOrEqual(2)
  })

  it('never dates a client after today, whatever today is', () => {
    for (const today of [new Date('2024-02-29T00:00:00Z'), new Date('2030-01-01T23:59:59Z')]) {
      const iso = today.toISOString().slice(0, 10)
      for (const c of sampleClients(today)) if (c.dateWon !== null) expect(c.dateWon <= iso).toBe(true)
    }
  })

  it('has unique client names', () => {
    const names = clients.map((c) => c.name)
    expect(new Set(names).size).toBe(names.length)
  })

  it('is deterministic, and hands out fresh objects on every call', () => {
    const again = sampleClients(new Date(TODAY.getTime()))
    expect(again).toStrictEqual(clients)
    expect(again[0]).not.toBe(clients[0])
    expect(again[0]?.tags).not.toBe(clients[0]?.tags)
  })

  it('includes a client with accented letters and one whose company looks like markup', () => {
    expect(clients.some((c) => /[À-ÖØ-öø-ÿ]/.test(c.name))).toBe(true)
    expect(clients.some((c) => c.name === 'Café Lumière')).toBe(true)
    expect(clients.some((c) => c.name === 'Zoë Brennan')).toBe(true)
    expect(clients.filter((c) => c.company === MARKUP_COMPANY)).toHaveLength(1)
  })

  it('keeps tags to a small vocabulary, at most three per client', () => {
    const vocabulary = new Set(clients.flatMap((c) => c.tags))
    expect(vocabulary.size).toBeLessThanOrEqual(15)
    for (const c of clients) expect(c.tags.length).toBeLessThanOrEqual(3)
  })
})
