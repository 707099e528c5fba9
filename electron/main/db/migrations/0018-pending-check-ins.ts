import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm'

/** The check-ins still to make: closed turnarounds not checked in, by the day each is due. */
const PENDING = new TableIndex({
  name: 'idx_turnarounds_check_in_pending',
  columnNames: ['check_in_due_on'],
  where: 'closed_on IS NOT NULL AND checked_in_on IS NULL',
})

/**
 * Today's check-ins, the reminders' and the calendar feed's read the check-ins still to make. The
 * index on every turnaround's check-in day (migration 0002) had them read each closed turnaround
 * since the first, all long checked in; this partial index holds only the pending ones, the same on
 * SQLite and PostgreSQL, and replaces it (nothing else reads by that day).
 */
export class PendingCheckIns1763800000018 implements MigrationInterface {
  name = 'PendingCheckIns1763800000018'

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex('turnarounds', PENDING)
    await q.dropIndex('turnarounds', 'idx_turnarounds_check_in_due')
  }

  async down(q: QueryRunner): Promise<void> {
    await q.createIndex(
      'turnarounds',
      new TableIndex({ name: 'idx_turnarounds_check_in_due', columnNames: ['check_in_due_on'] }),
    )
    await q.dropIndex('turnarounds', PENDING.name!)
  }
}
