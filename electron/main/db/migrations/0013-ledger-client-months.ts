import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm'
import { engineOf } from '../engine'
import { addMonthTotalsSql } from '../client-months'

/** The kinds as this migration makes their columns (words.ts may grow; this list must not change). */
const KINDS = ['invoice', 'payment', 'time', 'material', 'expense', 'refund', 'discount', 'credit', 'gift']

const int = (name: string) => ({ name, type: 'integer', default: 0 })

/**
 * Each client's month in one row: the month totals of every kind side by side, the time minutes
 * and the entries (see client-months.ts). Filled from the month totals already there and kept by
 * triggers on ledger_month_totals. On SQLite the rows live in their primary key (WITHOUT ROWID),
 * so a period's months across every client are read in one pass of the key; one client's through
 * the index on client and month.
 */
export class LedgerClientMonths1763800000013 implements MigrationInterface {
  name = 'LedgerClientMonths1763800000013'

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'ledger_client_months',
        withoutRowid: true,
        // The key is month first: a period's months are one run of it, every client together.
        columns: [
          { name: 'month', type: 'varchar', length: '7', isPrimary: true },
          { name: 'client_id', type: 'integer', isPrimary: true },
          ...KINDS.map((k) => int(`${k}_minor`)),
          int('time_minutes'),
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
        indices: [new TableIndex({ name: 'idx_ledger_client_months_client', columnNames: ['client_id', 'month'] })],
      }),
    )
    await q.query(
      addMonthTotalsSql('SELECT client_id, month, kind, amount_minor, minutes, entries FROM ledger_month_totals'),
    )
    await engineOf(q).createClientMonthsTriggers(q)
  }

  async down(q: QueryRunner): Promise<void> {
    await engineOf(q).dropClientMonthsTriggers(q)
    await q.dropTable('ledger_client_months')
  }
}
