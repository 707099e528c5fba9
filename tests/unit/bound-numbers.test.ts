/**
 * Whole numbers a query is given are bound as parameters on SQLite (db/bound-numbers.ts), not written
 * into the SQL text: the same query for another record reuses its prepared statement, and the value
 * keeps the type the literal had.
 */
import type Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { ClientEntity } from '../../electron/main/db/entities'
import { openTestApp, type TestApp } from '../support/temp-db'

let app: TestApp | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

describe('numbers in queries on SQLite', () => {
  it('are bound, so the same query for another record prepares no new statement', async () => {
    app = await openTestApp()
    const ds = app.db.dataSource
    const ids: number[] = []
    for (const name of ['Ada Quill', 'Ben Okafor', 'Chloé Marchand'])
      ids.push(((await app.call('clients:create', { name })) as { data: { id: number } }).data.id)
    const db = (ds.driver as unknown as { databaseConnection: Database.Database }).databaseConnection
    const prepared: string[] = []
    const prepare = db.prepare.bind(db)
    db.prepare = ((sql: string) => {
      prepared.push(sql)
      return prepare(sql)
    }) as typeof db.prepare
    try {
      const names: string[] = []
      for (const id of ids) names.push((await ds.manager.findOneByOrFail(ClientEntity, { id })).name)
      for (const id of ids)
        names.push(
          (await ds.manager.createQueryBuilder(ClientEntity, 'c').where('c.id = :id', { id }).getOneOrFail()).name,
        )
      expect(names).toEqual(['Ada Quill', 'Ben Okafor', 'Chloé Marchand', 'Ada Quill', 'Ben Okafor', 'Chloé Marchand'])
      // At most one new statement for each of the two queries, whatever the id (one may be prepared
      // already, by the create); no id written into the SQL.
      expect(prepared.length).toBeLessThanOrEqual(2)
      for (const sql of prepared) for (const id of ids) expect(sql).not.toMatch(new RegExp(`= ${id}\\b`))
    } finally {
      db.prepare = prepare
    }
  })

  it('keep the type the literal had: whole numbers stay integers, fractions stay fractions', async () => {
    app = await openTestApp()
    const [plain] = (await app.db.dataSource
      .createQueryBuilder()
      .select(':seven / 2', 'half')
      .addSelect('typeof(:seven)', 'type')
      .addSelect(':fraction * 2', 'doubled')
      .addSelect(':big', 'big')
      .fromDummy()
      .setParameters({ seven: 7, fraction: 1.25, big: 2 ** 53 - 1 })
      .getRawMany()) as { half: number; type: string; doubled: number; big: number }[]
    expect(plain).toEqual({ half: 3, type: 'integer', doubled: 2.5, big: 2 ** 53 - 1 })
  })
})
