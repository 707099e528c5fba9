import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm'

const date = (name: string, nullable = false) => ({ name, type: 'varchar', length: '10', isNullable: nullable })
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
const belongsToTurnaround = {
  columnNames: ['turnaround_id'],
  referencedTableName: 'turnarounds',
  referencedColumnNames: ['id'],
  onDelete: 'CASCADE',
}

/** The turnaround planner: turnarounds, hand-overs, issues, actions, commitments and touchpoints. */
export class TurnaroundPlanner1763800000002 implements MigrationInterface {
  name = 'TurnaroundPlanner1763800000002'

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('business_profile', [
      new TableColumn(int('warning_window_days', { default: 2 })),
      new TableColumn(int('follow_up_every_days', { default: 2 })),
      new TableColumn(int('check_in_after_days', { default: 90 })),
    ])
    await q.createTable(
      new Table({
        name: 'turnarounds',
        columns: [
          idColumn,
          int('client_id'),
          date('opened_on'),
          str('owner', 120),
          str('first_heard_by', 120),
          str('channel', 20),
          text('client_words', { default: "''" }),
          text('client_expectation', { default: "''" }),
          date('response_promised_on', true),
          int('follow_up_every_days'),
          date('last_touchpoint_on', true),
          date('next_follow_up_on', true),
          date('issues_agreed_on', true),
          str('issues_agreed_via', 20, { isNullable: true }),
          text('agreement_snapshot', { isNullable: true }),
          text('agreement_missing_note', { default: "''" }),
          str('client_commitment_kind', 30, { isNullable: true }),
          text('client_commitment', { default: "''" }),
          int('client_commitment_amount_minor', { isNullable: true }),
          date('plan_agreed_on', true),
          date('closed_on', true),
          str('outcome', 20, { isNullable: true }),
          text('closing_note', { default: "''" }),
          date('check_in_due_on', true),
          date('checked_in_on', true),
          str('stage', 30),
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
        ],
        indices: [
          new TableIndex({ name: 'idx_turnarounds_client', columnNames: ['client_id'] }),
          new TableIndex({ name: 'idx_turnarounds_next_follow_up', columnNames: ['next_follow_up_on'] }),
          new TableIndex({ name: 'idx_turnarounds_check_in_due', columnNames: ['check_in_due_on'] }),
          new TableIndex({ name: 'idx_turnarounds_stage', columnNames: ['stage'] }),
          // At most one open turnaround per client (a partial index: SQLite and PostgreSQL both have them).
          new TableIndex({
            name: 'uq_turnarounds_one_open_per_client',
            columnNames: ['client_id'],
            isUnique: true,
            where: 'closed_on IS NULL',
          }),
        ],
      }),
    )
    await q.createTable(
      new Table({
        name: 'turnaround_handovers',
        columns: [
          idColumn,
          int('turnaround_id'),
          date('handed_on'),
          str('from_owner', 120),
          str('to_owner', 120),
          text('reason'),
        ],
        foreignKeys: [belongsToTurnaround],
        indices: [new TableIndex({ name: 'idx_handovers_turnaround', columnNames: ['turnaround_id'] })],
      }),
    )
    await q.createTable(
      new Table({
        name: 'turnaround_issues',
        columns: [
          idColumn,
          int('turnaround_id'),
          text('statement'),
          text('client_words', { default: "''" }),
          { name: 'is_general', type: 'boolean', default: false },
          str('root_cause', 30, { isNullable: true }),
          str('reality', 20),
          int('severity'),
          str('staff_member', 120, { default: "''" }),
          str('product', 120, { default: "''" }),
          text('success_criterion', { default: "''" }),
          str('status', 20),
          text('prevention', { default: "''" }),
          date('raised_on'),
          stamp('created_at'),
          stamp('updated_at'),
        ],
        foreignKeys: [belongsToTurnaround],
        indices: [
          new TableIndex({ name: 'idx_issues_turnaround', columnNames: ['turnaround_id'] }),
          // Covers every column the trends queries read, so they never touch the table rows.
          new TableIndex({
            name: 'idx_issues_trends',
            columnNames: ['raised_on', 'status', 'root_cause', 'severity', 'turnaround_id', 'staff_member', 'product'],
          }),
        ],
      }),
    )
    await q.createTable(
      new Table({
        name: 'turnaround_actions',
        columns: [
          idColumn,
          int('turnaround_id'),
          int('issue_id', { isNullable: true }),
          str('title', 300),
          int('impact'),
          int('effort_minutes'),
          int('cost_minor', { default: 0 }),
          str('party', 10),
          str('responsible', 120, { default: "''" }),
          date('due_on', true),
          str('status', 20),
          int('manual_rank', { isNullable: true }),
          stamp('created_at'),
          stamp('updated_at'),
        ],
        foreignKeys: [
          belongsToTurnaround,
          {
            columnNames: ['issue_id'],
            referencedTableName: 'turnaround_issues',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
          },
        ],
        indices: [new TableIndex({ name: 'idx_actions_turnaround', columnNames: ['turnaround_id'] })],
      }),
    )
    await q.createTable(
      new Table({
        name: 'commitments',
        columns: [
          idColumn,
          int('turnaround_id'),
          str('party', 10),
          text('description'),
          date('due_on'),
          date('original_due_on'),
          str('status', 20),
          date('done_on', true),
          text('renegotiation_reason', { default: "''" }),
          stamp('created_at'),
          stamp('updated_at'),
        ],
        foreignKeys: [belongsToTurnaround],
        indices: [
          new TableIndex({ name: 'idx_commitments_turnaround', columnNames: ['turnaround_id'] }),
          new TableIndex({ name: 'idx_commitments_status_due', columnNames: ['status', 'due_on'] }),
        ],
      }),
    )
    await q.createTable(
      new Table({
        name: 'touchpoints',
        columns: [
          idColumn,
          int('client_id'),
          int('turnaround_id', { isNullable: true }),
          str('kind', 20),
          date('occurred_on'),
          str('who', 120),
          int('minutes'),
          text('summary', { default: "''" }),
          { name: 'is_check_in', type: 'boolean', default: false },
          stamp('created_at'),
        ],
        foreignKeys: [
          {
            columnNames: ['client_id'],
            referencedTableName: 'clients',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
          belongsToTurnaround,
        ],
        indices: [
          new TableIndex({ name: 'idx_touchpoints_client', columnNames: ['client_id'] }),
          new TableIndex({ name: 'idx_touchpoints_turnaround_on', columnNames: ['turnaround_id', 'occurred_on'] }),
        ],
      }),
    )
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'touchpoints',
      'commitments',
      'turnaround_actions',
      'turnaround_issues',
      'turnaround_handovers',
      'turnarounds',
    ])
      await q.dropTable(table)
    for (const column of ['check_in_after_days', 'follow_up_every_days', 'warning_window_days'])
      await q.dropColumn('business_profile', column)
  }
}
