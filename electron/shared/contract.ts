/**
 * The IPC contract: for every channel, the schema its input must pass and the type of its result.
 * Main parses with these schemas; preload and renderer only see the types.
 */
import type { z } from 'zod'
import type { Channel } from './channels'
import type { AppInfo, BusinessProfile, Client, ClientPage, SampleLoadResult, SampleRemoveResult } from './models'
import type { PlannerSettings, TodayData, TouchpointView, TrendsData, TurnaroundDetail, TurnaroundSummary } from './turnarounds/models'
import * as P from './turnarounds/schemas'
import type { LetterDraftResult, LetterExportResult, LetterRecord, LetterReexportResult, LetterSettings, LetterSummary, LetterTemplateView, RenderedPdf } from './letters/models'
import * as L from './letters/schemas'
import type { ClientMonth, ClientPageFigures, CsvExportResult, DecisionPanel, LedgerEntryView, PortfolioFigures, RiskLimits, StaffMember } from './ledger/models'
import * as G from './ledger/schemas'
import type { BackupCopyResult, BackupList, ExportEverythingResult, RestoreResult } from './backups/models'
import { BackupRestoreInput } from './backups/schemas'
import type { ChosenImportFile, ImportPreview, ImportResult } from './ledger-import/models'
import * as LI from './ledger-import/schemas'
import { ClientInput, ClientListQuery, ClientUpdateInput, IdInput, NoInput, ProfileInput } from './schemas'

export const inputSchemas = {
  'app:info': NoInput,
  'profile:get': NoInput,
  'profile:save': ProfileInput,
  'sample:load': NoInput,
  'sample:remove': NoInput,
  'clients:list': ClientListQuery,
  'clients:get': IdInput,
  'clients:create': ClientInput,
  'clients:update': ClientUpdateInput,
  'clients:archive': IdInput,
  'clients:restore': IdInput,
  'clients:tags': NoInput,
  'system:open-data-folder': NoInput,
  'planner-settings:save': P.PlannerSettingsInput,
  'turnarounds:list': P.TurnaroundListQuery,
  'turnarounds:get': IdInput,
  'turnarounds:open': P.TurnaroundOpenInput,
  'turnarounds:update': P.TurnaroundUpdateInput,
  'turnarounds:hand-over': P.HandoverInput,
  'turnarounds:record-agreement': P.AgreementInput,
  'turnarounds:set-client-commitment': P.ClientCommitmentInput,
  'turnarounds:agree-plan': P.PlanAgreementInput,
  'turnarounds:close': P.CloseInput,
  'turnarounds:check-in': P.CheckInInput,
  'turnarounds:delete': IdInput,
  'issues:save': P.IssueSaveInput,
  'issues:delete': IdInput,
  'actions:save': P.ActionSaveInput,
  'actions:delete': IdInput,
  'actions:move': P.ActionMoveInput,
  'actions:reset-order': P.TurnaroundIdInput,
  'commitments:save': P.CommitmentSaveInput,
  'commitments:mark-done': P.CommitmentDoneInput,
  'commitments:mark-missed': IdInput,
  'commitments:renegotiate': P.CommitmentRenegotiateInput,
  'commitments:delete': IdInput,
  'touchpoints:save': P.TouchpointSaveInput,
  'touchpoints:delete': IdInput,
  'touchpoints:list': P.ClientIdInput,
  'today:get': NoInput,
  'trends:get': P.TrendsQuery,
  'letters:list': L.LetterListQuery,
  'letters:get': IdInput,
  'letters:start': L.LetterStartInput,
  'letters:from-stored': L.LetterFromStoredInput,
  'letters:render': L.LetterRenderInput,
  'letters:render-stored': IdInput,
  'letters:export': L.LetterExportInput,
  'letters:reexport': IdInput,
  'letters:open-file': IdInput,
  'letter-templates:list': NoInput,
  'letter-templates:save': L.TemplateSaveInput,
  'letter-templates:reset': L.TemplateKindInput,
  'letter-templates:preview': L.TemplatePreviewInput,
  'letter-settings:save': L.LetterSettingsInput,
  'staff:list': NoInput,
  'staff:save': G.StaffSaveInput,
  'staff:delete': IdInput,
  'risk-limits:get': NoInput,
  'risk-limits:save': G.RiskLimitsInput,
  'ledger:list': G.LedgerListQuery,
  'ledger:save': G.LedgerSaveInput,
  'ledger:delete': IdInput,
  'ledger:client-figures': G.ClientFiguresQuery,
  'ledger:portfolio': G.PortfolioQuery,
  'ledger:client-months': G.ClientMonthsQuery,
  'ledger:export-csv': G.LedgerExportInput,
  'ledger:export-figures-csv': G.FiguresExportInput,
  'decisions:get-panel': G.DecisionPanelQuery,
  'decisions:record': G.DecisionRecordInput,
  'backups:list': NoInput,
  'backups:save-copy': NoInput,
  'backups:restore': BackupRestoreInput,
  'data:export-everything': NoInput,
  'ledger-import:choose-file': NoInput,
  'ledger-import:preview': LI.ImportPreviewInput,
  'ledger-import:run': LI.ImportRunInput,
  'ledger-import:cancel': LI.ImportTokenInput,
} satisfies Record<Channel, z.ZodType>

