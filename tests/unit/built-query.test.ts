/**
 * Queries written once per database (db/built-query.ts): what Today, the trends, a turnaround's page
 * and every letter read. Each answers what TypeORM's own reading answers, on each engine.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { IsNull, type EntityManager, type EntityTarget, type ObjectLiteral } from 'typeorm'
import {
  ActionEntity,
  BusinessProfileEntity,
  ClientCommitmentPartEntity,
  ClientEntity,
  ClientTagEntity,
  CommitmentEntity,
  HandoverEntity,
  IssueEntity,
  LedgerEntryEntity,
  LetterEntity,
  LetterheadEntity,
  StaffEntity,
  TouchpointEntity,
  TurnaroundEntity,
} from '../../electron/main/db/entities'
import { builtById, builtFind, builtQuery } from '../../electron/main/db/built-query'
import { openTestApp, type TestApp } from '../support/temp-db'

let app: TestApp
beforeAll(async () => {
  app = await openTestApp()
  // The sample business: every kind of record, with nulls, booleans, dates, text and money.
  await app.call('sample:load')
})
afterAll(async () => {
  await app.close()
})

const manager = () => app.db.dataSource.manager

/** Every row of an entity, by id, as builtFind reads it. */
const allOf = <E extends ObjectLiteral>(entity: EntityTarget<E>) =>
  builtFind((m) => m.createQueryBuilder(entity, 'x').orderBy('x.id', 'ASC'), [])

describe('an entity query written once per database (builtFind)', () => {
  const entities: Array<[string, EntityTarget<ObjectLiteral>]> = [
    ['clients', ClientEntity],
    ['turnarounds', TurnaroundEntity],
    ['issues', IssueEntity],
    ['actions', ActionEntity],
    ['commitments', CommitmentEntity],
    ["the client's commitments", ClientCommitmentPartEntity],
    ['touchpoints', TouchpointEntity],
    ['ledger entries', LedgerEntryEntity],
    ['letters', LetterEntity],
    ['staff', StaffEntity],
    ['the business profile', BusinessProfileEntity],
    ['handovers', HandoverEntity],
    ['letterheads', LetterheadEntity],
  ]

  it.each(entities)('reads %s as TypeORM reads them: the same class, values and types', async (_, entity) => {
    const expected = await manager().find(entity, { order: { id: 'ASC' } })
    expect(expected.length).toBeGreaterThan(0)
    const read = await allOf(entity)(manager(), {})
    expect(read).toStrictEqual(expected)
    expect(read.every((e) => e instanceof (entity as new () => object))).toBe(true)
  })

  it('sets only the columns a query selects, as getMany does', async () => {
    const build = (m: EntityManager) =>
      m.createQueryBuilder(TurnaroundEntity, 't').select(['t.id', 't.openedOn', 't.closedOn']).orderBy('t.id', 'ASC')
    const read = await builtFind(build, [])(manager(), {})
    expect(read).toStrictEqual(await build(manager()).getMany())
    expect(Object.keys(read[0] as object).sort()).toEqual(['closedOn', 'id', 'openedOn'])
  })

  it('is written on the first call only and runs with each call’s values in their places', async () => {
    let builds = 0
    const ofTurnaround = builtFind(
      (m, { id, status }: { id: number; status: string }) => {
        builds++
        return m
          .createQueryBuilder(IssueEntity, 'i')
          .where('i.turnaroundId = :id AND i.status = :status', { id, status })
          .orderBy('i.id', 'ASC')
      },
      ['id', 'status'],
    )
    const turnarounds = await manager().find(TurnaroundEntity, { order: { id: 'ASC' } })
    for (const t of turnarounds)
      for (const status of ['open', 'resolved', 'dropped'] as const)
        expect(await ofTurnaround(manager(), { id: t.id, status })).toStrictEqual(
          await manager().find(IssueEntity, { where: { turnaroundId: t.id, status }, order: { id: 'ASC' } }),
        )
    expect(builds).toBe(1)
  })

  it('reads inside a transaction on its connection: what the transaction wrote and has not yet committed', async () => {
    const named = builtFind(
      (m, { name }: { name: string }) => m.createQueryBuilder(StaffEntity, 's').where('s.name = :name', { name }),
      ['name'],
    )
    const [staff] = await manager().find(StaffEntity, { order: { id: 'ASC' }, take: 1 })
    const rate = staff!.costRateMinor
    await expect(
      manager().transaction(async (m) => {
        await m.update(StaffEntity, { id: staff!.id }, { costRateMinor: rate + 1 })
        expect((await named(m, { name: staff!.name }))[0]?.costRateMinor).toBe(rate + 1)
        throw new Error('rolled back')
      }),
    ).rejects.toThrow('rolled back')
    expect((await named(manager(), { name: staff!.name }))[0]?.costRateMinor).toBe(rate)
  })

  it('refuses a value it was given that the query does not take as given: it would run as a constant', async () => {
    const leftOut = builtFind(
      (m, { id }: { id: number; name: string }) => m.createQueryBuilder(ClientEntity, 'c').where('c.id = :id', { id }),
      ['id', 'name'],
    )
    await expect(leftOut(manager(), { id: 1, name: 'x' })).rejects.toThrow(/does not take name/)
    const computed = builtFind(
      (m, { id }: { id: number }) => m.createQueryBuilder(ClientEntity, 'c').where('c.id = :id', { id: `${id}1` }),
      ['id'],
    )
    await expect(computed(manager(), { id: 1 })).rejects.toThrow(/plain values only/)
  })

  it('binds a whole number as TypeORM binds it (on SQLite as an INTEGER, so a division stays whole)', async () => {
    const build = (m: EntityManager, n: number) =>
      m
        .createQueryBuilder(ClientEntity, 'c')
        .select(':n / 2', 'half')
        .where('c.id = :id', { id: 1 })
        .setParameter('n', n)
    const half = builtQuery<{ n: number }, { half: number | string }>((m, { n }) => build(m, n), ['n'])
    const [written] = await half(manager(), { n: 5 })
    const [asTypeorm] = await build(manager(), 5).getRawMany<{ half: number | string }>()
    expect(Number(written?.half)).toBe(2)
    expect(written).toEqual(asTypeorm)
  })

  it('makes no entity of a row whose selected columns are all null, as getMany does', async () => {
    const build = (m: EntityManager) =>
      m.createQueryBuilder(TurnaroundEntity, 't').select(['t.closedOn', 't.outcome']).orderBy('t.id', 'ASC')
    const expected = await build(manager()).getMany()
    const open = await manager().count(TurnaroundEntity, { where: { closedOn: IsNull() } })
    expect(open).toBeGreaterThan(0)
    const read = await builtFind(build, [])(manager(), {})
    expect(read).toStrictEqual(expected)
    expect(read.length).toBe((await manager().count(TurnaroundEntity)) - open)
  })

  it('refuses an entity whose loading a subscriber listens to (it would not be told)', async () => {
    const listener = { afterLoad: () => undefined }
    const subscribers = app.db.dataSource.subscribers
    subscribers.push(listener)
    try {
      const read = builtFind((m) => m.createQueryBuilder(StaffEntity, 's'), [])
      await expect(read(manager(), {})).rejects.toThrow(/load listeners/)
    } finally {
      subscribers.splice(subscribers.indexOf(listener), 1)
    }
  })

  it('refuses a query it cannot read as TypeORM does: one that joins', async () => {
    const joined = builtFind((m) => m.createQueryBuilder(ClientTagEntity, 'g').leftJoinAndSelect('g.client', 'c'), [])
    await expect(joined(manager(), {})).rejects.toThrow(/cannot join/)
  })
})

