/** The ledger's words, shared by main and renderer (DOMAIN.md, "The numbers"). */

export const ENTRY_KINDS = [
  'invoice',
  'payment',
  'time',
  'material',
  'expense',
  'refund',
  'discount',
  'credit',
  'gift',
] as const
export type EntryKind = (typeof ENTRY_KINDS)[number]

export const ENTRY_KIND_LABELS: Record<EntryKind, string> = {
  invoice: 'Invoice',
  payment: 'Payment',
  time: 'Time',
  material: 'Material',
  expense: 'Expense',
  refund: 'Refund',
  discount: 'Discount',
  credit: 'Credit',
  gift: 'Goodwill gift',
}

/** How each kind counts in the figures. */
export const ENTRY_KIND_GROUP: Record<EntryKind, 'revenue' | 'collected' | 'direct_cost' | 'concession'> = {
  invoice: 'revenue',
  payment: 'collected',
  time: 'direct_cost',
  material: 'direct_cost',
  expense: 'direct_cost',
  refund: 'concession',
  discount: 'concession',
  credit: 'concession',
  gift: 'concession',
}

export const RECOMMENDATIONS = ['keep_investing', 'stand_firm', 'give_way', 'cut_ties'] as const
export type Recommendation = (typeof RECOMMENDATIONS)[number]

export const RECOMMENDATION_LABELS: Record<Recommendation, string> = {
  keep_investing: 'Keep investing',
  stand_firm: 'Stand firm',
  give_way: 'Give the client their way',
  cut_ties: 'Cut ties',
}

export const INVOICE_STATES = ['paid', 'partly_paid', 'outstanding'] as const
export type InvoiceState = (typeof INVOICE_STATES)[number]
export const INVOICE_STATE_LABELS: Record<InvoiceState, string> = {
  paid: 'Paid',
  partly_paid: 'Partly paid',
  outstanding: 'Outstanding',
}

export const PERIOD_PRESETS = ['month', 'quarter', 'year', 'ttm', 'custom'] as const
export type PeriodPreset = (typeof PERIOD_PRESETS)[number]
export const PERIOD_LABELS: Record<PeriodPreset, string> = {
  month: 'This month',
  quarter: 'This quarter',
  year: 'This year',
  ttm: 'Last 12 months',
  custom: 'Custom',
}
