import { Column, Entity, Index, PrimaryColumn } from 'typeorm'
import type { EntryKind } from '../../../shared/ledger/words'

/** Per client, month and kind: the sum of the entries. Written only by the triggers of migration 0004. */
@Entity({ name: 'ledger_month_totals' })
@Index('idx_ledger_month_totals_month', ['month', 'clientId'])
export class LedgerMonthTotalEntity {
  @PrimaryColumn({ name: 'client_id', type: 'integer' })
  clientId!: number

  /** YYYY-MM */
  @PrimaryColumn({ type: 'varchar', length: 7 })
  month!: string

  @PrimaryColumn({ type: 'varchar', length: 20 })
  kind!: EntryKind

  @Column({ name: 'amount_minor', type: 'integer' })
  amountMinor!: number

  @Column({ type: 'integer' })
  minutes!: number

  @Column({ type: 'integer' })
  entries!: number
}
