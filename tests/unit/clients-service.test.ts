import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Envelope } from '../../electron/shared/envelope'
import type { Client, ClientPage } from '../../electron/shared/models'
import { openTestApp, type TestApp } from '../support/temp-db'

let app: TestApp
beforeEach(async () => {
  app = await openTestApp()
})
afterEach(async () => {
  await app.close()
})

const base = {
  name: 'Northwind Bakery',
  company: 'Northwind Foods',
  email: 'orders@example.com',
  tags: ['hospitality', 'monthly print'],
}
const count = async (table: string) =>
  (await app.db.dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n as number

async function create(input: object): Promise<Client> {
  const result = (await app.call('clients:create', input)) as Envelope<Client>
  if (!result.ok) throw new Error(`create failed: ${result.error.field}: ${result.error.message}`)
  return result.data
}

async function list(query: object = {}): Promise<ClientPage> {
  const result = (await app.call('clients:list', query)) as Envelope<ClientPage>
  if (!result.ok) throw new Error(result.error.message)
  return result.data
}

describe('clients', () => {
  it('creates a client with defaults filled in and its tags stored', async () => {
    const client = await create({ ...base, name: '  Northwind Bakery  ' })
    expect(client).toMatchObject({
      name: 'Northwind Bakery',
      status: 'active',
      referralValueMinor: null,
      dateWon: null,
      archivedAt: null,
      isSample: false,
    })
    expect(client.tags).toEqual(['hospitality', 'monthly print'])
    expect(client.createdAt).toBe('2026-11-22T09:30:00.000Z')
    expect(await count('client_tags')).toBe(2)
  })

  it.each([
    [{ ...base, name: '   ' }, 'name', 'Enter the client’s name.'],
    [{ ...base, email: 'orders(at)example' }, 'email', 'This does not look like an email address.'],
    [{ ...base, dateWon: '2026-02-30' }, 'dateWon', 'This is not a real date.'],
    [{ ...base, dateWon: '2027-01-01' }, 'dateWon', 'The date won cannot be in the future.'],
    [{ ...base, referralValueMinor: -100 }, 'referralValueMinor', 'The amount cannot be negative.'],
    [{ ...base, referralValueMinor: 10.5 }, 'referralValueMinor', 'Amounts are whole minor units (cents).'],
    [{ ...base, status: 'furious' }, 'status', undefined],
    [{ ...base, tags: ['a,b'] }, 'tags.0', 'A tag cannot contain a comma.'],
  ])('refuses bad input with the field named and writes nothing (%#)', async (input, field, message) => {
    const result = (await app.call('clients:create', input)) as Envelope<Client>
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('VALIDATION')
    expect(result.error.field).toBe(field)
    if (message) expect(result.error.message).toBe(message)
    expect(await count('clients')).toBe(0)
    expect(await count('client_tags')).toBe(0)
  })

  it('updates a client and replaces its tags in one step', async () => {
    const client = await create(base)
    const result = (await app.call('clients:update', {
      id: client.id,
      client: { ...base, contactPerson: 'Priya Raman', tags: ['key account'] },
    })) as Envelope<Client>
    expect(result.ok && result.data.contactPerson).toBe('Priya Raman')
    expect(result.ok && result.data.tags).toEqual(['key account'])
    expect(await count('client_tags')).toBe(1)
  })

  it('leaves the client untouched when an update is refused', async () => {
    const client = await create(base)
    const result = (await app.call('clients:update', {
      id: client.id,
      client: { ...base, name: '', tags: [] },
    })) as Envelope<Client>
    expect(result.ok).toBe(false)
    const again = (await app.call('clients:get', { id: client.id })) as Envelope<Client>
    expect(again.ok && again.data).toEqual(client)
  })

  it('says plainly when a client does not exist', async () => {
    const result = await app.call('clients:get', { id: 999 })
    expect(result).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'That client no longer exists. It may have been removed.' },
    })
  })

  it('archives and restores: archived clients leave the list and appear in the archived view', async () => {
    const a = await create(base)
    await create({ ...base, name: 'Harrow & Finch' })
    const archived = (await app.call('clients:archive', { id: a.id })) as Envelope<Client>
    expect(archived.ok && archived.data.archivedAt).toBe('2026-11-22T09:30:00.000Z')
    expect((await list()).rows.map((r) => r.name)).toEqual(['Harrow & Finch'])
    expect((await list({ archived: true })).rows.map((r) => r.name)).toEqual(['Northwind Bakery'])
    await app.call('clients:restore', { id: a.id })
    expect((await list()).total).toBe(2)
    expect((await list({ archived: true })).total).toBe(0)
  })
})

