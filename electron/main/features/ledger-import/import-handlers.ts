import type { Handlers } from '../../ipc'
import type { LedgerImportService } from './import-service'

type ImportChannel = Extract<keyof Handlers, `ledger-import:${string}`>

/** The ledger import's channels mapped to its service. */
export function createImportHandlers(s: LedgerImportService): Pick<Handlers, ImportChannel> {
  return {
    'ledger-import:choose-file': () => s.chooseFile(),
    'ledger-import:preview': ({ token, mapping }) => s.preview(token, mapping),
    'ledger-import:run': ({ token, mapping, badRows }) => s.run(token, mapping, badRows),
    'ledger-import:cancel': ({ token }) => s.cancel(token),
  }
}
