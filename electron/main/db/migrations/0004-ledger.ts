import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm'
import { engineOf } from '../engine'

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

/**
 * The ledger: staff and their cost rates, the owner's risk limits, every entry, the monthly totals
 * per client and kind (kept exact by triggers on every insert, update and delete, so portfolio
 * figures read a few thousand rows instead of a million), and the keep-or-cut decisions.
 */
export class Ledger1763800000004 implements MigrationInterface {
  name = 'Ledger1763800000004'

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('business_profile', [
      new TableColumn(int('horizon_years', { default: 3 })),
      new TableColumn(int('max_turnaround_share_pct', { default: 25 })),
      new TableColumn(int('max_turnaround_minutes', { default: 1200 })),
      new TableColumn(int('min_effective_rate_minor', { default: 0 })),
      new TableColumn(int('default_referral_value_minor', { default: 0 })),
    ])
    await q.createTable(
      new Table({
        name: 'staff',
        columns: [
          idColumn,
          str('name', 120),
          int('cost_rate_minor'),
          { name: 'is_sample', type: 'boolean', default: false },
          stamp('created_at'),
          stamp('updated_at'),
        ],
        indices: [new TableIndex({ name: 'uq_staff_name', columnNames: ['name'], isUnique: true })],
      }),
    )
    await q.createTable(
      new Table({
        name: 'ledger_entries',
        columns: [
          idColumn,
          int('client_id'),
          int('turnaround_id', { isNullable: true }),
          str('kind', 20),
          str('entry_date', 10),
          text('description', { default: "''" }),
          int('amount_minor'),
          str('currency', 3),
          int('staff_id', { isNullable: true }),
          str('worker', 120, { default: "''" }),
          int('minutes', { isNullable: true }),
          int('rate_minor', { isNullable: true }),
          int('invoice_id', { isNullable: true }),
          str('reference', 120, { default: "''" }),
          str('import_key', 64, { isNullable: true }),
          { name: 'is_sample', type: 'boolean', default: false },
          stamp('created_at'),
          stamp('updated_at'),
        ],
        foreignKeys: [
          {
            columnNames: ['client_id'],
            referencedTableName: 'clients',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
          {
            columnNames: ['turnaround_id'],
            referencedTableName: 'turnarounds',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
          },
          {
            columnNames: ['staff_id'],
            referencedTableName: 'staff',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
          },
          // A payment may settle one invoice; deleting the invoice leaves the payment unapplied.
          {
            columnNames: ['invoice_id'],
            referencedTableName: 'ledger_entries',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
          },
        ],
        indices: [
          new TableIndex({ name: 'idx_ledger_client_date', columnNames: ['client_id', 'entry_date'] }),
          new TableIndex({ name: 'idx_ledger_turnaround', columnNames: ['turnaround_id'] }),
          new TableIndex({ name: 'idx_ledger_date', columnNames: ['entry_date'] }),
          new TableIndex({ name: 'idx_ledger_invoice', columnNames: ['invoice_id'] }),
          new TableIndex({ name: 'uq_ledger_import_key', columnNames: ['import_key'], isUnique: true }),
        ],
      }),
    )
    await q.createTable(
      new Table({
        name: 'ledger_month_totals',
        columns: [
          int('client_id', { isPrimary: true }),
          str('month', 7, { isPrimary: true }),
          str('kind', 20, { isPrimary: true }),
          int('amount_minor'),
          int('minutes'),
          int('entries'),
        ],
        foreignKeys: [
          {
            columnNames: ['client_id'],
            referencedTableName: 'clients',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
        indices: [new TableIndex({ name: 'idx_ledger_month_totals_month', columnNames: ['month', 'client_id'] })],
      }),
    )
    // Triggers differ by engine (SQLite's trigger bodies, PostgreSQL's trigger functions).
    await engineOf(q).createMonthTotalsTriggers(q)
    await q.createTable(
      new Table({
        name: 'client_decisions',
        columns: [
          idColumn,
          int('client_id'),
          int('turnaround_id', { isNullable: true }),
          str('decided_on', 10),
          str('recommendation', 20),
          str('decision', 20),
          text('note', { default: "''" }),
          text('figures'),
          stamp('created_at'),
        ],
        foreignKeys: [
          {
            columnNames: ['client_id'],
            referencedTableName: 'clients',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
          {
            columnNames: ['turnaround_id'],
            referencedTableName: 'turnarounds',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
          },
        ],
        indices: [new TableIndex({ name: 'idx_client_decisions_client', columnNames: ['client_id', 'decided_on'] })],
      }),
    )
    // Each touchpoint keeps the rate it was logged at, like a time entry; the ones already logged
    // take the owner's hourly worth, the only rate known before staff existed.
    await q.query('ALTER TABLE touchpoints ADD COLUMN rate_minor integer NOT NULL DEFAULT (0)')
    await q.query(
      'UPDATE touchpoints SET rate_minor = COALESCE((SELECT hourly_worth_minor FROM business_profile ORDER BY id LIMIT 1), 0)',
    )
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE touchpoints DROP COLUMN rate_minor')
    await q.dropTable('client_decisions')
    await engineOf(q).dropMonthTotalsTriggers(q)
    await q.dropTable('ledger_month_totals')
    await q.dropTable('ledger_entries')
    await q.dropTable('staff')
    for (const c of [
      'default_referral_value_minor',
      'min_effective_rate_minor',
      'max_turnaround_minutes',
      'max_turnaround_share_pct',
      'horizon_years',
    ])
      await q.dropColumn('business_profile', c)
  }
}
