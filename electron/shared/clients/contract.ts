/** The clients' channels: the register, one client, and its tags. */
import type { Client, ClientPage } from '../models'
import { ClientInput, ClientListQuery, ClientUpdateInput, IdInput, NoInput } from '../schemas'
import { returns, route } from '../contract-kit'

export const clientsContract = {
  'clients:list': route(ClientListQuery, returns<ClientPage>()),
  'clients:get': route(IdInput, returns<Client>()),
  'clients:create': route(ClientInput, returns<Client>()),
  'clients:update': route(ClientUpdateInput, returns<Client>()),
  'clients:archive': route(IdInput, returns<Client>()),
  'clients:restore': route(IdInput, returns<Client>()),
  'clients:tags': route(NoInput, returns<string[]>()),
}
