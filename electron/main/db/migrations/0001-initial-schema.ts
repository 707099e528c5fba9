import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm'

const text = (name: string, length?: number, extra: object = {}) => ({
  name,
  type: length === undefined ? 'text' : 'varchar',
  ...(length === undefined ? {} : { length: String(length) }),
  ...extra,
})

/** The business profile, clients and their tags. Written with TypeORM's portable Table API. */
export class InitialSchema1763800000001 implements MigrationInterface {
  name = 'InitialSchema1763800000001'

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'business_profile',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true },
          text('business_name', 120),
          text('owner_name', 120),
          text('address', undefined, { default: "''" }),
          text('email', 254, { default: "''" }),
          text('phone', 40, { default: "''" }),
          text('currency', 3),
          { name: 'hourly_worth_minor', type: 'integer' },
          text('logo_data_url', undefined, { isNullable: true }),
          { name: 'is_sample', type: 'boolean', default: false },
          text('created_at', 30),
          text('updated_at', 30),
        ],
      }),
    )
    await q.createTable(
      new Table({
        name: 'clients',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          text('name', 160),
          text('company', 160, { default: "''" }),
          text('contact_person', 120, { default: "''" }),
          text('email', 254, { default: "''" }),
          text('phone', 40, { default: "''" }),
          text('address', undefined, { default: "''" }),
          text('notes', undefined, { default: "''" }),
          text('date_won', 10, { isNullable: true }),
          { name: 'referral_value_minor', type: 'integer', default: 0 },
          text('status', 20),
          text('name_key', 160),
          text('search_text'),
          text('archived_at', 30, { isNullable: true }),
          { name: 'is_sample', type: 'boolean', default: false },
          text('created_at', 30),
          text('updated_at', 30),
        ],
        indices: [
          new TableIndex({ name: 'idx_clients_status', columnNames: ['status'] }),
          new TableIndex({ name: 'idx_clients_name_key', columnNames: ['name_key'] }),
        ],
      }),
    )
    await q.createTable(
      new Table({
        name: 'client_tags',
        columns: [{ name: 'client_id', type: 'integer', isPrimary: true }, text('tag', 40, { isPrimary: true })],
        foreignKeys: [
          {
            columnNames: ['client_id'],
            referencedTableName: 'clients',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
        indices: [new TableIndex({ name: 'idx_client_tags_tag', columnNames: ['tag'] })],
      }),
    )
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('client_tags')
    await q.dropTable('clients')
    await q.dropTable('business_profile')
  }
}
