import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
import type { EntryKind } from '../../../shared/ledger/words'

/**
 * One ledger entry. Amounts are integer minor units, positive for every kind (the kind says how it
 * counts). A time entry keeps who worked, the minutes and the hourly rate, and its amount is
 * costOfMinutes(minutes, rate). Triggers keep ledger_month_totals exact on every write.
 */
@Entity({ name: 'ledger_entries' })
@Index('idx_ledger_client_date', ['clientId', 'entryDate'])
export class LedgerEntryEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number

  @Column({ name: 'client_id', type: 'integer' })
  clientId!: number

  /** Only the entries tied to a turnaround (migration 0014). */
  @Index('idx_ledger_turnaround', { where: 'turnaround_id IS NOT NULL' })
  @Column({ name: 'turnaround_id', type: 'integer', nullable: true })
  turnaroundId!: number | null

  @Column({ type: 'varchar', length: 20 })
  kind!: EntryKind

  /** The local calendar day, YYYY-MM-DD: periods are compared as text, never through time zones. */
  @Index('idx_ledger_date')
  @Column({ name: 'entry_date', type: 'varchar', length: 10 })
  entryDate!: string

  @Column({ type: 'text', default: '' })
  description!: string

  @Column({ name: 'amount_minor', type: 'integer' })
  amountMinor!: number

  @Column({ type: 'varchar', length: 3 })
  currency!: string

  @Column({ name: 'staff_id', type: 'integer', nullable: true })
  staffId!: number | null

  /** Who worked, as entered (the owner when no staff member is chosen). */
  @Column({ type: 'varchar', length: 120, default: '' })
  worker!: string

  @Column({ type: 'integer', nullable: true })
  minutes!: number | null

  @Column({ name: 'rate_minor', type: 'integer', nullable: true })
  rateMinor!: number | null

  /** For a payment: the invoice it settles. */
  @Index('idx_ledger_invoice', { where: 'invoice_id IS NOT NULL' })
  @Column({ name: 'invoice_id', type: 'integer', nullable: true })
  invoiceId!: number | null

  /** The number the outside world knows it by (invoice number, for example). */
  @Column({ type: 'varchar', length: 120, default: '' })
  reference!: string

  /** A hash of an imported row's source, so importing the same file twice adds nothing. */
  @Index('uq_ledger_import_key', { unique: true })
  @Column({ name: 'import_key', type: 'varchar', length: 64, nullable: true })
  importKey!: string | null

  @Column({ name: 'is_sample', type: 'boolean', default: false })
  isSample!: boolean

  /** Raised by every edit, only by claimVersion (db/record-version.ts): save() never writes it. */
  @Column({ type: 'integer', default: 1, update: false })
  version!: number

  @Column({ name: 'created_by', type: 'varchar', length: 120, default: '', update: false })
  createdBy!: string

  @Column({ name: 'updated_by', type: 'varchar', length: 120, default: '', update: false })
  updatedBy!: string

  @Column({ name: 'created_at', type: 'varchar', length: 30 })
  createdAt!: string

  @Column({ name: 'updated_at', type: 'varchar', length: 30 })
  updatedAt!: string
}
