/**
 * Every earlier schema version upgrades to the current one with its data intact. The fixtures under
 * tests/fixtures/migrations (made by `npm run fixtures`) hold the sample business at schema 0001,
 * 0002, 0003, 0007, 0012, 0013 and 0014. Each is copied, opened by openDatabase (backup first, then
 * the pending migrations), and every row of every table it had is still there with the same values;
 * the ledger's client months (0013) are filled from the entries already there, and keep every row
 * when 0014 keys them by client; every part of a client's commitment is open (0015).
 */
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { checkIntegrity } from '../../electron/main/db/backups'
import { DATABASE_FILE_NAME } from '../../electron/main/db/open-database'
import { MIGRATION_NAMES } from '../../electron/main/db/migrations'
import type { Envelope } from '../../electron/shared/envelope'
import { openTestApp, tempDir } from '../support/temp-db'
import { clientMonthsAndEntries } from '../support/client-months'

const FIXTURES = path.resolve(__dirname, '../fixtures/migrations')

type Row = Record<string, unknown>

function snapshot(file: string): Map<string, Row[]> {
  const db = new Database(file, { readonly: true, fileMustExist: true })
  try {
    const tables = db
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all() as { name: string; sql: string }[]
    // A table WITHOUT ROWID is read in the order of its key, which a migration may change (0014):
    // its rows are compared in one order of their own, their values as text.
    const read = (name: string, sql: string) => {
      if (!/WITHOUT\s+ROWID/i.test(sql)) return db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all() as Row[]
      const rows = db.prepare(`SELECT * FROM "${name}"`).all() as Row[]
      const key = (row: Row) =>
        JSON.stringify(
          Object.keys(row)
            .sort()
            .map((c) => row[c]),
        )
      return rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
    }
    return new Map(tables.map(({ name, sql }) => [name, read(name, sql)]))
  } finally {
    db.close()
  }
}

/** 0005 reads a stored referral value of 0 as what it always meant: no estimate (NULL). */
const referralAsEstimate = (row: Row): Row =>
  row.referral_value_minor === 0 ? { ...row, referral_value_minor: null } : row

const project = (rows: Row[], columns: string[]) =>
  rows.map((row) => Object.fromEntries(columns.map((c) => [c, row[c]])))

/** 0008 moves a turnaround's one client commitment into its first part, these columns gone. */
const ONE_COMMITMENT = ['client_commitment_kind', 'client_commitment', 'client_commitment_amount_minor']

/** Each turnaround's client commitment as the old columns held it, and as the parts that replace it. */
function commitmentsBefore(turnarounds: Row[]): Row[] {
  return turnarounds
    .filter(
      (t) =>
        t.client_commitment !== '' || t.client_commitment_kind !== null || t.client_commitment_amount_minor !== null,
    )
    .map((t) => ({
      turnaround_id: t.id,
      position: 0,
      kind: t.client_commitment_kind ?? 'other',
      description: t.client_commitment,
      amount_minor: t.client_commitment_amount_minor,
      due_on: null,
      met_when: '',
      settled_as: null,
      kept_on: null,
    }))
}

describe.each([1, 2, 3, 7, 12, 13, 14])('a database at schema %i', (version) => {
  const fixture = path.join(FIXTURES, `schema-${String(version).padStart(4, '0')}.sqlite`)

  it('is a real fixture at that version, holding data', () => {
    const before = snapshot(fixture)
    expect((before.get('migrations') ?? []).map((m) => m.name)).toEqual(MIGRATION_NAMES.slice(0, version))
    expect(before.get('clients')?.length).toBeGreaterThan(10)
    if (version >= 2) expect(before.get('turnarounds')?.length).toBeGreaterThan(3)
    if (version >= 3) expect(before.get('letters')?.length).toBeGreaterThan(0)
  })

  it('upgrades to the current version with every row and value kept, after a backup', async () => {
    const dir = tempDir()
    const file = path.join(dir, DATABASE_FILE_NAME)
    fs.copyFileSync(fixture, file)
    const before = snapshot(file)

    const app = await openTestApp(dir)
    try {
      expect(app.db.applied).toEqual(MIGRATION_NAMES.slice(version))
      expect(app.db.backupFile).not.toBeNull()
      expect(checkIntegrity(app.db.backupFile as string, { full: true })).toEqual({ ok: true })
      const after = snapshot(file)
      for (const [table, rows] of before) {
        if (table === 'migrations') continue
        const columns = Object.keys(rows[0] ?? {}).filter((c) => table !== 'turnarounds' || !ONE_COMMITMENT.includes(c))
        expect(after.has(table), table).toBe(true)
        expect(project(after.get(table) ?? [], columns), table).toEqual(
          project(table === 'clients' && version < 5 ? rows.map(referralAsEstimate) : rows, columns),
        )
      }
      // Every client commitment is now the first part of that turnaround's commitment, nothing lost.
      if (version < 8) {
        const parts = after.get('turnaround_client_commitments') ?? []
        const moved = commitmentsBefore(before.get('turnarounds') ?? [])
        expect(parts.map(({ id: _id, ...part }) => part)).toEqual(moved)
        if (version >= 2) expect(moved.length).toBeGreaterThan(3)
      }
      // Nothing says yet whether the client kept a part of their commitment (0015): each is open.
      const parts = after.get('turnaround_client_commitments') ?? []
      if (version >= 2) expect(parts.length).toBeGreaterThan(3)
      for (const p of parts) expect([p.settled_as, p.kept_on]).toEqual([null, null])
      // Each client's months are filled from the ledger's entries already there (0013).
      const months = await clientMonthsAndEntries(app.db.dataSource)
      expect(months.kept).toEqual(months.summed)
      if (version >= 4) expect(months.kept.length).toBeGreaterThan(100)
      for (const t of after.get('turnarounds') ?? []) for (const c of ONE_COMMITMENT) expect(t).not.toHaveProperty(c)
      // Touchpoints logged before the ledger keep the owner's hourly worth, the only rate known then.
      const worth = Number(before.get('business_profile')?.[0]?.hourly_worth_minor)
      const touchpoints = after.get('touchpoints') ?? []
      expect(touchpoints).toHaveLength(before.get('touchpoints')?.length ?? 0)
      if (version >= 2) expect(worth).toBeGreaterThan(0)
      if (version >= 2) expect(touchpoints.length).toBeGreaterThan(0)
      if (version < 4) for (const tp of touchpoints) expect(tp.rate_minor, `touchpoint ${String(tp.id)}`).toBe(worth)
      // The app works on it: its lists answer and the ledger's monthly totals start empty and exact.
      for (const [channel, input] of [
        ['clients:list', {}],
        ['turnarounds:list', { state: 'all' }],
        ['letters:list', {}],
        ['today:get', undefined],
        ...(before.get('turnarounds') ?? []).map((t) => ['turnarounds:get', { id: t.id }] as const),
      ] as const) {
        const result = (await app.call(channel, input)) as Envelope<unknown>
        expect(result.ok, channel).toBe(true)
      }
      expect(await app.db.dataSource.query('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }])
    } finally {
      await app.close()
    }
  })
})
