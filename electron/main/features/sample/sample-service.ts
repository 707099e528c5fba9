import type { EntityManager } from 'typeorm'
import { BusinessProfileEntity, ClientEntity } from '../../db/entities'
import { DomainError } from '../../domain-error'
import type { SampleLoadResult, SampleRemoveResult } from '../../../shared/models'
import { ClientsService } from '../clients/clients-service'
import { ProfileService } from '../profile/profile-service'
import { SAMPLE_PROFILE, sampleClients } from './sample-business'

/**
 * The sample business: written to the real database, every row marked as sample,
 * loaded in one transaction and removed in one step.
 */
export class SampleService {
  constructor(private readonly deps: { manager: EntityManager; now: () => Date }) {}

  async load(): Promise<SampleLoadResult> {
    const clients = sampleClients(this.deps.now())
    await this.deps.manager.transaction(async (manager) => {
      const existing = await manager.findOneBy(BusinessProfileEntity, { id: 1 })
      if (existing && !existing.isSample) {
        throw new DomainError('VALIDATION', 'The sample business can only be loaded before you set up your own business.')
      }
      if (existing) throw new DomainError('VALIDATION', 'The sample business is already loaded.')
      const scoped = { manager, now: this.deps.now }
      await new ProfileService(scoped).save(SAMPLE_PROFILE, { isSample: true })
      const register = new ClientsService(scoped)
      for (const client of clients) await register.create(client, { isSample: true })
    })
    return { clients: clients.length }
  }

  /** Removes every sample row, and the sample profile, so the welcome screen shows again. */
  async remove(): Promise<SampleRemoveResult> {
    return this.deps.manager.transaction(async (m) => {
      const result = await m.delete(ClientEntity, { isSample: true })
      await m.delete(BusinessProfileEntity, { id: 1, isSample: true })
      return { clients: result.affected ?? 0 }
    })
  }
}
