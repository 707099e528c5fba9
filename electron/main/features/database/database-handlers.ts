import type { HandlersOf } from '../../../shared/contract-kit'
import type { databaseContract } from '../../../shared/database/contract'
import type { DatabaseService } from './database-service'

/** Where the data lives: the choice, a connection test, saving the choice, moving the data. */
export function createDatabaseHandlers(database: DatabaseService): HandlersOf<typeof databaseContract> {
  return {
    'database:settings': () => database.settings(),
    'database:test-connection': (input) => database.testConnection(input),
    'database:save-choice': (input) => database.saveChoice(input),
    'database:move-to-shared': (input) => database.moveToShared(input),
    'database:choose-certificate': () => database.chooseCertificate(),
  }
}
