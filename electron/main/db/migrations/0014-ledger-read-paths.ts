import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm'
import { engineOf } from '../engine'

/** The kinds as migration 0013 made their columns (this list must not change). */
const KINDS = ['invoice', 'payment', 'time', 'material', 'expense', 'refund', 'discount', 'credit', 'gift']
const VALUES = [...KINDS.map((k) => `${k}_minor`), 'time_minutes', 'entries']
const int = (name: string) => ({ name, type: 'integer', default: 0 })

/** The entries' indexes on a column most entries leave empty: they keep only the entries that have one. */
const SPARSE = [
  { name: 'idx_ledger_turnaround', column: 'turnaround_id' },
  { name: 'idx_ledger_invoice', column: 'invoice_id' },
]

/**
 * Two cheaper ways through the ledger.
 *
 * The client months (0013) are keyed by client, then month. A period's figures walk the clients in
 * order and read each one's months as one run of the key, so the sums come out grouped with no sort
 * (0013's month-first key had the database sort every client's months together, about a third more
 * time for the portfolio), and one client's months are read the same way, so the index on client and
 * month is no longer needed. The rows are copied as they are; the triggers are made again unchanged.
 *
 * The indexes on an entry's turnaround and on the invoice a payment settles hold only the entries
 * that have one (most have neither): every lookup by a turnaround or an invoice asks for a value, which
 * the smaller index answers the same, and an import keeps or rebuilds far less.
 */
export class LedgerReadPaths1763800000014 implements MigrationInterface {
  name = 'LedgerReadPaths1763800000014'

  async up(q: QueryRunner): Promise<void> {
    await this.rebuildClientMonths(q, ['client_id', 'month'])
    for (const s of SPARSE) {
      await q.dropIndex('ledger_entries', s.name)
      await q.createIndex(
        'ledger_entries',
        new TableIndex({ name: s.name, columnNames: [s.column], where: `${s.column} IS NOT NULL` }),
      )
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const s of SPARSE) {
      await q.dropIndex('ledger_entries', s.name)
      await q.createIndex('ledger_entries', new TableIndex({ name: s.name, columnNames: [s.column] }))
    }
    await this.rebuildClientMonths(q, ['month', 'client_id'])
  }

  /** Makes the client months again keyed by `key` (0013's table had month first, with an index by client). */
  private async rebuildClientMonths(q: QueryRunner, key: ['client_id', 'month'] | ['month', 'client_id']) {
    const engine = engineOf(q)
    const columns = [...key, ...VALUES].join(', ')
    await engine.dropClientMonthsTriggers(q)
    await q.query(`CREATE TEMPORARY TABLE client_months_copy AS SELECT ${columns} FROM ledger_client_months`)
    await q.dropTable('ledger_client_months')
    const keyColumns = {
      client_id: { name: 'client_id', type: 'integer', isPrimary: true },
      month: { name: 'month', type: 'varchar', length: '7', isPrimary: true },
    }
    await q.createTable(
      new Table({
        name: 'ledger_client_months',
        withoutRowid: true,
        columns: [...key.map((k) => keyColumns[k]), ...VALUES.map(int)],
        foreignKeys: [
          {
            columnNames: ['client_id'],
            referencedTableName: 'clients',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
        indices:
          key[0] === 'month'
            ? [new TableIndex({ name: 'idx_ledger_client_months_client', columnNames: ['client_id', 'month'] })]
            : [],
      }),
    )
    await q.query(`INSERT INTO ledger_client_months (${columns}) SELECT ${columns} FROM client_months_copy`)
    await q.query('DROP TABLE client_months_copy')
    await engine.createClientMonthsTriggers(q)
  }
}
