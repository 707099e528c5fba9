import type { HandlersOf } from '../../../shared/contract-kit'
import type { clientsContract } from '../../../shared/clients/contract'
import type { ClientsService } from './clients-service'

/** The clients' channels mapped to their service. */
export function createClientHandlers(clients: ClientsService): HandlersOf<typeof clientsContract> {
  return {
    'clients:list': (q) => clients.list(q),
    'clients:get': ({ id }) => clients.get(id),
    'clients:create': (input) => clients.create(input),
    'clients:update': ({ id, client, version }) => clients.update(id, client, version),
    'clients:archive': ({ id }) => clients.archive(id),
    'clients:restore': ({ id }) => clients.restore(id),
    'clients:tags': () => clients.allTags(),
  }
}
