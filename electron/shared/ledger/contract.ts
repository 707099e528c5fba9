/** The ledger's channels: entries, figures, exports, staff and their rates, risk limits and decisions. */
import { IdInput, NoInput } from '../schemas'
import { returns, route } from '../contract-kit'
import type {
  ClientMonth,
  ClientPageFigures,
  CsvExportResult,
  DecisionPanel,
  LedgerEntryView,
  PortfolioFigures,
  RiskLimits,
  StaffMember,
} from './models'
import * as G from './schemas'

export const ledgerContract = {
  'staff:list': route(NoInput, returns<StaffMember[]>()),
  'staff:save': route(G.StaffSaveInput, returns<StaffMember>()),
  'staff:delete': route(IdInput, returns<{ deleted: number }>()),
  'risk-limits:get': route(NoInput, returns<RiskLimits>()),
  'risk-limits:save': route(G.RiskLimitsInput, returns<RiskLimits>()),
  'ledger:list': route(G.LedgerListQuery, returns<LedgerEntryView[]>()),
  /** One entry as the database holds it now (beside a refused edit of it). */
  'ledger:get': route(IdInput, returns<LedgerEntryView>()),
  'ledger:save': route(G.LedgerSaveInput, returns<LedgerEntryView>()),
  'ledger:delete': route(IdInput, returns<{ deleted: number }>()),
  'ledger:client-figures': route(G.ClientFiguresQuery, returns<ClientPageFigures>()),
  'ledger:portfolio': route(G.PortfolioQuery, returns<PortfolioFigures>()),
  'ledger:client-months': route(G.ClientMonthsQuery, returns<ClientMonth[]>()),
  'ledger:export-csv': route(G.LedgerExportInput, returns<CsvExportResult>()),
  'ledger:export-figures-csv': route(G.FiguresExportInput, returns<CsvExportResult>()),
  'decisions:get-panel': route(G.DecisionPanelQuery, returns<DecisionPanel>()),
  'decisions:record': route(G.DecisionRecordInput, returns<DecisionPanel>()),
}
