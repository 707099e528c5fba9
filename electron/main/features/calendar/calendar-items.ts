import type { EntityManager } from 'typeorm'
import { ClientCommitmentPartEntity, CommitmentEntity, TurnaroundEntity } from '../../db/entities'
import { notFound } from '../../domain-error'
import type { CalendarItemKind } from '../../../shared/reminders/schemas'

/** One event of the calendar: a dated thing the owner must not miss. */
export interface CalendarItem {
  kind: CalendarItemKind
  /** Stable for the thing, so a calendar moves the event when its date moves. */
  uid: string
  /** The day (YYYY-MM-DD). */
  on: string
  summary: string
  description: string
}

const DOMAIN = 'turnaround-desk'
export const calendarUid = (kind: CalendarItemKind, id: number) => `${kind.replace('_', '-')}-${id}@${DOMAIN}`

interface CommitmentRow {
  id: number
  party: 'us' | 'client'
  description: string
  dueOn: string
  clientName: string
}
interface TurnaroundRow {
  id: number
  clientName: string
  owner: string
  on: string
}

function commitmentItem(r: CommitmentRow): CalendarItem {
  const whose = r.party === 'us' ? 'Our commitment' : 'Client’s commitment'
  return {
    kind: 'commitment',
    uid: calendarUid('commitment', Number(r.id)),
    on: r.dueOn,
    summary: `${r.clientName}: ${r.description}`,
    description: `${whose} to ${r.clientName}, due this day. Agreed in the turnaround in Turnaround Desk.`,
  }
}
function clientPartItem(r: CommitmentRow): CalendarItem {
  return {
    kind: 'client_commitment',
    uid: calendarUid('client_commitment', Number(r.id)),
    on: r.dueOn,
    summary: `${r.clientName}: ${r.description}`,
    description: `Part of ${r.clientName}’s commitment, due this day. Mark it kept or not kept in Turnaround Desk.`,
  }
}
function followUpItem(r: TurnaroundRow): CalendarItem {
  return {
    kind: 'follow_up',
    uid: calendarUid('follow_up', Number(r.id)),
    on: r.on,
    summary: `Follow up with ${r.clientName}`,
    description: `The turnaround’s next follow-up (${r.owner} owns it). Log it in Turnaround Desk once done.`,
  }
}
function checkInItem(r: TurnaroundRow): CalendarItem {
  return {
    kind: 'check_in',
    uid: calendarUid('check_in', Number(r.id)),
    on: r.on,
    summary: `Check in with ${r.clientName}`,
    description: `A few months after the turnaround closed: ask how things are going.`,
  }
}

const commitments = (m: EntityManager) =>
  m
    .createQueryBuilder(CommitmentEntity, 'c')
    .innerJoin(TurnaroundEntity, 't', 't.id = c.turnaround_id')
    .innerJoin('clients', 'cl', 'cl.id = t.client_id')
    .select(['c.id AS id', 'c.party AS party', 'c.description AS description', 'c.due_on AS "dueOn"'])
    .addSelect('cl.name', 'clientName')
    .where("c.status IN ('open', 'renegotiated')")
    .andWhere('t.closed_on IS NULL')

/** The client's commitment: its open parts that have a date. */
const clientParts = (m: EntityManager) =>
  m
    .createQueryBuilder(ClientCommitmentPartEntity, 'p')
    .innerJoin(TurnaroundEntity, 't', 't.id = p.turnaround_id')
    .innerJoin('clients', 'cl', 'cl.id = t.client_id')
    .select(['p.id AS id', 'p.description AS description', 'p.due_on AS "dueOn"'])
    .addSelect('cl.name', 'clientName')
    .where('p.settled_as IS NULL')
    .andWhere('p.due_on IS NOT NULL')
    .andWhere('t.closed_on IS NULL')

const followUps = (m: EntityManager) =>
  m
    .createQueryBuilder(TurnaroundEntity, 't')
    .innerJoin('clients', 'cl', 'cl.id = t.client_id')
    .select(['t.id AS id', 't.owner AS owner', 't.next_follow_up_on AS "on"'])
    .addSelect('cl.name', 'clientName')
    .where('t.closed_on IS NULL')
    .andWhere('t.next_follow_up_on IS NOT NULL')

/** The check-ins of closed turnarounds not yet made: from the index of pending check-ins alone (migration 0018). */
export const checkIns = (m: EntityManager) =>
  m
    .createQueryBuilder(TurnaroundEntity, 't')
    .innerJoin('clients', 'cl', 'cl.id = t.client_id')
    .select(['t.id AS id', 't.owner AS owner', 't.check_in_due_on AS "on"'])
    .addSelect('cl.name', 'clientName')
    .where('t.closed_on IS NOT NULL')
    .andWhere('t.checked_in_on IS NULL')
    .andWhere('t.check_in_due_on IS NOT NULL')

/** Every open commitment (ours, the client's, each dated part of the client's commitment), follow-up and check-in: the feed's events, by date. */
export async function allCalendarItems(m: EntityManager): Promise<CalendarItem[]> {
  const items = [
    ...(await commitments(m).getRawMany<CommitmentRow>()).map(commitmentItem),
    ...(await clientParts(m).getRawMany<CommitmentRow>()).map(clientPartItem),
    ...(await followUps(m).getRawMany<TurnaroundRow>()).map(followUpItem),
    ...(await checkIns(m).getRawMany<TurnaroundRow>()).map(checkInItem),
  ]
  return items.sort((a, b) => a.on.localeCompare(b.on) || a.uid.localeCompare(b.uid))
}

/** One commitment (by its id), follow-up or check-in (by its turnaround's id) as an event. */
export async function oneCalendarItem(m: EntityManager, kind: CalendarItemKind, id: number): Promise<CalendarItem> {
  if (kind === 'commitment') {
    const row = await commitments(m).andWhere('c.id = :id', { id }).getRawOne<CommitmentRow>()
    if (!row) throw notFound('open commitment')
    return commitmentItem(row)
  }
  if (kind === 'client_commitment') {
    const row = await clientParts(m).andWhere('p.id = :id', { id }).getRawOne<CommitmentRow>()
    if (!row) throw notFound('open part of the client’s commitment')
    return clientPartItem(row)
  }
  const row = await (kind === 'follow_up' ? followUps(m) : checkIns(m))
    .andWhere('t.id = :id', { id })
    .getRawOne<TurnaroundRow>()
  if (!row) throw notFound(kind === 'follow_up' ? 'follow-up' : 'check-in')
  return kind === 'follow_up' ? followUpItem(row) : checkInItem(row)
}
