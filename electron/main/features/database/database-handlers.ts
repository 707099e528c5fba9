import type { HandlersOf } from '../../../shared/contract-kit'
import type { databaseContract } from '../../../shared/database/contract'
import type { DatabaseService } from './database-service'
import { DomainError } from '../../domain-error'

/** Where the data lives: the choice, a connection test, saving the choice, moving the data. */
export function createDatabaseHandlers(database: DatabaseService): HandlersOf<typeof databaseContract> {
  return {
    'database:settings': () => database.settings(),
    'database:test-connection': (input) => database.testConnection(input),
    'database:save-choice': (input) => database.saveChoice(input),
    'database:move-to-shared': (input) => database.moveToShared(input),
    'database:choose-certificate': () => database.chooseCertificate(),
    // Asked only at a first start (first-start.ts); once the data has a place, Settings changes it.
    'database:first-start-choice': async () => {
      throw new DomainError('VALIDATION', 'Where your data lives is already chosen. Change it in Settings > Your data.')
    },
  }
}
