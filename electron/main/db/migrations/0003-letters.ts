import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm'

const text = (name: string, extra: object = {}) => ({ name, type: 'text', ...extra })
const str = (name: string, length: number, extra: object = {}) => ({
  name,
  type: 'varchar',
  length: String(length),
  ...extra,
})
const int = (name: string, extra: object = {}) => ({ name, type: 'integer', ...extra })
const idColumn = {
  name: 'id',
  type: 'integer',
  isPrimary: true,
  isGenerated: true,
  generationStrategy: 'increment' as const,
}
const stamp = (name: string) => str(name, 30)

/** Letters: the paper size, the owner's templates, the letterheads letters were printed on, and every letter sent. */
export class Letters1763800000003 implements MigrationInterface {
  name = 'Letters1763800000003'

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('business_profile', new TableColumn(str('letter_page_size', 10, { default: "'A4'" })))
    await q.createTable(
      new Table({
        name: 'letter_templates',
        columns: [str('kind', 20, { isPrimary: true }), text('subject'), text('body'), stamp('updated_at')],
      }),
    )
    await q.createTable(
      new Table({
        name: 'letterheads',
        columns: [idColumn, str('content_hash', 64), text('content'), stamp('created_at')],
        indices: [
          new TableIndex({ name: 'uq_letterheads_content_hash', columnNames: ['content_hash'], isUnique: true }),
        ],
      }),
    )
    await q.createTable(
      new Table({
        name: 'letters',
        columns: [
          idColumn,
          int('client_id'),
          int('turnaround_id', { isNullable: true }),
          str('kind', 20),
          str('letter_date', 10),
          text('recipient'),
          text('subject'),
          text('blocks'),
          str('closing', 120),
          str('page_size', 10),
          int('letterhead_id'),
          text('file_path'),
          str('content_hash', 64),
          stamp('exported_at'),
          { name: 'is_sample', type: 'boolean', default: false },
          stamp('created_at'),
        ],
        foreignKeys: [
          {
            columnNames: ['client_id'],
            referencedTableName: 'clients',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
          // A deleted turnaround keeps its letters on record with the client.
          {
            columnNames: ['turnaround_id'],
            referencedTableName: 'turnarounds',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
          },
          {
            columnNames: ['letterhead_id'],
            referencedTableName: 'letterheads',
            referencedColumnNames: ['id'],
            onDelete: 'RESTRICT',
          },
        ],
        indices: [
          new TableIndex({ name: 'idx_letters_client_date', columnNames: ['client_id', 'letter_date'] }),
          new TableIndex({ name: 'idx_letters_turnaround', columnNames: ['turnaround_id'] }),
          new TableIndex({ name: 'idx_letters_date', columnNames: ['letter_date'] }),
        ],
      }),
    )
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('letters')
    await q.dropTable('letterheads')
    await q.dropTable('letter_templates')
    await q.dropColumn('business_profile', 'letter_page_size')
  }
}
