/**
 * Who is at this desktop, and the versions that keep two people's edits from silently overwriting
 * each other. Every record people edit (clients, turnarounds, issues, commitments, ledger entries)
 * has a version: an edit names the version it was made on, and the UPDATE that raises it checks
 * it in the same statement (`... WHERE id = :id AND version = :seen`). On PostgreSQL a second
 * desktop's UPDATE of the same row waits for the first to commit, then finds the version moved on
 * and changes nothing; the save is refused with who changed it and when. Nothing is lost: the
 * refused edit stays in its form, and the other version is what the database holds.
 */
import {
  EventSubscriber,
  type DataSource,
  type EntityManager,
  type EntitySubscriberInterface,
  type EntityTarget,
  type InsertEvent,
  type ObjectLiteral,
  type UpdateEvent,
} from 'typeorm'
import { DomainError, notFound } from '../domain-error'
import { engineOf } from './engine'

const users = new WeakMap<DataSource, string>()

/** Names the person at this desktop for the records this data source writes. */
export function setDeskUser(dataSource: DataSource, name: string): void {
  users.set(dataSource, name.trim().slice(0, 120))
}

export function deskUserOf(m: EntityManager | DataSource): string {
  const ds = 'connection' in m ? m.connection : m
  return users.get(ds) ?? ''
}

/**
 * Fills in who created a versioned record on every insert through TypeORM, and names who changed
 * it last on every save that moves its `updatedAt` (marking a commitment done, handing a
 * turnaround over: changes that are not edits of a form and so claim no version), so "last changed
 * by" and "at" always speak of the same change.
 */
@EventSubscriber()
export class RecordAuthorSubscriber implements EntitySubscriberInterface {
  beforeInsert(event: InsertEvent<ObjectLiteral>): void {
    const e = event.entity
    if (!e || !event.metadata.findColumnWithPropertyName('createdBy')) return
    const user = users.get(event.connection) ?? ''
    if (!e.createdBy) e.createdBy = user
    if (!e.updatedBy) e.updatedBy = user
  }

  async afterUpdate(event: UpdateEvent<ObjectLiteral>): Promise<void> {
    const id: unknown = event.entity?.id ?? event.databaseEntity?.id
    const column = event.metadata.findColumnWithPropertyName('updatedBy')
    if (typeof id !== 'number' || !column) return
    if (!event.updatedColumns.some((c) => c.propertyName === 'updatedAt')) return
    const engine = engineOf(event.manager)
    await event.queryRunner.query(
      `UPDATE ${event.metadata.tableName} SET ${column.databaseName} = ${engine.param(1)} WHERE id = ${engine.param(2)}`,
      [users.get(event.connection) ?? '', id],
    )
  }
}

/** "10:42" today, "3 Dec 2026 at 10:42" another day, in this computer's time zone. */
export function whenChanged(stamp: string, now: Date): string {
  const at = new Date(stamp)
  if (Number.isNaN(at.getTime())) return 'an unknown time'
  const time = at.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })
  if (at.toDateString() === now.toDateString()) return time
  return `${at.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' })} at ${time}`
}

export interface VersionClaim {
  /** The version the edit was made on; undefined skips the check (a write that is not an edit of a form). */
  seen: number | undefined
  /** What the record is, for the message: "This client". */
  what: string
  now: Date
}

/**
 * Raises the record's version and names this desktop's user as its last editor, in one UPDATE that
 * also checks the version the edit was made on. Run first in the edit's transaction: the row is
 * then held until the edit commits. Throws CONFLICT when someone else saved it since.
 */
export async function claimVersion<T extends ObjectLiteral>(
  m: EntityManager,
  entity: EntityTarget<T>,
  id: number,
  claim: VersionClaim,
): Promise<void> {
  const table = m.connection.getMetadata(entity).tableName
  const engine = engineOf(m)
  const p = (n: number) => engine.param(n)
  const check = claim.seen === undefined ? '' : ` AND version = ${p(3)}`
  const runner = m.queryRunner ?? m.connection.createQueryRunner()
  try {
    const result = await runner.query(
      `UPDATE ${table} SET version = version + 1, updated_by = ${p(1)} WHERE id = ${p(2)}${check}`,
      claim.seen === undefined ? [deskUserOf(m), id] : [deskUserOf(m), id, claim.seen],
      true,
    )
    if (result.affected === 1) return
  } finally {
    if (!m.queryRunner) await runner.release()
  }
  const current = (await m.findOne(entity, { where: { id } as never })) as {
    updatedBy: string
    updatedAt: string
  } | null
  if (!current) throw notFound(claim.what.replace(/^This /, '').toLowerCase())
  const who = current.updatedBy || 'someone at another desktop'
  throw new DomainError(
    'CONFLICT',
    `${claim.what} was changed by ${who} at ${whenChanged(current.updatedAt, claim.now)} since you opened it. Your changes were not saved and are still in the form: compare them with the saved version, then save again.`,
  )
}
