import { engineOf } from '../engine'
import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm'

/**
 * Two changes in one step:
 *
 * 1. The business's locale: how its dates, numbers and amounts are written and typed ("en-GB",
 *    "de-DE"...). Empty means the computer's language, as every business had until now; a letter
 *    keeps the locale it was written in (empty: its paper's convention, as every letter until now).
 * 2. The client's commitment holds several parts (pay the outstanding invoice and give a
 *    referral...), each with its own amount, date and what counts as met. The single commitment a
 *    turnaround held becomes its first part, kind, words and amount unchanged; the turnaround's
 *    three columns go.
 */
export class CommitmentPartsAndLocale1763800000008 implements MigrationInterface {
  name = 'CommitmentPartsAndLocale1763800000008'

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn(
      'business_profile',
      new TableColumn({ name: 'locale', type: 'varchar', length: '35', default: "''" }),
    )
    await q.addColumn('letters', new TableColumn({ name: 'locale', type: 'varchar', length: '35', default: "''" }))
    await q.createTable(
      new Table({
        name: 'turnaround_client_commitments',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'turnaround_id', type: 'integer' },
          { name: 'position', type: 'integer' },
          { name: 'kind', type: 'varchar', length: '30' },
          { name: 'description', type: 'text' },
          { name: 'amount_minor', type: 'integer', isNullable: true },
          { name: 'due_on', type: 'varchar', length: '10', isNullable: true },
          { name: 'met_when', type: 'text', default: "''" },
        ],
        foreignKeys: [
          {
            columnNames: ['turnaround_id'],
            referencedTableName: 'turnarounds',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
        indices: [new TableIndex({ name: 'idx_client_commitments_turnaround', columnNames: ['turnaround_id'] })],
      }),
    )
    await q.query(
      `INSERT INTO turnaround_client_commitments (turnaround_id, position, kind, description, amount_minor, due_on, met_when)
       SELECT id, 0, COALESCE(client_commitment_kind, 'other'), client_commitment, client_commitment_amount_minor, NULL, ''
       FROM turnarounds
       WHERE client_commitment <> '' OR client_commitment_kind IS NOT NULL OR client_commitment_amount_minor IS NOT NULL
       ORDER BY id`,
    )
    for (const column of ['client_commitment_kind', 'client_commitment', 'client_commitment_amount_minor'])
      await q.query(`ALTER TABLE turnarounds DROP COLUMN ${column}`)
  }

  /** Back to one commitment: the first part's kind and amount, every part's words joined. */
  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE turnarounds ADD COLUMN client_commitment_kind varchar(30) NULL')
    await q.query("ALTER TABLE turnarounds ADD COLUMN client_commitment text NOT NULL DEFAULT ''")
    await q.query('ALTER TABLE turnarounds ADD COLUMN client_commitment_amount_minor integer NULL')
    await q.query(
      `UPDATE turnarounds SET
         client_commitment_kind = (SELECT p.kind FROM turnaround_client_commitments p WHERE p.turnaround_id = turnarounds.id ORDER BY p.position, p.id LIMIT 1),
         client_commitment_amount_minor = (SELECT p.amount_minor FROM turnaround_client_commitments p WHERE p.turnaround_id = turnarounds.id ORDER BY p.position, p.id LIMIT 1)`,
    )
    // Every part's words joined in order: read and written back row by row (string aggregation in
    // an order is not the same SQL on SQLite and PostgreSQL).
    const parts = (await q.query(
      'SELECT turnaround_id AS "turnaroundId", description FROM turnaround_client_commitments ORDER BY turnaround_id, position, id',
    )) as { turnaroundId: number | string; description: string }[]
    const words = new Map<number, string[]>()
    for (const p of parts) {
      const id = Number(p.turnaroundId)
      words.set(id, [...(words.get(id) ?? []), p.description])
    }
    const engine = engineOf(q)
    for (const [id, list] of words)
      await q.query(`UPDATE turnarounds SET client_commitment = ${engine.param(1)} WHERE id = ${engine.param(2)}`, [
        list.join('; '),
        id,
      ])
    await q.dropTable('turnaround_client_commitments')
    await q.query('ALTER TABLE letters DROP COLUMN locale')
    await q.query('ALTER TABLE business_profile DROP COLUMN locale')
  }
}
