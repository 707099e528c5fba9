/**
 * The reads of the letters on record that the Letters page and the save dialog make, each answered
 * in the order of an index (migrations 0003 and 0016), whatever the history holds.
 */
import type { EntityManager, SelectQueryBuilder } from 'typeorm'
import { ClientEntity, LetterEmailEntity, LetterEntity } from '../../db/entities'

/**
 * The letter saved to a file last (its id and file), whose folder the save dialog opens in: the
 * last entry of the letters' index by save time (migration 0016), one row whatever the history holds.
 */
export function lastSavedLetter(m: EntityManager): SelectQueryBuilder<LetterEntity> {
  return m
    .createQueryBuilder(LetterEntity, 'l')
    .select(['l.id', 'l.filePath'])
    .where("l.filePath <> ''")
    .orderBy('l.exportedAt', 'DESC')
    .addOrderBy('l.id', 'DESC')
    .limit(1)
}

/**
 * `limit` letters on record from the `offset`-th, newest first (by date, then the latest written),
 * with their client's name: all of them, or one client's. The order is an index's own
 * (idx_letters_date, or idx_letters_client_date for one client; SQLite keeps each row's id in its
 * indexes), so a page reads its own rows and those before it, never a sort of every letter.
 */
export function letterPageQuery(
  m: EntityManager,
  clientId: number | null,
  offset: number,
  limit: number,
): SelectQueryBuilder<LetterEntity> {
  const q = m
    .createQueryBuilder(LetterEntity, 'l')
    .innerJoin(ClientEntity, 'c', 'c.id = l.clientId')
    .select([
      'l.id',
      'l.clientId',
      'l.turnaroundId',
      'l.kind',
      'l.letterDate',
      'l.subject',
      'l.filePath',
      'l.contentHash',
      'l.exportedAt',
      'l.isSample',
    ])
    .addSelect('c.name', 'client_name')
    .orderBy('l.letterDate', 'DESC')
    .addOrderBy('l.id', 'DESC')
    .offset(offset)
    .limit(limit)
  return clientId === null ? q : q.where('l.clientId = :clientId', { clientId })
}

/**
 * Whether any letter on record, or any of one client's, was sent by email: one EXISTS over the
 * letters' emails (by idx_letter_emails_letter, and idx_letters_client_date for one client).
 */
export function anyEmailedQuery(m: EntityManager, clientId: number | null): SelectQueryBuilder<LetterEmailEntity> {
  const q = m.createQueryBuilder(LetterEmailEntity, 'e')
  return clientId === null
    ? q
    : q.innerJoin(LetterEntity, 'l', 'l.id = e.letterId').where('l.clientId = :clientId', { clientId })
}
