import { Column, Entity, PrimaryColumn } from 'typeorm'

const amount = (name: string) => ({ name, type: 'integer' as const, default: 0 })

/**
 * Per client and month: the month totals of every kind side by side (client-months.ts). Written
 * only by the triggers of migration 0013 and the bulk paths that set them aside. Keyed by client,
 * then month (migration 0014).
 */
@Entity({ name: 'ledger_client_months', withoutRowid: true })
export class LedgerClientMonthEntity {
  @PrimaryColumn({ name: 'client_id', type: 'integer' })
  clientId!: number

  /** YYYY-MM */
  @PrimaryColumn({ type: 'varchar', length: 7 })
  month!: string

  @Column(amount('invoice_minor')) invoiceMinor!: number
  @Column(amount('payment_minor')) paymentMinor!: number
  @Column(amount('time_minor')) timeMinor!: number
  @Column(amount('material_minor')) materialMinor!: number
  @Column(amount('expense_minor')) expenseMinor!: number
  @Column(amount('refund_minor')) refundMinor!: number
  @Column(amount('discount_minor')) discountMinor!: number
  @Column(amount('credit_minor')) creditMinor!: number
  @Column(amount('gift_minor')) giftMinor!: number
  @Column(amount('time_minutes')) timeMinutes!: number
  @Column(amount('entries')) entries!: number
}
