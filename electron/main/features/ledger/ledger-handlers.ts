import type { HandlersOf } from '../../../shared/contract-kit'
import type { ledgerContract } from '../../../shared/ledger/contract'
import type { SaveDialogOptions } from '../../ports'
import { DecisionService } from './decision-service'
import { EntriesService } from './entries-service'
import { FiguresService } from './figures-service'
import { LedgerContext, type LedgerDeps } from './ledger-context'
import { LedgerExport } from './ledger-export'
import { StaffService } from './staff-service'

export interface LedgerServiceDeps extends LedgerDeps {
  chooseSavePath: (options: SaveDialogOptions) => Promise<string | null>
}

export function createLedgerServices(deps: LedgerServiceDeps) {
  const ctx = new LedgerContext(deps)
  const figures = new FiguresService(ctx)
  return {
    ctx,
    staff: new StaffService(ctx),
    entries: new EntriesService(ctx),
    figures,
    decisions: new DecisionService(ctx),
    exports: new LedgerExport(ctx, figures, deps.chooseSavePath),
  }
}

export type LedgerServices = ReturnType<typeof createLedgerServices>

/** The ledger's channels mapped to its services. */
export function createLedgerHandlers(s: LedgerServices): HandlersOf<typeof ledgerContract> {
  const { ctx, staff, entries, figures, decisions, exports } = s
  return {
    'staff:list': () => staff.list(),
    'staff:save': ({ id, staff: input }) => staff.save(id, input),
    'staff:delete': ({ id }) => staff.delete(id),
    'risk-limits:get': () => staff.riskLimits(),
    'risk-limits:save': (input) => staff.saveRiskLimits(input),
    'ledger:list': ({ clientId, limit }) => entries.list(clientId, limit),
    'ledger:get': ({ id }) => entries.get(id),
    'ledger:save': ({ clientId, id, entry, version }) => entries.save(clientId, id, entry, { version }),
    'ledger:delete': ({ id }) => entries.delete(id),
    'ledger:client-figures': ({ clientId, period }) => figures.client(clientId, ctx.period(period)),
    'ledger:portfolio': ({ period }) => figures.portfolio(ctx.period(period)),
    'ledger:client-months': ({ clientId, months }) => figures.months(clientId, months),
    'ledger:export-csv': ({ clientId }) => exports.entries(clientId),
    'ledger:export-figures-csv': ({ period }) => exports.figuresCsv(ctx.period(period)),
    'decisions:get-panel': ({ clientId, turnaroundId }) => decisions.panel(clientId, turnaroundId),
    'decisions:record': ({ clientId, turnaroundId, decision, note }) =>
      decisions.record(clientId, turnaroundId, decision, note),
  }
}
