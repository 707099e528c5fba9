import type { EntityManager } from 'typeorm'
import { BusinessProfileEntity, ClientEntity } from '../../db/entities'
import { DomainError } from '../../domain-error'
import type { Client, SampleLoadResult, SampleRemoveResult } from '../../../shared/models'
import { localIsoDate } from '../../../shared/dates'
import { coreServicesOn } from '../core-services'
import { SAMPLE_PROFILE, sampleClients } from './sample-business'
import { loadSampleTurnarounds } from './sample-turnarounds'
import { loadSampleLetters } from '../letters'
import { loadSampleLedger, loadSampleStaff } from './sample-ledger'
import { LedgerEntryEntity, StaffEntity } from '../../db/entities'

/**
 * The sample business: written to the real database, every row marked as sample,
 * loaded in one transaction and removed in one step. Its turnarounds go through the planner's
 * own services, bound to the same transaction, so a failure anywhere leaves nothing behind.
 */
export class SampleService {
  constructor(private readonly deps: { manager: EntityManager; now: () => Date; fontsDir?: string }) {}

  async load(): Promise<SampleLoadResult> {
    const clients = sampleClients(this.deps.now())
    await this.deps.manager.transaction(async (manager) => {
      const existing = await manager.findOneBy(BusinessProfileEntity, { id: 1 })
      if (existing && !existing.isSample) {
        throw new DomainError(
          'VALIDATION',
          'The sample business can only be loaded before you set up your own business.',
        )
      }
      if (existing) throw new DomainError('VALIDATION', 'The sample business is already loaded.')
      const core = coreServicesOn(manager, this.deps.now)
      await core.profile.save(SAMPLE_PROFILE, { isSample: true })
      const created: Client[] = []
      for (const client of clients) created.push(await core.clients.create(client, { isSample: true }))
      await loadSampleStaff(manager, this.deps.now())
      await loadSampleTurnarounds(core.planner, created, localIsoDate(this.deps.now()))
      await loadSampleLedger(manager, created, localIsoDate(this.deps.now()), this.deps.now())
      if (this.deps.fontsDir)
        await loadSampleLetters(
          { manager, now: this.deps.now, fontsDir: this.deps.fontsDir, core: () => core },
          created,
        )
    })
    return { clients: clients.length }
  }

  /**
   * Removes every sample row, and the sample profile, so the welcome screen shows again. The
   * sample turnarounds go with their clients: turnarounds, touchpoints and everything in a
   * turnaround (issues, actions, commitments, hand-overs) cascade by foreign key.
   */
  async remove(): Promise<SampleRemoveResult> {
    return this.deps.manager.transaction(async (m) => {
      await m.delete(LedgerEntryEntity, { isSample: true })
      await m.delete(StaffEntity, { isSample: true })
      const result = await m.delete(ClientEntity, { isSample: true })
      await m.delete(BusinessProfileEntity, { id: 1, isSample: true })
      return { clients: result.affected ?? 0 }
    })
  }
}
