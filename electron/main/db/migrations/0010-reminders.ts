import { Table, TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm'

/**
 * Reminders and the calendar: the owner's reminder settings (one row: which kinds notify, quiet
 * hours, closing to the tray, starting at login, the answer to the first-start question, the
 * calendar feed's folder), what was already notified (so a restart does not repeat it), and a
 * follow-up's snooze on its turnaround.
 */
export class Reminders1763800000010 implements MigrationInterface {
  name = 'Reminders1763800000010'

  async up(q: QueryRunner): Promise<void> {
    const on = (name: string) => new TableColumn({ name, type: 'boolean', default: true })
    await q.createTable(
      new Table({
        name: 'reminder_settings',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true },
          on('remind_follow_ups'),
          on('remind_at_risk'),
          on('remind_overdue'),
          on('remind_client_dates'),
          on('remind_check_ins'),
          { name: 'quiet_from', type: 'varchar', length: '5', isNullable: true },
          { name: 'quiet_to', type: 'varchar', length: '5', isNullable: true },
          { name: 'close_to_tray', type: 'boolean', default: true },
          { name: 'start_at_login', type: 'boolean', default: false },
          { name: 'asked_on', type: 'varchar', length: '10', isNullable: true },
          { name: 'feed_folder', type: 'text', isNullable: true },
          { name: 'updated_at', type: 'varchar', length: '30' },
        ],
      }),
    )
    await q.createTable(
      new Table({
        name: 'reminders_sent',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'reminder_key', type: 'varchar', length: '120', isUnique: true },
          { name: 'sent_on', type: 'varchar', length: '10' },
          { name: 'sent_at', type: 'varchar', length: '30' },
        ],
        indices: [{ name: 'idx_reminders_sent_on', columnNames: ['sent_on'] }],
      }),
    )
    await q.addColumn(
      'turnarounds',
      new TableColumn({ name: 'follow_up_snoozed_until', type: 'varchar', length: '10', isNullable: true }),
    )
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE turnarounds DROP COLUMN follow_up_snoozed_until')
    await q.dropTable('reminders_sent')
    await q.dropTable('reminder_settings')
  }
}