export interface Outputs {
  'app:info': AppInfo
  'profile:get': BusinessProfile | null
  'profile:save': BusinessProfile
  'sample:load': SampleLoadResult
  'sample:remove': SampleRemoveResult
  'clients:list': ClientPage
  'clients:get': Client
  'clients:create': Client
  'clients:update': Client
  'clients:archive': Client
  'clients:restore': Client
  'clients:tags': string[]
  'system:open-data-folder': null
  'planner-settings:save': PlannerSettings
  'turnarounds:list': TurnaroundSummary[]
  'turnarounds:get': TurnaroundDetail
  'turnarounds:open': TurnaroundDetail
  'turnarounds:update': TurnaroundDetail
  'turnarounds:hand-over': TurnaroundDetail
  'turnarounds:record-agreement': TurnaroundDetail
  'turnarounds:set-client-commitment': TurnaroundDetail
  'turnarounds:agree-plan': TurnaroundDetail
  'turnarounds:close': TurnaroundDetail
  'turnarounds:check-in': TurnaroundDetail
  'turnarounds:delete': { deleted: number }
  'issues:save': TurnaroundDetail
  'issues:delete': TurnaroundDetail
  'actions:save': TurnaroundDetail
  'actions:delete': TurnaroundDetail
  'actions:move': TurnaroundDetail
  'actions:reset-order': TurnaroundDetail
  'commitments:save': TurnaroundDetail
  'commitments:mark-done': TurnaroundDetail
  'commitments:mark-missed': TurnaroundDetail
  'commitments:renegotiate': TurnaroundDetail
  'commitments:delete': TurnaroundDetail
  'touchpoints:save': TouchpointView
  'touchpoints:delete': { deleted: number }
  'touchpoints:list': TouchpointView[]
  'today:get': TodayData
  'trends:get': TrendsData
  'letters:list': LetterSummary[]
  'letters:get': LetterRecord
  'letters:start': LetterDraftResult
  'letters:from-stored': LetterDraftResult
  'letters:render': RenderedPdf
  'letters:render-stored': RenderedPdf
  'letters:export': LetterExportResult
  'letters:reexport': LetterReexportResult
  'letters:open-file': null
  'letter-templates:list': LetterTemplateView[]
  'letter-templates:save': LetterTemplateView
  'letter-templates:reset': LetterTemplateView
  'letter-templates:preview': LetterDraftResult
  'letter-settings:save': LetterSettings
  'staff:list': StaffMember[]
  'staff:save': StaffMember
  'staff:delete': { deleted: number }
  'risk-limits:get': RiskLimits
  'risk-limits:save': RiskLimits
  'ledger:list': LedgerEntryView[]
  'ledger:save': LedgerEntryView
  'ledger:delete': { deleted: number }
  'ledger:client-figures': ClientPageFigures
  'ledger:portfolio': PortfolioFigures
  'ledger:client-months': ClientMonth[]
  'ledger:export-csv': CsvExportResult
  'ledger:export-figures-csv': CsvExportResult
  'decisions:get-panel': DecisionPanel
  'decisions:record': DecisionPanel
  'backups:list': BackupList
  'backups:save-copy': BackupCopyResult
  'backups:restore': RestoreResult
  'data:export-everything': ExportEverythingResult
  'ledger-import:choose-file': ChosenImportFile | null
  'ledger-import:preview': ImportPreview
  'ledger-import:run': ImportResult
  'ledger-import:cancel': { cancelling: boolean }
}

type Schemas = typeof inputSchemas
/** What a caller may send (defaults filled in by main). */
export type Input<C extends Channel> = z.input<Schemas[C]>
/** What a handler receives after parsing. */
export type ParsedInput<C extends Channel> = z.output<Schemas[C]>
export type Output<C extends Channel> = Outputs[C]

/** Compile-time check that every channel has an output type. */
export type _OutputsCoverChannels = Record<Channel, unknown> extends { [K in keyof Outputs]: unknown } ? true : never
