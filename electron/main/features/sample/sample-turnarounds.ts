/**
 * The sample business's turnarounds: fourteen clients at every stage of the practice, from a
 * complaint still being listened to, to a client let go by letter and one recovered client whose
 * check-in falls due in the next few days.
 *
 * Everything is written through the planner's own services (open, issues, agreement, the
 * client's commitment, touchpoints, the plan, actions, commitments, closing, check-ins), so every
 * rule they enforce holds for the sample too and each stage is derived, not set. Dates count from
 * `today`, never after it (touchpoints, agreements, done dates), so the sample looks the same
 * whichever day it is loaded: the same commitments at risk, the same overdue follow-up.
 */
import { addDays } from '../../../shared/dates'
import {
  ActionInput,
  CommitmentInput,
  IssueInput,
  TouchpointInput,
  TurnaroundOpenInput,
} from '../../../shared/turnarounds/schemas'
import type { TurnaroundServices } from '../turnarounds'
import { CLOSED_STORIES } from './sample-stories-closed'
import { EARLY_STORIES } from './sample-stories-early'
import { IN_PROGRESS_STORIES } from './sample-stories-in-progress'
import type { Days, Scenario } from './sample-story-types'

/**
 * The stories, one per client. Where they end (derived from the data, see rules.ts deriveStage):
 * The Salt House listening, Patel Pharmacy issues agreed, Quayside Yacht Club client committed,
 * Lindqvist Interiors follow-up sent, Alder Court Care Home plan agreed, Acme & Sons, Brightwater
 * Dental and Wild Thyme Catering in progress, Marigold Florist, Tanaka Ramen Bar, Pâtisserie Dubois
 * and Fraser & Lowe Consulting closed recovered, Chen & Partners and Ana Lucía Ortega closed let go.
 */
export const SAMPLE_TURNAROUNDS: readonly Scenario[] = [...EARLY_STORIES, ...IN_PROGRESS_STORIES, ...CLOSED_STORIES]

type SampleClient = { id: number; name: string; status: string }

/** The statuses a stand-in client may have when a scenario's own client is not in the register. */
function standInStatuses(s: Scenario): readonly string[] {
  if (!s.close) return ['in_turnaround', 'at_risk']
  return [s.close.outcome]
}

/**
 * Opens the sample turnarounds for the sample clients, through the planner's services, inside the
 * caller's transaction. A scenario whose client is missing uses an unused client of the same kind,
 * or is left out. Returns how many turnarounds it opened.
 */
export async function loadSampleTurnarounds(
  planner: TurnaroundServices,
  clients: Array<{ id: number; name: string; status: string }>,
  today: string,
): Promise<number> {
  const on = (days: Days) => addDays(today, days)
  const used = new Set<number>()
  const pick = (s: Scenario): SampleClient | undefined => {
    const named = clients.find((c) => c.name === s.client && !used.has(c.id))
    if (named) return named
    const statuses = standInStatuses(s)
    return clients.find(
      (c) => statuses.includes(c.status) && !used.has(c.id) && !SAMPLE_TURNAROUNDS.some((o) => o.client === c.name),
    )
  }

  let opened = 0
  for (const s of SAMPLE_TURNAROUNDS) {
    const client = pick(s)
    if (!client) continue
    used.add(client.id)
    await playScenario(planner, client.id, s, on)
    opened++
  }
  return opened
}

async function playScenario(
  planner: TurnaroundServices,
  clientId: number,
  s: Scenario,
  on: (days: Days) => string,
): Promise<void> {
  const { turnarounds, clientCommitment, plan, commitments, touchpoints } = planner
  const { opened, responsePromised, ...details } = s.open
  const t = await turnarounds.open(
    TurnaroundOpenInput.parse({
      ...details,
      clientId,
      openedOn: on(opened),
      responsePromisedOn: responsePromised === undefined ? null : on(responsePromised),
    }),
    { isSample: true },
  )
  const id = t.id

  // The issues as first heard; those raised after the agreement come after it.
  const issueIds = new Map<number, number>()
  const saveIssues = async (afterAgreement: boolean): Promise<void> => {
    for (const [index, { raised, afterAgreement: after, ...issue }] of s.issues.entries()) {
      if (Boolean(after) !== afterAgreement) continue
      const detail = await plan.saveIssue(id, undefined, IssueInput.parse({ ...issue, raisedOn: on(raised) }))
      issueIds.set(index, Math.max(...detail.issues.map((i) => i.id)))
    }
  }
  await saveIssues(false)
  if (s.handover) await turnarounds.handOver(id, s.handover.to, s.handover.reason, on(s.handover.on))
  if (s.agreement)
    await turnarounds.recordAgreement(id, on(s.agreement.on), s.agreement.via, s.agreement.missingNote ?? '')
  await saveIssues(true)

  if (s.clientCommitment)
    await clientCommitment.set(
      id,
      s.clientCommitment.map((c) => ({
        kind: c.kind,
        description: c.description,
        amountMinor: c.amountMinor ?? null,
        dueOn: c.due === undefined ? null : on(c.due),
        metWhen: c.metWhen ?? '',
      })),
    )

  for (const { on: day, ...touchpoint } of s.touchpoints.filter((tp) => !tp.isCheckIn)) {
    await touchpoints.save(clientId, id, undefined, TouchpointInput.parse({ ...touchpoint, occurredOn: on(day) }), {
      allowFuture: false,
    })
  }

  if (s.planAgreed !== undefined) await turnarounds.agreePlan(id, on(s.planAgreed))

  for (const { issue, due, ...action } of s.actions ?? []) {
    const issueId = issue === undefined ? null : (issueIds.get(issue) ?? null)
    await plan.saveAction(
      id,
      undefined,
      ActionInput.parse({ ...action, issueId, dueOn: due === undefined ? null : on(due) }),
    )
  }

  for (const c of s.commitments ?? []) {
    const detail = await commitments.save(
      id,
      undefined,
      CommitmentInput.parse({ party: c.party, description: c.description, dueOn: on(c.due) }),
    )
    const commitmentId = Math.max(...detail.commitments.map((x) => x.id))
    if (c.done !== undefined) await commitments.markDone(commitmentId, on(c.done))
    else if (c.missed) await commitments.markMissed(commitmentId)
    else if (c.renegotiate) await commitments.renegotiate(commitmentId, on(c.renegotiate.to), c.renegotiate.reason)
  }

  if (s.close) await turnarounds.close(id, s.close.outcome, on(s.close.on), s.close.note, s.close.checkInAfterDays)

  // Check-ins come after closing: a check-in touchpoint records itself as the check-in.
  for (const { on: day, ...touchpoint } of s.touchpoints.filter((tp) => tp.isCheckIn)) {
    await touchpoints.save(clientId, id, undefined, TouchpointInput.parse({ ...touchpoint, occurredOn: on(day) }), {
      allowFuture: false,
    })
  }
  if (s.checkedIn !== undefined) await turnarounds.checkIn(id, on(s.checkedIn))
}
