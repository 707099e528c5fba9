/**
 * The check-ins still to make are read from a partial index of them alone (migration 0018): Today's
 * list, the reminders and the calendar feed no longer read every closed turnaround ever checked in.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { openTestApp, type TestApp } from '../support/temp-db'
import { TEST_ENGINE } from '../support/postgres/test-database'
import { checkInsDueQuery } from '../../electron/main/features/turnarounds/today-query'
import { checkIns } from '../../electron/main/features/calendar/calendar-items'

let app: TestApp | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

const plan = async (qb: { getQueryAndParameters(): [string, unknown[]] }) => {
  const [sql, parameters] = qb.getQueryAndParameters()
  return ((await app!.db.dataSource.query(`EXPLAIN QUERY PLAN ${sql}`, parameters)) as { detail: string }[]).map(
    (r) => r.detail,
  )
}

describe('the check-ins still to make', () => {
  // Query plans are SQLite's own; on PostgreSQL the same migration makes the same index (checked below).
  it.skipIf(TEST_ENGINE === 'postgres')(
    'are read from their partial index alone, by Today and by the calendar feed',
    async () => {
      app = await openTestApp()
      const m = app.db.dataSource.manager
      const byClient = 'SEARCH cl USING INTEGER PRIMARY KEY (rowid=?)'
      // In the order Today lists them (due day, then turnaround): no sort.
      expect(await plan(checkInsDueQuery(m, '2026-12-31'))).toEqual([
        'SEARCH t USING INDEX idx_turnarounds_check_in_pending (check_in_due_on<?)',
        byClient,
      ])
      expect(await plan(checkIns(m))).toEqual([
        'SEARCH t USING INDEX idx_turnarounds_check_in_pending (check_in_due_on>?)',
        byClient,
      ])
    },
  )

  // PostgreSQL's catalogue: on SQLite the plans above show the index at work.
  it.skipIf(TEST_ENGINE !== 'postgres')(
    'have the same partial index on PostgreSQL, in place of the full one',
    async () => {
      app = await openTestApp()
      const indexes = (await app.db.dataSource.query(
        "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'turnarounds' AND schemaname = current_schema()",
      )) as { indexname: string; indexdef: string }[]
      const byName = new Map(indexes.map((i) => [i.indexname, i.indexdef]))
      expect(byName.get('idx_turnarounds_check_in_pending')).toMatch(
        /\(check_in_due_on\) WHERE \(\(closed_on IS NOT NULL\) AND \(checked_in_on IS NULL\)\)$/,
      )
      expect(byName.has('idx_turnarounds_check_in_due')).toBe(false)
    },
  )
})
