/**
 * What the window asks main for first, started by its first script before the app's code has loaded
 * (see src/api/start-reads.ts): the business profile, the app's information and the appearance for
 * every page, and the first data of the page the window opens on, asked exactly as its store will.
 */
import type { Channel } from '../../electron/shared/channels'
import { startRead } from '../api/start-reads'
import { START_PAGE } from '../start-page'
import { firstListView, listQuery } from './client-list-query'

type Read = [channel: Channel, input?: unknown]

/** Every page's first reads (the app store's and the appearance store's `load`). */
const WINDOW_READS: Read[] = [['app:info'], ['profile:get'], ['appearance:get']]

/** A page's own first reads, by its path, as its view asks them when it opens. */
const PAGE_READS: Record<string, () => Read[]> = {
  '/today': () => [['reminders:get'], ['today:get']],
  '/clients': () => [['clients:list', listQuery(firstListView())], ['clients:tags']],
}

/** The page a window's address opens: `#/clients` is the client list, no page at all is the start page. */
export function openingPath(hash: string): string {
  const path = hash.replace(/^#/, '').split('?')[0] ?? ''
  return path === '' || path === '/' ? START_PAGE : path
}

/** Starts the reads of a window opening on `hash` (its address's `#/…`). */
export function startWindowReads(hash: string): void {
  for (const [channel, input] of [...WINDOW_READS, ...(PAGE_READS[openingPath(hash)]?.() ?? [])])
    startRead(channel, input)
}
