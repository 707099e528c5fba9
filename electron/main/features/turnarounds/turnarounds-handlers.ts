import type { HandlersOf } from '../../../shared/contract-kit'
import type { turnaroundsContract } from '../../../shared/turnarounds/contract'
import type { ProfileService } from '../profile'
import { ClientCommitmentService } from './client-commitment-service'
import { CommitmentsService } from './commitments-service'
import { PlanService } from './plan-service'
import { TurnaroundsContext, type TurnaroundsDeps } from './turnarounds-context'
import { todayData } from './today-query'
import { TouchpointsService } from './touchpoints-service'
import { trendsData } from './trends-query'
import { TurnaroundsService } from './turnarounds-service'

export function createTurnaroundServices(deps: TurnaroundsDeps) {
  const ctx = new TurnaroundsContext(deps)
  return {
    ctx,
    turnarounds: new TurnaroundsService(ctx),
    clientCommitment: new ClientCommitmentService(ctx),
    plan: new PlanService(ctx),
    commitments: new CommitmentsService(ctx),
    touchpoints: new TouchpointsService(ctx),
  }
}

export type TurnaroundServices = ReturnType<typeof createTurnaroundServices>

/** The planner's channels mapped to its services. */
export function createTurnaroundHandlers(
  p: TurnaroundServices,
  profile: ProfileService,
): HandlersOf<typeof turnaroundsContract> {
  const { turnarounds, clientCommitment, plan, commitments, touchpoints, ctx } = p
  return {
    'planner-settings:save': (s) => profile.savePlannerSettings(s),
    'turnarounds:list': ({ state, clientId }) => turnarounds.list(state, clientId),
    'turnarounds:get': ({ id }) => turnarounds.get(id),
    'turnarounds:open': (input) => turnarounds.open(input),
    'turnarounds:update': ({ id, details, version }) => turnarounds.update(id, details, version),
    'turnarounds:hand-over': ({ id, toOwner, reason, handedOn }) => turnarounds.handOver(id, toOwner, reason, handedOn),
    'turnarounds:record-agreement': ({ id, agreedOn, via, missingNote }) =>
      turnarounds.recordAgreement(id, agreedOn, via, missingNote),
    'turnarounds:set-client-commitment': ({ id, parts }) => clientCommitment.set(id, parts),
    'client-commitments:mark': (input) => clientCommitment.mark(input),
    'turnarounds:agree-plan': ({ id, agreedOn }) => turnarounds.agreePlan(id, agreedOn),
    'turnarounds:close': ({ id, outcome, closedOn, note, checkInAfterDays }) =>
      turnarounds.close(id, outcome, closedOn, note, checkInAfterDays),
    'turnarounds:check-in': ({ id, checkedInOn }) => turnarounds.checkIn(id, checkedInOn),
    'turnarounds:delete': ({ id }) => turnarounds.delete(id),
    'issues:save': ({ turnaroundId, id, issue, version }) => plan.saveIssue(turnaroundId, id, issue, version),
    'issues:delete': ({ id }) => plan.deleteIssue(id),
    'actions:save': ({ turnaroundId, id, action }) => plan.saveAction(turnaroundId, id, action),
    'actions:delete': ({ id }) => plan.deleteAction(id),
    'actions:move': ({ id, direction }) => plan.moveAction(id, direction),
    'actions:reset-order': ({ turnaroundId }) => plan.resetOrder(turnaroundId),
    'commitments:save': ({ turnaroundId, id, commitment, version }) =>
      commitments.save(turnaroundId, id, commitment, version),
    'commitments:mark-done': ({ id, doneOn }) => commitments.markDone(id, doneOn),
    'commitments:mark-missed': ({ id }) => commitments.markMissed(id),
    'commitments:renegotiate': ({ id, newDueOn, reason }) => commitments.renegotiate(id, newDueOn, reason),
    'commitments:delete': ({ id }) => commitments.delete(id),
    'touchpoints:save': ({ clientId, turnaroundId, id, touchpoint }) =>
      touchpoints.save(clientId, turnaroundId, id, touchpoint),
    'touchpoints:delete': ({ id }) => touchpoints.delete(id),
    'touchpoints:list': ({ clientId }) => touchpoints.list(clientId),
    'today:get': async () => todayData(ctx.deps.manager, ctx.today(), (await ctx.deps.settings()).warningWindowDays),
    'trends:get': ({ from, to }) => trendsData(ctx.deps.manager, from, to),
  }
}
