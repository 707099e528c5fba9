import type { MigrationInterface, QueryRunner } from 'typeorm'

/** The records several desktops edit: each keeps a version, who created it and who changed it last. */
export const VERSIONED_TABLES = [
  'clients',
  'turnarounds',
  'turnaround_issues',
  'commitments',
  'ledger_entries',
] as const

/**
 * A version on each record people edit (a save of a stale version is refused), and who created and
 * last changed it. Written as plain ALTER TABLE ... ADD/DROP COLUMN, the same on SQLite and
 * PostgreSQL: TypeORM's addColumn rebuilds a SQLite table, which would drop ledger_entries' triggers.
 */
export class RecordVersions1763800000012 implements MigrationInterface {
  name = 'RecordVersions1763800000012'

  async up(q: QueryRunner): Promise<void> {
    for (const table of VERSIONED_TABLES) {
      await q.query(`ALTER TABLE ${table} ADD COLUMN version integer NOT NULL DEFAULT 1`)
      await q.query(`ALTER TABLE ${table} ADD COLUMN created_by varchar(120) NOT NULL DEFAULT ''`)
      await q.query(`ALTER TABLE ${table} ADD COLUMN updated_by varchar(120) NOT NULL DEFAULT ''`)
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of VERSIONED_TABLES)
      for (const column of ['updated_by', 'created_by', 'version'])
        await q.query(`ALTER TABLE ${table} DROP COLUMN ${column}`)
  }
}
