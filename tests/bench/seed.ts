/** Fills a database with many deterministic clients fast: bulk QueryBuilder inserts in one transaction. */
import type { DataSource } from 'typeorm'
import { ClientEntity, ClientTagEntity } from '../../electron/main/db/entities'
import { searchKey } from '../../electron/shared/text'
import { prng } from '../../electron/main/features/sample/prng'
import { CLIENT_STATUSES, type ClientStatus } from '../../electron/shared/words'

export { prng }

/** First names, for the clients' contacts and the planner's staff. */
export const FIRST_NAMES = [
  'Abigail',
  'Jonas',
  'Priya',
  'Mateo',
  'Chloé',
  'Fabian',
  'Ingrid',
  'Kwame',
  'Léa',
  'Oskar',
  'Sabine',
  'Tomás',
  'Yusuf',
  'Zara',
  'Gabriel',
  'Hana',
]
const LAST = [
  'Abbott',
  'Lindqvist',
  'Raman',
  'García',
  'Dubois',
  'Mensah',
  'Novak',
  'Okafor',
  'Schmidt',
  'Tanaka',
  'Webb',
  'Cabrera',
  'Holm',
  'Moreau',
]
const WORDS = [
  'Northwind',
  'Harrow',
  'Lumière',
  'Brightwater',
  'Cobalt',
  'Fable',
  'Granite',
  'Juniper',
  'Kestrel',
  'Marlow',
  'Oakridge',
  'Pebble',
  'Quayside',
  'Saffron',
  'Timber',
  'Wabash',
]
const KINDS = [
  'Bakery',
  'Architects',
  'Studio',
  'Consulting',
  'Dental',
  'Logistics',
  'Florists',
  'Brewing',
  'Labs',
  'Outfitters',
  'Printing',
  'Cabinets',
]
const SUFFIXES = ['Ltd', 'LLC', 'GmbH', 'SARL', 'Co.', 'AB']
const TAGS = [
  'hospitality',
  'key account',
  'retail',
  'referral',
  'seasonal',
  'public sector',
  'startup',
  'slow payer',
  'abroad',
  'family business',
]
const STATUS_WEIGHTS: Array<[ClientStatus, number]> = [
  ['active', 0.5],
  ['at_risk', 0.15],
  ['in_turnaround', 0.15],
  ['recovered', 0.12],
  ['let_go', 0.08],
]
if (STATUS_WEIGHTS.length !== CLIENT_STATUSES.length)
  throw new Error('seed.ts: a client status is missing from STATUS_WEIGHTS')

const CHUNK = 500
const DAY_MS = 86_400_000
/** Everything is dated relative to this instant, never to the clock. */
const EPOCH = Date.parse('2026-11-01T09:00:00Z')

export interface SeedResult {
  clients: number
  tags: number
}

/** Inserts `count` clients (plus 0–2 tags each) after any already there, in one transaction. */
export async function seedClients(dataSource: DataSource, count: number, seed = 20261122): Promise<SeedResult> {
  const random = prng(seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!
  const pickStatus = (): ClientStatus => {
    let r = random()
    for (const [status, weight] of STATUS_WEIGHTS) {
      if ((r -= weight) < 0) return status
    }
    return 'active'
  }

  return dataSource.transaction(async (m) => {
    const top = await m
      .createQueryBuilder(ClientEntity, 'c')
      .select('MAX(c.id)', 'maxId')
      .getRawOne<{ maxId: number | null }>()
    const baseId = Number(top?.maxId ?? 0)
    let tagCount = 0
    for (let from = 0; from < count; from += CHUNK) {
      const clients: Array<Partial<ClientEntity>> = []
      const tags: Array<Pick<ClientTagEntity, 'clientId' | 'tag'>> = []
      for (let i = from; i < Math.min(count, from + CHUNK); i++) {
        const id = baseId + i + 1
        const first = pick(FIRST_NAMES)
        const last = pick(LAST)
        const name = `${pick(WORDS)} ${pick(KINDS)} ${i + 1}`
        const company = random() < 0.7 ? `${pick(WORDS)} ${last} ${pick(SUFFIXES)}` : ''
        const contactPerson = `${first} ${last}`
        const email = `${searchKey(first).replace(/[^a-z]/g, '')}.${searchKey(last).replace(/[^a-z]/g, '')}${i}@example.com`
        const clientTags = [...new Set(Array.from({ length: Math.floor(random() * 3) }, () => pick(TAGS)))]
        const created = EPOCH - Math.floor(random() * 900) * DAY_MS
        const updated = created + Math.floor(random() * 60) * DAY_MS
        clients.push({
          id,
          name,
          company,
          contactPerson,
          email,
          phone: '',
          address: '',
          notes: '',
          dateWon:
            random() < 0.8 ? new Date(created - Math.floor(random() * 400) * DAY_MS).toISOString().slice(0, 10) : null,
          referralValueMinor: random() < 0.4 ? Math.floor(random() * 500_000) : 0,
          status: pickStatus(),
          nameKey: searchKey(name).slice(0, 160),
          searchText: searchKey(name, company, contactPerson, email, ...clientTags),
          archivedAt: null,
          isSample: false,
          createdAt: new Date(created).toISOString(),
          updatedAt: new Date(Math.min(updated, EPOCH)).toISOString(),
        })
        for (const tag of clientTags) tags.push({ clientId: id, tag })
      }
      await m.createQueryBuilder().insert().into(ClientEntity).values(clients).updateEntity(false).execute()
      if (tags.length > 0)
        await m.createQueryBuilder().insert().into(ClientTagEntity).values(tags).updateEntity(false).execute()
      tagCount += tags.length
    }
    return { clients: count, tags: tagCount }
  })
}
