/** What reading rows needs from the database, loaded once per read: the profile, clients, staff, turnarounds. */
import type { EntityManager } from 'typeorm'
import { profileRequired } from '../profile'
import { searchKey } from '../../../shared/text'
import type { ImportLookups, StaffMember } from './lookup-data'

export async function loadLookups(manager: EntityManager): Promise<ImportLookups> {
  const [profile] = (await manager.query(
    'SELECT currency, locale, hourly_worth_minor, owner_name FROM business_profile WHERE id = 1',
  )) as Array<{ currency: string; locale: string; hourly_worth_minor: number; owner_name: string }>
  if (!profile) throw profileRequired('imports need its currency and your hourly worth')
  const clients = new Map<string, number>()
  for (const row of (await manager.query('SELECT id, name_key FROM clients ORDER BY id DESC')) as Array<{
    id: number
    name_key: string
  }>)
    clients.set(row.name_key, row.id)
  const staff = new Map<string, StaffMember>()
  for (const row of (await manager.query('SELECT id, name, cost_rate_minor FROM staff')) as Array<{
    id: number
    name: string
    cost_rate_minor: number
  }>) {
    staff.set(searchKey(row.name), { id: row.id, name: row.name, rateMinor: row.cost_rate_minor })
  }
  const turnarounds = new Map<number, number>()
  const openTurnarounds = new Map<number, number>()
  for (const row of (await manager.query(
    'SELECT id, client_id, closed_on FROM turnarounds ORDER BY opened_on, id',
  )) as Array<{ id: number; client_id: number; closed_on: string | null }>) {
    turnarounds.set(row.id, row.client_id)
    if (row.closed_on === null) openTurnarounds.set(row.client_id, row.id)
  }
  return {
    currency: profile.currency,
    locale: profile.locale ?? '',
    hourlyWorthMinor: profile.hourly_worth_minor,
    ownerName: profile.owner_name,
    clients,
    staff,
    turnarounds,
    openTurnarounds,
  }
}
