export { DatabaseService } from './database-service'
export { createDatabaseHandlers } from './database-handlers'
