/** The turnarounds' channels: the turnaround itself, its issues, plan, commitments and touchpoints, Today and Trends. */
import { IdInput, NoInput } from '../schemas'
import { returns, route } from '../contract-kit'
import type {
  PlannerSettings,
  TodayData,
  TouchpointView,
  TrendsData,
  TurnaroundDetail,
  TurnaroundSummary,
} from './models'
import * as T from './schemas'

const detail = returns<TurnaroundDetail>()

export const turnaroundsContract = {
  'planner-settings:save': route(T.PlannerSettingsInput, returns<PlannerSettings>()),
  'turnarounds:list': route(T.TurnaroundListQuery, returns<TurnaroundSummary[]>()),
  'turnarounds:get': route(IdInput, detail),
  'turnarounds:open': route(T.TurnaroundOpenInput, detail),
  'turnarounds:update': route(T.TurnaroundUpdateInput, detail),
  'turnarounds:hand-over': route(T.HandoverInput, detail),
  'turnarounds:record-agreement': route(T.AgreementInput, detail),
  'turnarounds:set-client-commitment': route(T.ClientCommitmentInput, detail),
  'client-commitments:mark': route(T.ClientPartMarkInput, detail),
  'turnarounds:agree-plan': route(T.PlanAgreementInput, detail),
  'turnarounds:close': route(T.CloseInput, detail),
  'turnarounds:check-in': route(T.CheckInInput, detail),
  'turnarounds:delete': route(IdInput, returns<{ deleted: number }>()),
  'issues:save': route(T.IssueSaveInput, detail),
  'issues:delete': route(IdInput, detail),
  'actions:save': route(T.ActionSaveInput, detail),
  'actions:delete': route(IdInput, detail),
  'actions:move': route(T.ActionMoveInput, detail),
  'actions:reset-order': route(T.TurnaroundIdInput, detail),
  'commitments:save': route(T.CommitmentSaveInput, detail),
  'commitments:mark-done': route(T.CommitmentDoneInput, detail),
  'commitments:mark-missed': route(IdInput, detail),
  'commitments:renegotiate': route(T.CommitmentRenegotiateInput, detail),
  'commitments:delete': route(IdInput, detail),
  'touchpoints:save': route(T.TouchpointSaveInput, returns<TouchpointView>()),
  'touchpoints:delete': route(IdInput, returns<{ deleted: number }>()),
  'touchpoints:list': route(T.ClientIdInput, returns<TouchpointView[]>()),
  'today:get': route(NoInput, returns<TodayData>()),
  'trends:get': route(T.TrendsQuery, returns<TrendsData>()),
}
