/** The product's words (see DOMAIN.md), shared by main, preload and renderer. No Node, Electron or Vue imports. */

export const CLIENT_STATUSES = ['active', 'at_risk', 'in_turnaround', 'recovered', 'let_go'] as const
export type ClientStatus = (typeof CLIENT_STATUSES)[number]

export const CLIENT_STATUS_LABELS: Record<ClientStatus, string> = {
  active: 'Active',
  at_risk: 'At risk',
  in_turnaround: 'In turnaround',
  recovered: 'Recovered',
  let_go: 'Let go',
}

export const CLIENT_SORT_KEYS = ['name', 'company', 'status', 'dateWon', 'referralValue', 'updatedAt'] as const
export type ClientSortKey = (typeof CLIENT_SORT_KEYS)[number]

/** Commands the native menu sends to the renderer. */
export const MENU_COMMANDS = [
  'new-client',
  'find',
  'go-today',
  'go-clients',
  'go-turnarounds',
  'go-ledger',
  'go-letters',
  'go-trends',
  'go-settings',
  'import-ledger',
  'backup-now',
  'restore-backup',
  'restore-file',
  'export-everything',
  'zoom-in',
  'zoom-out',
  'zoom-reset',
] as const
export type MenuCommand = (typeof MENU_COMMANDS)[number]
