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

export const KIND_GROUPS = ['revenue', 'collected', 'direct_cost', 'concession'] as const
export type KindGroup = (typeof KIND_GROUPS)[number]

/**
 * How each kind counts in the figures: the one table the SQL sums, figuresOf() and the ledger's
 * columns are all derived from, so a new kind cannot count one way in one place and another elsewhere.
 */
export const ENTRY_KIND_GROUP: Record<EntryKind, KindGroup> = {
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

/** The kinds that count in any of the given groups, in ENTRY_KINDS order. */
export function kindsIn(...groups: KindGroup[]): EntryKind[] {
  return ENTRY_KINDS.filter((k) => groups.includes(ENTRY_KIND_GROUP[k]))
}

/** What a client costs: direct costs and concessions. */
export const COST_KINDS: readonly EntryKind[] = kindsIn('direct_cost', 'concession')

/** The ledger's two columns: money the client brings (invoiced, paid) and money they cost. */
export function entrySide(kind: EntryKind): 'in' | 'out' {
  const group = ENTRY_KIND_GROUP[kind]
  return group === 'revenue' || group === 'collected' ? 'in' : 'out'
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
