/** The shape of `window.api`, built by the preload factory from the channel list. */
import type { Channel } from './channels'
import type { Input, Output } from './contract'
import type { Envelope } from './envelope'
import type { MenuCommand } from './words'
import type { ImportProgress } from './ledger-import/progress'
import type { LiveEvent } from './live/events'

export type ChannelFunctions = { [C in Channel]: (input: Input<C>) => Promise<Envelope<Output<C>>> }

export interface DeskApi {
  call: ChannelFunctions
  /** Subscribe to native menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void
  /** Subscribe to ledger import progress; returns the unsubscribe function. */
  onImportProgress(listener: (progress: ImportProgress) => void): () => void
  /** Subscribe to main's requests to go to a page (a reminder or the tray was clicked). */
  onNavigate(listener: (path: string) => void): () => void
  /** Subscribe to the shared database's news: another desktop's changes, the connection lost or back. */
  onLive(listener: (event: LiveEvent) => void): () => void
}