describe('the client list query', () => {
  beforeEach(async () => {
    await create({
      name: 'Café Lumière',
      company: 'Lumière SARL',
      tags: ['hospitality'],
      status: 'at_risk',
      referralValueMinor: 5000,
      dateWon: '2024-05-01',
    })
    await create({
      name: 'zeta Print',
      contactPerson: 'Olu Adeyemi',
      tags: ['retail'],
      status: 'active',
      referralValueMinor: 100,
      dateWon: '2020-01-01',
    })
    await create({
      name: 'Alder 100%_Co',
      email: 'hello@alder.example.com',
      tags: ['retail', 'key account'],
      status: 'in_turnaround',
    })
    await create({ name: 'Birch Dental', status: 'active', referralValueMinor: 90000, dateWon: '2025-09-09' })
  })

  it('sorts by name ignoring case and accents, and by other columns both ways', async () => {
    expect((await list()).rows.map((r) => r.name)).toEqual([
      'Alder 100%_Co',
      'Birch Dental',
      'Café Lumière',
      'zeta Print',
    ])
    expect((await list({ sortDir: 'desc' })).rows.map((r) => r.name)).toEqual([
      'zeta Print',
      'Café Lumière',
      'Birch Dental',
      'Alder 100%_Co',
    ])
    expect((await list({ sortBy: 'referralValue', sortDir: 'desc' })).rows.map((r) => r.name)).toEqual([
      'Birch Dental',
      'Café Lumière',
      'zeta Print',
      'Alder 100%_Co',
    ])
    // Clients without a date won go last when sorting up, first when sorting down.
    expect((await list({ sortBy: 'dateWon' })).rows.map((r) => r.dateWon)).toEqual([
      '2020-01-01',
      '2024-05-01',
      '2025-09-09',
      null,
    ])
    expect((await list({ sortBy: 'dateWon', sortDir: 'desc' })).rows[0]?.dateWon).toBeNull()
  })

  it('searches name, company, contact, email and tags, without regard to case or accents', async () => {
    const names = async (search: string) => (await list({ search })).rows.map((r) => r.name)
    expect(await names('CAFE')).toEqual(['Café Lumière'])
    expect(await names('lumiere sarl')).toEqual(['Café Lumière'])
    expect(await names('olu')).toEqual(['zeta Print'])
    expect(await names('alder.example')).toEqual(['Alder 100%_Co'])
    expect(await names('key account')).toEqual(['Alder 100%_Co'])
    // LIKE wildcards typed by the user are matched literally.
    expect(await names('100%_')).toEqual(['Alder 100%_Co'])
    expect(await names('%')).toEqual(['Alder 100%_Co'])
    expect(await names('nobody')).toEqual([])
  })

  it('filters by status and tag, and counts statuses over the other filters', async () => {
    const retail = await list({ tag: 'retail' })
    expect(retail.rows.map((r) => r.name)).toEqual(['Alder 100%_Co', 'zeta Print'])
    expect(retail.statusCounts).toEqual({ active: 1, in_turnaround: 1 })
    const active = await list({ statuses: ['active'] })
    expect(active.rows.map((r) => r.name)).toEqual(['Birch Dental', 'zeta Print'])
    expect(active.total).toBe(2)
    expect(active.statusCounts).toEqual({ active: 2, at_risk: 1, in_turnaround: 1 })
    expect(
      (await list({ statuses: ['at_risk', 'in_turnaround'], tag: 'hospitality' })).rows.map((r) => r.name),
    ).toEqual(['Café Lumière'])
  })

  it('pages in the query and lists every tag in use', async () => {
    const first = await list({ limit: 3 })
    const second = await list({ limit: 3, offset: 3 })
    expect(first.total).toBe(4)
    expect(first.rows).toHaveLength(3)
    expect(second.rows.map((r) => r.name)).toEqual(['zeta Print'])
    expect(await app.call('clients:tags')).toEqual({ ok: true, data: ['hospitality', 'key account', 'retail'] })
  })
})
