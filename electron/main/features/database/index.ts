export { DatabaseService } from './database-service'
export { createDatabaseHandlers } from './database-handlers'
export { createFirstStartHandlers, isFirstStart, CHOOSE_FIRST_MESSAGE } from './first-start'
