/**
 * The letters on record a page at a time (letters:list): every letter reachable however many there
 * are, newest first (by date, then the latest written), one client's or all, a page past the end
 * served as the last page, and the order read from an index rather than a sort of every letter.
 */
import { describe, expect, it } from 'vitest'
import { LetterEmailEntity, LetterEntity } from '../../electron/main/db/entities'
import { letterPageQuery } from '../../electron/main/features/letters/letter-queries'
import type { LetterDraftResult, LetterPage } from '../../electron/shared/letters/models'
import { call, fullClient, refused, useLettersApp } from '../support/letters-fixture'
import { TEST_ENGINE } from '../support/postgres/test-database'

const theApp = useLettersApp()
const list = (input: object) => call<LetterPage>(theApp(), 'letters:list', input)

/**
 * 120 letters: one saved through the app to Acme Ltd, then copies of it, two in three to Acme (80
 * in all) and one in three to Blue Finch (39), over 30 days (four letters a day, so each day's order rests on the ids). The letters'
 * ids, newest first, all and per client, as the pages should list them.
 */
async function manyLetters(): Promise<{
  all: number[]
  acme: number[]
  blueFinch: number[]
  acmeId: number
  blueFinchId: number
}> {
  const app = theApp()
  const { client } = await fullClient(app)
  const blueFinch = await fullClient(app, 'Blue Finch Studio')
  const { draft } = await call<LetterDraftResult>(app, 'letters:start', { clientId: client.id, kind: 'follow_up' })
  await call(app, 'letters:export', { draft })
  const repo = app.db.dataSource.getRepository(LetterEntity)
  const [first] = await repo.find()
  const { id: _id, ...base } = first!
  // Dates out of order with the ids, so the list's order is not the order of writing.
  const copies = Array.from({ length: 119 }, (_, i) => ({
    ...base,
    clientId: i % 3 === 2 ? blueFinch.client.id : client.id,
    letterDate: `2026-10-${String(1 + ((i * 7) % 30)).padStart(2, '0')}`,
    subject: `Letter ${i + 2}`,
  }))
  await repo.insert(copies)
  const letters = await repo.find()
  expect(letters).toHaveLength(120)
  const newestFirst = letters
    .sort((a, b) => b.letterDate.localeCompare(a.letterDate) || b.id - a.id)
    .map((l) => ({ id: l.id, clientId: l.clientId }))
  return {
    all: newestFirst.map((l) => l.id),
    acme: newestFirst.filter((l) => l.clientId === client.id).map((l) => l.id),
    blueFinch: newestFirst.filter((l) => l.clientId === blueFinch.client.id).map((l) => l.id),
    acmeId: client.id,
    blueFinchId: blueFinch.client.id,
  }
}

describe('the letters on record, a page at a time', () => {
  it('lists every letter newest first across its pages, and one client’s alone', async () => {
    const expected = await manyLetters()
    const pages = [await list({ page: 1 }), await list({ page: 2 }), await list({ page: 3 })]
    expect(pages.map((p) => [p.page, p.total, p.rows.length])).toEqual([
      [1, 120, 50],
      [2, 120, 50],
      [3, 120, 20],
    ])
    expect(pages.flatMap((p) => p.rows.map((r) => r.id))).toEqual(expected.all)
    expect(pages[0]!.rows[0]).toMatchObject({ clientName: 'Acme Ltd', date: '2026-11-22', kind: 'follow_up' })

    const small = await list({ page: 5, pageSize: 25 })
    expect([small.page, small.rows.length]).toEqual([5, 20])
    expect(small.rows.map((r) => r.id)).toEqual(expected.all.slice(100))

    const blueFinch = await list({ clientId: expected.blueFinchId, pageSize: 100 })
    expect(blueFinch.total).toBe(39)
    expect(blueFinch.rows.map((r) => r.id)).toEqual(expected.blueFinch)
    expect(new Set(blueFinch.rows.map((r) => r.clientName))).toEqual(new Set(['Blue Finch Studio']))
    expect((await list({ clientId: expected.blueFinchId, page: 2, pageSize: 25 })).rows.map((r) => r.id)).toEqual(
      expected.blueFinch.slice(25),
    )
  })

  it('serves the last page for a page past the end, and an empty first page when there are none', async () => {
    expect(await list({ page: 4 })).toEqual({ rows: [], total: 0, page: 1, anyEmailed: false })
    const expected = await manyLetters()
    const past = await list({ page: 9 })
    expect([past.page, past.total]).toEqual([3, 120])
    expect(past.rows.map((r) => r.id)).toEqual(expected.all.slice(100))
  })

  it('says whether any letter of the list, on whatever page, was sent by email: all letters, or the client’s', async () => {
    const expected = await manyLetters()
    const emailed = async (query: object) => (await list(query)).anyEmailed
    expect(await emailed({})).toBe(false)
    expect(await emailed({ clientId: expected.blueFinchId })).toBe(false)
    // Blue Finch's oldest letter, on the last page of all and of Blue Finch's, is recorded as sent.
    const oldest = expected.blueFinch.at(-1)!
    await theApp()
      .db.dataSource.getRepository(LetterEmailEntity)
      .insert({
        letterId: oldest,
        toAddresses: JSON.stringify(['studio@bluefinch.example']),
        subject: 'Our letter',
        messageId: '<1@harbourlane.example>',
        contentHash: '0'.repeat(64),
        minutes: 0,
        sentAt: '2026-11-22T09:30:00.000Z',
      })
    const first = await list({ page: 1 })
    expect(first.rows.map((r) => r.id)).not.toContain(oldest)
    expect(first.anyEmailed).toBe(true)
    expect(await emailed({ page: 2 })).toBe(true)
    expect(await emailed({ clientId: expected.blueFinchId, pageSize: 25 })).toBe(true)
    expect(await emailed({ clientId: expected.acmeId })).toBe(false)
  })

  it('refuses a page size the tables do not offer, and a page before the first', async () => {
    const app = theApp()
    expect(await refused(app, 'letters:list', { pageSize: 30 })).toMatchObject({ field: 'pageSize' })
    expect((await refused(app, 'letters:list', { pageSize: 30 })).message).toBe('A page holds 25, 50 or 100 letters.')
    expect(await refused(app, 'letters:list', { page: 0 })).toMatchObject({ field: 'page' })
  })

  // SQLite's plan: PostgreSQL chooses by its statistics, and with 120 letters it would rather sort them.
  it.skipIf(TEST_ENGINE === 'postgres')(
    'reads a page in the order of an index, with no sort of every letter',
    async () => {
      const expected = await manyLetters()
      const app = theApp()
      const plan = async (clientId: number | null) => {
        const [sql, parameters] = letterPageQuery(app.db.dataSource.manager, clientId, 50, 50).getQueryAndParameters()
        const rows = (await app.db.dataSource.query(`EXPLAIN QUERY PLAN ${sql}`, parameters)) as { detail: string }[]
        return rows.map((r) => r.detail)
      }
      const all = await plan(null)
      expect(all[0]).toBe('SCAN l USING INDEX idx_letters_date')
      expect(all.join('\n')).not.toContain('TEMP B-TREE')
      const one = await plan(expected.blueFinchId)
      expect(one).toContainEqual(
        expect.stringMatching(/^SEARCH l USING INDEX idx_letters_client_date \(client_id=\?\)/),
      )
      expect(one.join('\n')).not.toContain('TEMP B-TREE')
    },
  )
})
