import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm'

/** A quick win is small as well as worthwhile: the most effort one may take, set by the owner (two hours at first). */
export class QuickWinEffort1763800000007 implements MigrationInterface {
  name = 'QuickWinEffort1763800000007'

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn(
      'business_profile',
      new TableColumn({ name: 'quick_win_max_effort_minutes', type: 'integer', default: 120 }),
    )
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE business_profile DROP COLUMN quick_win_max_effort_minutes')
  }
}
