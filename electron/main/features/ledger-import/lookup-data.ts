/**
 * What reading rows needs from the database, as plain data (lookups.ts loads it): the reading thread
 * is given it, and its code never loads the database's (read-worker.ts).
 */
import { searchKey } from '../../../shared/text'

export interface StaffMember {
  id: number
  name: string
  rateMinor: number
}

export interface ImportLookups {
  currency: string
  /** The business's chosen locale ("" for none): an amount English cannot read is read in it ("12,34"). */
  locale: string
  hourlyWorthMinor: number
  ownerName: string
  /** Folded client name (name_key) → client id; the oldest client wins when names repeat. */
  clients: Map<string, number>
  staff: Map<string, StaffMember>
  /** Turnaround id → its client's id. */
  turnarounds: Map<number, number>
  /** Each client's open turnaround (the latest opened, when several are open). */
  openTurnarounds: Map<number, number>
}

export const clientKey = (name: string) => searchKey(name).slice(0, 160)
