/**
 * The test runs' throwaway PostgreSQL database is dropped even when an autovacuum worker is busy on
 * it at the end (a benchmark's large database): FORCE is refused for that worker, and a plain drop,
 * which stops it, is tried until the database is free.
 */
import { describe, expect, it } from 'vitest'
import { dropDatabase } from '../support/postgres/drop-database'

/** A server answering each statement in turn: an SQLSTATE to refuse with, or null to succeed. */
function server(answers: Array<string | null>) {
  const statements: string[] = []
  const query = async (sql: string) => {
    statements.push(sql)
    const code = answers.shift() ?? null
    if (code) throw Object.assign(new Error(`refused (${code})`), { code })
  }
  return { statements, query }
}
const noPause = async () => {}

describe('dropping the run’s database', () => {
  it('drops it with FORCE when nothing else holds it', async () => {
    const s = server([null])
    await dropDatabase(s.query, 'desk_test_1', noPause)
    expect(s.statements).toEqual(['DROP DATABASE IF EXISTS desk_test_1 WITH (FORCE)'])
  })

  it('falls back to a plain drop when FORCE may not end an autovacuum worker, until the database is free', async () => {
    const s = server(['42501', '55006', '55006', null])
    await dropDatabase(s.query, 'desk_test_1', noPause)
    expect(s.statements).toEqual([
      'DROP DATABASE IF EXISTS desk_test_1 WITH (FORCE)',
      'DROP DATABASE IF EXISTS desk_test_1',
      'DROP DATABASE IF EXISTS desk_test_1',
      'DROP DATABASE IF EXISTS desk_test_1',
    ])
  })

  it('gives up with the server’s error after ten tries, and passes any other error on at once', async () => {
    const busy = server(['42501', ...Array<string>(10).fill('55006')])
    await expect(dropDatabase(busy.query, 'desk_test_1', noPause)).rejects.toMatchObject({ code: '55006' })
    expect(busy.statements).toHaveLength(11)
    const other = server(['3D000'])
    await expect(dropDatabase(other.query, 'desk_test_1', noPause)).rejects.toMatchObject({ code: '3D000' })
    expect(other.statements).toHaveLength(1)
  })
})
