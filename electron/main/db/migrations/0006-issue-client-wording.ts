import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm'

/** An issue's optional wording for the client: what letters print instead of the owner's working note. */
export class IssueClientWording1763800000006 implements MigrationInterface {
  name = 'IssueClientWording1763800000006'

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn(
      'turnaround_issues',
      new TableColumn({ name: 'client_wording', type: 'varchar', length: '1000', default: "''" }),
    )
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('turnaround_issues', 'client_wording')
  }
}
