import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm'

const text = (name: string, extra: object = {}) => ({ name, type: 'text', ...extra })
const str = (name: string, length: number, extra: object = {}) => ({
  name,
  type: 'varchar',
  length: String(length),
  ...extra,
})
const int = (name: string, extra: object = {}) => ({ name, type: 'integer', ...extra })

/**
 * Email: the sending account (no password: that is kept encrypted outside the database) and every
 * letter sent by email, with its recipients, Message-ID and the SHA-256 of the PDF attached.
 */
export class EmailSending1763800000011 implements MigrationInterface {
  name = 'EmailSending1763800000011'

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'email_settings',
        columns: [
          int('id', { isPrimary: true }),
          str('host', 253),
          int('port'),
          str('security', 10),
          str('smtp_user', 254, { default: "''" }),
          str('from_name', 120, { default: "''" }),
          str('from_address', 254),
          str('reply_to', 254, { default: "''" }),
          text('cover_subject', { default: "''" }),
          text('cover_body'),
          str('updated_at', 30),
        ],
      }),
    )
    await q.createTable(
      new Table({
        name: 'letter_emails',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' as const },
          int('letter_id'),
          text('to_addresses'),
          text('cc_addresses', { default: "'[]'" }),
          text('bcc_addresses', { default: "'[]'" }),
          text('subject'),
          str('message_id', 300),
          str('content_hash', 64),
          int('minutes', { default: 0 }),
          str('sent_at', 30),
        ],
        foreignKeys: [
          {
            columnNames: ['letter_id'],
            referencedTableName: 'letters',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
        indices: [new TableIndex({ name: 'idx_letter_emails_letter', columnNames: ['letter_id'] })],
      }),
    )
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('letter_emails')
    await q.dropTable('email_settings')
  }
}
