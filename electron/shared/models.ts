/** What the main process returns: plain, serialisable data. */
import type { PageSize } from './letters/words'
import type { ClientStatus } from './words'

export interface BusinessProfile {
  businessName: string
  ownerName: string
  address: string
  email: string
  phone: string
  currency: string
  /** How dates, numbers and amounts are written and typed ("en-GB", "de-DE"); "" for the computer's language. */
  locale: string
  hourlyWorthMinor: number
  logoDataUrl: string | null
  isSample: boolean
  updatedAt: string
  /** Commitments due within this many days and not done are "at risk". */
  warningWindowDays: number
  /** Follow up with a client in turnaround every this many days, from the last touchpoint. */
  followUpEveryDays: number
  /** Check in this many days after a turnaround closes. */
  checkInAfterDays: number
  /** An action is a quick win only if it takes at most this much effort. */
  quickWinMaxEffortMinutes: number
  /** Letters are laid out on this paper size. */
  letterPageSize: PageSize
}

/** Who made a record and who changed it last, and its version (a save names the version it edited). */
export interface Authorship {
  version: number
  /** The name of the person at the desktop that created it ('' before names were kept). */
  createdBy: string
  updatedBy: string
  /** When it was created and last changed (ISO timestamps). */
  createdAt: string
  updatedAt: string
}

export interface Client extends Authorship {
  id: number
  name: string
  company: string
  contactPerson: string
  /** The contact's title for letters (Dr, Ms, Mr…), blank if none. */
  contactTitle: string
  email: string
  phone: string
  address: string
  notes: string
  tags: string[]
  dateWon: string | null
  /** Null: no estimate, so the owner's default referral value counts; 0 means none. */
  referralValueMinor: number | null
  status: ClientStatus
  archivedAt: string | null
  isSample: boolean
}

export type ClientRow = Omit<Client, 'notes' | 'address' | 'version' | 'createdBy' | 'updatedBy'>

export interface ClientPage {
  rows: ClientRow[]
  total: number
  /** Counts per status of the clients matching everything but the status filter. */
  statusCounts: Partial<Record<ClientStatus, number>>
}

export interface AppInfo {
  version: string
  dataDir: string
  databaseFile: string
  hasProfile: boolean
  hasSampleData: boolean
  /** A brand-new install, before where to keep the data is chosen: the window asks that first. */
  firstStart?: boolean
}

export interface SampleLoadResult {
  clients: number
}

export interface SampleRemoveResult {
  clients: number
}
