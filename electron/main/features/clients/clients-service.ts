import type { EntityManager } from 'typeorm'
import { ClientEntity, ClientTagEntity } from '../../db/entities'
import { timestamp } from '../../db/dialect'
import { claimVersion } from '../../db/record-version'
import { localIsoDate } from '../../../shared/dates'
import { DomainError, notFound } from '../../domain-error'
import type { Client, ClientPage } from '../../../shared/models'
import type { ClientInputData, ClientListQueryData } from '../../../shared/schemas'
import { applyClientInput, toClient } from './client-mapper'
import { listClients, tagsFor } from './client-list-query'

export interface ClientsServiceDeps {
  /** The data source's manager, or a transaction's: writes then nest as savepoints. */
  manager: EntityManager
  now: () => Date
}

/** The client register: every write is one transaction, so a failure leaves nothing half-written. */
export class ClientsService {
  constructor(private readonly deps: ClientsServiceDeps) {}

  list(query: ClientListQueryData): Promise<ClientPage> {
    return listClients(this.deps.manager, query)
  }

  async get(id: number): Promise<Client> {
    const entity = await this.deps.manager.getRepository(ClientEntity).findOneBy({ id })
    if (!entity) throw notFound('client')
    const tags = await tagsFor(this.deps.manager, [id])
    return toClient(entity, tags.get(id) ?? [])
  }

  async create(input: ClientInputData, options: { isSample?: boolean } = {}): Promise<Client> {
    this.checkRules(input)
    const id = await this.deps.manager.transaction(async (m) => {
      const e = new ClientEntity()
      applyClientInput(e, input)
      const now = timestamp(this.deps.now())
      e.createdAt = now
      e.updatedAt = now
      e.archivedAt = null
      e.isSample = options.isSample ?? false
      const saved = await m.save(e)
      await this.writeTags(m, saved.id, input.tags)
      return saved.id
    })
    return this.get(id)
  }

  /** `version`: the one the edit was made on; a save over a newer version is refused (CONFLICT). */
  async update(id: number, input: ClientInputData, version?: number): Promise<Client> {
    this.checkRules(input)
    await this.deps.manager.transaction(async (m) => {
      await claimVersion(m, ClientEntity, id, { seen: version, what: 'This client', now: this.deps.now() })
      const e = await m.findOneBy(ClientEntity, { id })
      if (!e) throw notFound('client')
      applyClientInput(e, input)
      e.updatedAt = timestamp(this.deps.now())
      await m.save(e)
      await m.delete(ClientTagEntity, { clientId: id })
      await this.writeTags(m, id, input.tags)
    })
    return this.get(id)
  }

  archive(id: number): Promise<Client> {
    return this.setArchived(id, true)
  }

  restore(id: number): Promise<Client> {
    return this.setArchived(id, false)
  }

  /** Every tag in use, for the filter. */
  async allTags(): Promise<string[]> {
    const rows = await this.deps.manager
      .getRepository(ClientTagEntity)
      .createQueryBuilder('t')
      .select('DISTINCT t.tag', 'tag')
      .orderBy('t.tag', 'ASC')
      .getRawMany<{ tag: string }>()
    return rows.map((r) => r.tag)
  }

  private async setArchived(id: number, archived: boolean): Promise<Client> {
    const repo = this.deps.manager.getRepository(ClientEntity)
    const e = await repo.findOneBy({ id })
    if (!e) throw notFound('client')
    const now = timestamp(this.deps.now())
    e.archivedAt = archived ? (e.archivedAt ?? now) : null
    e.updatedAt = now
    await repo.save(e)
    return this.get(id)
  }

  private checkRules(input: ClientInputData): void {
    const today = localIsoDate(this.deps.now())
    if (input.dateWon !== null && input.dateWon > today) {
      throw new DomainError('VALIDATION', 'The date won cannot be in the future.', 'dateWon')
    }
  }

  private async writeTags(m: EntityManager, clientId: number, tags: string[]): Promise<void> {
    if (tags.length === 0) return
    await m.insert(
      ClientTagEntity,
      tags.map((tag) => ({ clientId, tag })),
    )
  }
}