describe('a row by its id (builtById)', () => {
  it('is one reader per entity, answering the row or null', async () => {
    expect(builtById(ClientEntity)).toBe(builtById(ClientEntity))
    const [first] = await manager().find(ClientEntity, { order: { id: 'ASC' }, take: 1 })
    expect(await builtById(ClientEntity)(manager(), first!.id)).toStrictEqual(first)
    expect(await builtById(ClientEntity)(manager(), 999_999)).toBeNull()
  })
})

describe('a query built once per database (builtQuery)', () => {
  it('is written on the first call only and runs with each call’s values in their places', async () => {
    let builds = 0
    const named = builtQuery<{ from: string; to: string }, { name: string }>(
      (m, { from, to }) => {
        builds++
        return m
          .createQueryBuilder(ClientEntity, 'c')
          .select('c.name', 'name')
          .where('c.name >= :from AND c.name <= :to', { from, to })
          .andWhere('c.status = :status', { status: 'active' })
          .andWhere('(c.name <> :from OR :from = :from)', { from })
          .orderBy('c.name', 'ASC')
      },
      ['from', 'to'],
    )
    const names = async (from: string, to: string) =>
      (
        await manager()
          .createQueryBuilder(ClientEntity, 'c')
          .select('c.name', 'name')
          .where('c.name >= :from AND c.name <= :to AND c.status = :status', { from, to, status: 'active' })
          .orderBy('c.name', 'ASC')
          .getRawMany<{ name: string }>()
      ).map((r) => ({ name: r.name }))
    for (const [from, to] of [
      ['A', 'M'],
      ['M', 'Zz'],
      ['X', 'Y'],
    ] as const) {
      const expected = await names(from, to)
      expect(await named(manager(), { from, to })).toEqual(expected)
    }
    expect((await names('A', 'Zz')).length).toBeGreaterThan(2)
    expect(builds).toBe(1)
  })
})
