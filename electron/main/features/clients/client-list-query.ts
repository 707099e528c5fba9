import type { EntityManager, SelectQueryBuilder } from 'typeorm'
import { Brackets } from 'typeorm'
import { ClientEntity, ClientTagEntity } from '../../db/entities'
import { LIKE_ESCAPE, containsPattern } from '../../db/dialect'
import type { ClientPage } from '../../../shared/models'
import type { ClientListQueryData } from '../../../shared/schemas'
import { searchKey } from '../../../shared/text'
import type { ClientSortKey, ClientStatus } from '../../../shared/words'
import { toClientRow } from './client-mapper'

const SORT_COLUMNS: Record<ClientSortKey, string> = {
  name: 'c.nameKey',
  company: 'c.company',
  status: 'c.status',
  dateWon: 'c.dateWon',
  referralValue: 'c.referralValueMinor',
  updatedAt: 'c.updatedAt',
}

/** Search, tag and archive filters; the status filter is added separately so counts can ignore it. */
function filtered(ds: EntityManager, q: ClientListQueryData): SelectQueryBuilder<ClientEntity> {
  const qb = ds.getRepository(ClientEntity).createQueryBuilder('c')
  qb.where(q.archived ? 'c.archivedAt IS NOT NULL' : 'c.archivedAt IS NULL')
  const words = searchKey(q.search).split(' ').filter(Boolean)
  words.forEach((word, i) => {
    qb.andWhere(`c.searchText LIKE :w${i} ${LIKE_ESCAPE}`, { [`w${i}`]: containsPattern(word) })
  })
  if (q.tag) {
    qb.andWhere(
      new Brackets((b) => {
        b.where(`EXISTS (SELECT 1 FROM client_tags t WHERE t.client_id = c.id AND t.tag = :tag)`, { tag: q.tag })
      }),
    )
  }
  return qb
}

/** One page of the client register, sorted and filtered in SQL. */
export async function listClients(ds: EntityManager, q: ClientListQueryData): Promise<ClientPage> {
  const counts = await filtered(ds, q)
    .select('c.status', 'status')
    .addSelect('COUNT(*)', 'n')
    .groupBy('c.status')
    .getRawMany<{ status: ClientStatus; n: number | string }>()
  const statusCounts: ClientPage['statusCounts'] = {}
  for (const row of counts) statusCounts[row.status] = Number(row.n)

  const page = filtered(ds, q)
  if (q.statuses.length > 0) page.andWhere('c.status IN (:...statuses)', { statuses: q.statuses })
  const direction = q.sortDir === 'asc' ? 'ASC' : 'DESC'
  // A client without a date won sorts as the oldest; one without a referral estimate as no amount at all.
  const nulls = q.sortBy === 'referralValue' || direction === 'ASC' ? 'NULLS LAST' : 'NULLS FIRST'
  page.orderBy(SORT_COLUMNS[q.sortBy], direction, nulls)
  // Ties break by name, then id, so paging is stable. (TypeORM keeps one direction per column,
  // so the name tie-break is only added when the name is not already the sort.)
  if (q.sortBy !== 'name') page.addOrderBy('c.nameKey', 'ASC')
  page.addOrderBy('c.id', 'ASC').offset(q.offset).limit(q.limit)
  const [entities, total] = await page.getManyAndCount()

  const tagsById = await tagsFor(
    ds,
    entities.map((e) => e.id),
  )
  return { rows: entities.map((e) => toClientRow(e, tagsById.get(e.id) ?? [])), total, statusCounts }
}

export async function tagsFor(ds: EntityManager, ids: number[]): Promise<Map<number, string[]>> {
  const map = new Map<number, string[]>()
  if (ids.length === 0) return map
  const rows = await ds
    .getRepository(ClientTagEntity)
    .createQueryBuilder('t')
    .where('t.clientId IN (:...ids)', { ids })
    .orderBy('t.tag', 'ASC')
    .getMany()
  for (const row of rows) map.set(row.clientId, [...(map.get(row.clientId) ?? []), row.tag])
  return map
}
