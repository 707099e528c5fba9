import type { MigrationInterface, QueryRunner } from 'typeorm'

/**
 * Whether the client kept each part of their commitment: `settled_as` is 'kept' or 'not_kept' once
 * the owner marks it (NULL while it is open, as every part was until now), `kept_on` the day it was
 * kept. Plain ALTER TABLE ... ADD/DROP COLUMN, the same on SQLite and PostgreSQL (see 0012).
 */
export class ClientCommitmentKept1763800000015 implements MigrationInterface {
  name = 'ClientCommitmentKept1763800000015'

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE turnaround_client_commitments ADD COLUMN settled_as varchar(10) NULL')
    await q.query('ALTER TABLE turnaround_client_commitments ADD COLUMN kept_on varchar(10) NULL')
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE turnaround_client_commitments DROP COLUMN kept_on')
    await q.query('ALTER TABLE turnaround_client_commitments DROP COLUMN settled_as')
  }
}
