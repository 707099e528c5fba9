import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm'
import { builtById, builtFind } from '../../db/built-query'
import {
  ActionEntity,
  ClientCommitmentPartEntity,
  ClientEntity,
  CommitmentEntity,
  HandoverEntity,
  IssueEntity,
  TouchpointEntity,
  TurnaroundEntity,
} from '../../db/entities'
import { notFound } from '../../domain-error'
import type {
  AgreementChanges,
  CommitmentView,
  IssueView,
  PlannerSettings,
  TouchpointView,
  TurnaroundDetail,
} from '../../../shared/turnarounds/models'
import { NEXT_STEP, clientPartState, commitmentState, rankActions } from '../../../shared/turnarounds/rules'

interface SnapshotItem {
  id: number
  statement: string
}

export function parseSnapshot(json: string | null): SnapshotItem[] | null {
  if (json === null) return null
  try {
    const parsed: unknown = JSON.parse(json)
    return Array.isArray(parsed) ? (parsed as SnapshotItem[]) : []
  } catch {
    return []
  }
}

/** The agreed list against today's list (dropped issues count as removed). */
export function agreementChanges(
  snapshot: SnapshotItem[],
  issues: Pick<IssueView, 'id' | 'statement' | 'status'>[],
): AgreementChanges {
  const live = issues.filter((i) => i.status !== 'dropped')
  const before = new Map(snapshot.map((s) => [s.id, s.statement]))
  const now = new Map(live.map((i) => [i.id, i.statement]))
  return {
    added: live.filter((i) => !before.has(i.id)).map((i) => i.statement),
    removed: snapshot.filter((s) => !now.has(s.id)).map((s) => s.statement),
    reworded: live
      .filter((i) => before.has(i.id) && before.get(i.id) !== i.statement)
      .map((i) => ({ before: before.get(i.id) as string, after: i.statement })),
  }
}

export function toTouchpointView(t: TouchpointEntity): TouchpointView {
  return {
    id: t.id,
    clientId: t.clientId,
    turnaroundId: t.turnaroundId,
    kind: t.kind,
    occurredOn: t.occurredOn,
    who: t.who,
    minutes: t.minutes,
    summary: t.summary,
    isCheckIn: Boolean(t.isCheckIn),
  }
}

/**
 * A turnaround's rows of one kind in the page's order: by `by` (when given), then by id, both in
 * `direction`; their SQL written once per database.
 */
const ofTurnaround = <E extends ObjectLiteral>(entity: EntityTarget<E>, direction: 'ASC' | 'DESC', by?: string) =>
  builtFind(
    (m, { id }: { id: number }) => {
      const q = m.createQueryBuilder(entity, 'x').where('x.turnaroundId = :id', { id })
      if (by) q.addOrderBy(`x.${by}`, direction)
      return q.addOrderBy('x.id', direction)
    },
    ['id'],
  )

const turnaroundById = builtById(TurnaroundEntity)
const clientById = builtById(ClientEntity)
const issuesOf = ofTurnaround(IssueEntity, 'ASC', 'raisedOn')
const actionsOf = ofTurnaround(ActionEntity, 'ASC')
const commitmentsOf = ofTurnaround(CommitmentEntity, 'ASC', 'dueOn')
const touchpointsOf = ofTurnaround(TouchpointEntity, 'DESC', 'occurredOn')
const handoversOf = ofTurnaround(HandoverEntity, 'ASC', 'handedOn')
const clientPartsOf = ofTurnaround(ClientCommitmentPartEntity, 'ASC', 'position')

