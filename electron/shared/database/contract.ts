/** Settings > Your data: this computer or a shared office database, testing it, moving the data there. */
import { NoInput } from '../schemas'
import { returns, route } from '../contract-kit'
import type { ChosenCertificate, ConnectionTest, DatabaseSettings, MoveResult } from './models'
import { ConnectionInput, DatabaseChoiceInput } from './schemas'

export const databaseContract = {
  'database:settings': route(NoInput, returns<DatabaseSettings>()),
  'database:test-connection': route(ConnectionInput, returns<ConnectionTest>()),
  'database:save-choice': route(DatabaseChoiceInput, returns<DatabaseSettings>()),
  'database:move-to-shared': route(ConnectionInput, returns<MoveResult>()),
  /** A first start's choice: kept, and the chosen database opened, before the window goes on. */
  'database:first-start-choice': route(DatabaseChoiceInput, returns<DatabaseSettings>()),
  /** The open dialog for the server's certificate file: its PEM text, checked, or null when cancelled. */
  'database:choose-certificate': route(NoInput, returns<ChosenCertificate | null>()),
}
