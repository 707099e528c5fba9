/**
 * The services other features build on (the client register, the business profile, the planner),
 * made on one entity manager. The composition root makes one set; a feature that must act inside its
 * own transaction (a letter saved with its touchpoint, the sample loaded whole) asks for a set on that
 * transaction's manager by the same recipe instead of building its own.
 */
import type { EntityManager } from 'typeorm'
import { ClientsService } from './clients'
import { ProfileService } from './profile'
import { createTurnaroundServices } from './turnarounds'

export function coreServicesOn(manager: EntityManager, now: () => Date) {
  const clients = new ClientsService({ manager, now })
  const profile = new ProfileService({ manager, now })
  const planner = createTurnaroundServices({ manager, now, settings: () => profile.plannerSettings() })
  return { clients, profile, planner }
}

export type CoreServices = ReturnType<typeof coreServicesOn>

/** The core services on a manager: the given set on its own manager, a new set on any other. */
export type CoreServicesOn = (manager: EntityManager) => CoreServices

export function coreServicesFactory(root: CoreServices, rootManager: EntityManager, now: () => Date): CoreServicesOn {
  return (manager) => (manager === rootManager ? root : coreServicesOn(manager, now))
}
