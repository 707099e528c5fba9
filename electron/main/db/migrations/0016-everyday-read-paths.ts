import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm'

/** The indexes this migration adds, the same on SQLite and PostgreSQL. */
const INDEXES = [
  {
    table: 'letters',
    // "Save as PDF" opens its dialog in the folder of the letter saved last: the index's last entry,
    // where every letter ever saved was read and sorted (26 ms at 10,000 letters).
    index: new TableIndex({ name: 'idx_letters_exported', columnNames: ['exported_at', 'id'] }),
  },
  {
    table: 'touchpoints',
    // The touchpoints' cost, each client's minutes at each rate: read in this order from the index
    // alone, with no sort, by the check of the ledger's whole on every write that adds to it (its
    // touchpoints' part 44 ms at 100,000 touchpoints, 8 ms with it) and by the figures of a period.
    index: new TableIndex({
      name: 'idx_touchpoints_cost',
      columnNames: ['client_id', 'rate_minor', 'occurred_on', 'minutes'],
    }),
  },
]

/**
 * Reads an everyday action makes that grew with the owner's history: each now reads an index that
 * answers it in order, not a whole table sorted.
 */
export class EverydayReadPaths1763800000016 implements MigrationInterface {
  name = 'EverydayReadPaths1763800000016'

  async up(q: QueryRunner): Promise<void> {
    for (const { table, index } of INDEXES) await q.createIndex(table, index)
  }

  async down(q: QueryRunner): Promise<void> {
    for (const { table, index } of [...INDEXES].reverse()) await q.dropIndex(table, index.name!)
  }
}