/** Everything the turnaround page shows, read in one go. */
export async function loadDetail(
  m: EntityManager,
  id: number,
  today: string,
  settings: Pick<PlannerSettings, 'warningWindowDays' | 'quickWinMaxEffortMinutes'>,
): Promise<TurnaroundDetail> {
  const t = await turnaroundById(m, id)
  if (!t) throw notFound('turnaround')
  const [client, issueRows, actionRows, commitmentRows, touchpointRows, handoverRows, partRows] = await Promise.all([
    clientById(m, t.clientId),
    issuesOf(m, { id }),
    actionsOf(m, { id }),
    commitmentsOf(m, { id }),
    touchpointsOf(m, { id }),
    handoversOf(m, { id }),
    clientPartsOf(m, { id }),
  ])
  if (!client) throw notFound('client')
  const snapshot = parseSnapshot(t.agreementSnapshot)
  const agreedIds = new Set((snapshot ?? []).map((s) => s.id))
  const issues: IssueView[] = issueRows.map((i) => ({
    id: i.id,
    statement: i.statement,
    clientWords: i.clientWords,
    clientWording: i.clientWording,
    isGeneral: Boolean(i.isGeneral),
    rootCause: i.rootCause,
    reality: i.reality,
    severity: i.severity,
    staffMember: i.staffMember,
    product: i.product,
    successCriterion: i.successCriterion,
    status: i.status,
    prevention: i.prevention,
    raisedOn: i.raisedOn,
    addedAfterAgreement: snapshot !== null && !agreedIds.has(i.id),
    version: i.version,
    createdBy: i.createdBy,
    updatedBy: i.updatedBy,
    createdAt: i.createdAt,
    updatedAt: i.updatedAt,
  }))
  const commitments: CommitmentView[] = commitmentRows.map((c) => ({
    id: c.id,
    party: c.party,
    description: c.description,
    dueOn: c.dueOn,
    originalDueOn: c.originalDueOn,
    status: c.status,
    doneOn: c.doneOn,
    renegotiationReason: c.renegotiationReason,
    state: commitmentState(c.status, c.dueOn, today, settings.warningWindowDays),
    version: c.version,
    createdBy: c.createdBy,
    updatedBy: c.updatedBy,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  }))
  const ours = commitments.filter(
    (c) => c.party === 'us' && (c.status === 'done' || c.status === 'missed' || c.dueOn < today),
  )
  const onTime = ours.filter((c) => c.status === 'done' && c.doneOn !== null && c.doneOn <= c.dueOn).length
  return {
    id: t.id,
    version: t.version,
    createdBy: t.createdBy,
    updatedBy: t.updatedBy,
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
    clientId: t.clientId,
    clientName: client.name,
    openedOn: t.openedOn,
    owner: t.owner,
    firstHeardBy: t.firstHeardBy,
    channel: t.channel,
    clientWords: t.clientWords,
    clientExpectation: t.clientExpectation,
    responsePromisedOn: t.responsePromisedOn,
    followUpEveryDays: t.followUpEveryDays,
    nextFollowUpOn: t.nextFollowUpOn,
    lastTouchpointOn: t.lastTouchpointOn,
    issuesAgreedOn: t.issuesAgreedOn,
    issuesAgreedVia: t.issuesAgreedVia,
    agreementMissingNote: t.agreementMissingNote,
    agreementChanges: snapshot === null ? null : agreementChanges(snapshot, issues),
    clientCommitments: partRows.map((p) => ({
      id: p.id,
      kind: p.kind,
      description: p.description,
      amountMinor: p.amountMinor,
      dueOn: p.dueOn,
      metWhen: p.metWhen,
      status: p.settledAs ?? 'open',
      keptOn: p.keptOn,
      state: clientPartState(p.settledAs, p.dueOn, today, settings.warningWindowDays),
    })),
    planAgreedOn: t.planAgreedOn,
    closedOn: t.closedOn,
    outcome: t.outcome,
    closingNote: t.closingNote,
    checkInDueOn: t.checkInDueOn,
    checkedInOn: t.checkedInOn,
    stage: t.stage,
    nextStep: NEXT_STEP[t.stage],
    issues,
    actions: rankActions(
      actionRows.map((a) => ({ ...a, manualRank: a.manualRank })),
      settings.quickWinMaxEffortMinutes,
    ).map((a) => ({
      id: a.id,
      issueId: a.issueId,
      title: a.title,
      impact: a.impact,
      effortMinutes: a.effortMinutes,
      costMinor: a.costMinor,
      party: a.party,
      responsible: a.responsible,
      dueOn: a.dueOn,
      status: a.status,
      manualRank: a.manualRank,
      quickWin: a.quickWin,
      score: a.score,
    })),
    commitments,
    touchpoints: touchpointRows.map(toTouchpointView),
    handovers: handoverRows.map((h) => ({
      id: h.id,
      handedOn: h.handedOn,
      fromOwner: h.fromOwner,
      toOwner: h.toOwner,
      reason: h.reason,
    })),
    onTimeShare: ours.length === 0 ? null : onTime / ours.length,
    isSample: Boolean(t.isSample),
  }
}
