import { Table, type MigrationInterface, type QueryRunner } from 'typeorm'

/**
 * A business letter's conventions: the owner's choices (window-envelope address, references, cc and
 * enclosures, the signer's role, a scanned signature, titles in the salutation, a legal footer) in
 * one row, each letter's own references, cc and enclosures, and a client contact's title.
 */
export class LetterConventions1763800000009 implements MigrationInterface {
  name = 'LetterConventions1763800000009'

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'letter_conventions',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true },
          { name: 'settings', type: 'text', default: "'{}'" },
          { name: 'updated_at', type: 'varchar', length: '30' },
        ],
      }),
    )
    // ALTER TABLE in place: rebuilding a table (TypeORM's addColumn on SQLite) breaks the triggers that name it.
    await q.query(`ALTER TABLE letters ADD COLUMN extras text NOT NULL DEFAULT '{}'`)
    await q.query(`ALTER TABLE clients ADD COLUMN contact_title varchar(40) NOT NULL DEFAULT ''`)
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE clients DROP COLUMN contact_title')
    await q.query('ALTER TABLE letters DROP COLUMN extras')
    await q.dropTable('letter_conventions')
  }
}
