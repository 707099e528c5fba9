/** The ledger import's channels: choose a file, preview it, run it, cancel it. */
import { NoInput } from '../schemas'
import { returns, route } from '../contract-kit'
import type { ChosenImportFile, ImportPreview, ImportResult } from './models'
import * as LI from './schemas'

export const ledgerImportContract = {
  'ledger-import:choose-file': route(NoInput, returns<ChosenImportFile | null>()),
  'ledger-import:preview': route(LI.ImportPreviewInput, returns<ImportPreview>()),
  'ledger-import:run': route(LI.ImportRunInput, returns<ImportResult>()),
  'ledger-import:cancel': route(LI.ImportTokenInput, returns<{ cancelling: boolean }>()),
}
