/** What other features may use of the clients feature. */
export { ClientsService } from './clients-service'
export { createClientHandlers } from './clients-handlers'
