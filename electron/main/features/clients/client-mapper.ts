import type { ClientEntity } from '../../db/entities'
import type { Client, ClientRow } from '../../../shared/models'
import type { ClientInputData } from '../../../shared/schemas'
import { searchKey } from '../../../shared/text'

export function toClientRow(e: ClientEntity, tags: string[]): ClientRow {
  return {
    id: e.id,
    name: e.name,
    company: e.company,
    contactPerson: e.contactPerson,
    contactTitle: e.contactTitle,
    email: e.email,
    phone: e.phone,
    tags,
    dateWon: e.dateWon,
    referralValueMinor: e.referralValueMinor,
    status: e.status,
    archivedAt: e.archivedAt,
    isSample: Boolean(e.isSample),
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
  }
}

export function toClient(e: ClientEntity, tags: string[]): Client {
  return {
    ...toClientRow(e, tags),
    address: e.address,
    notes: e.notes,
    version: e.version,
    createdBy: e.createdBy,
    updatedBy: e.updatedBy,
  }
}

/** Copies the editable fields and the derived search columns onto an entity. */
export function applyClientInput(e: ClientEntity, input: ClientInputData): void {
  e.name = input.name
  e.company = input.company
  e.contactPerson = input.contactPerson
  e.contactTitle = input.contactTitle
  e.email = input.email
  e.phone = input.phone
  e.address = input.address
  e.notes = input.notes
  e.dateWon = input.dateWon
  e.referralValueMinor = input.referralValueMinor
  e.status = input.status
  e.nameKey = searchKey(input.name).slice(0, 160)
  e.searchText = searchKey(input.name, input.company, input.contactPerson, input.email, ...input.tags)
}
