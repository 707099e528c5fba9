import type { HandlersOf } from '../../../shared/contract-kit'
import type { ledgerImportContract } from '../../../shared/ledger-import/contract'
import type { LedgerImportService } from './import-service'

/** The ledger import's channels mapped to its service. */
export function createImportHandlers(s: LedgerImportService): HandlersOf<typeof ledgerImportContract> {
  return {
    'ledger-import:choose-file': () => s.chooseFile(),
    'ledger-import:preview': ({ token, mapping }) => s.preview(token, mapping),
    'ledger-import:run': ({ token, mapping, badRows }) => s.run(token, mapping, badRows),
    'ledger-import:cancel': ({ token }) => s.cancel(token),
  }
}
