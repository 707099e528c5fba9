/**
 * The ports features share with the outside world: the clock and the native file dialogs. Electron
 * supplies the real ones (index.ts), tests fakes; features import the types from here, never from
 * each other.
 */

/** The clock. */
export type Clock = () => Date

export interface SaveDialogOptions {
  title: string
  /** A file name, or a full path in the folder used last. */
  defaultPath: string
  /** The kinds of file offered; PDF when not given. */
  filters?: Array<{ name: string; extensions: string[] }>
}

/** The native save dialog: the chosen path, or null when cancelled. */
export type ChooseSavePath = (options: SaveDialogOptions) => Promise<string | null>

export interface OpenDialogOptions {
  title: string
  filters: Array<{ name: string; extensions: string[] }>
}

/** The native open dialog: the chosen path, or null when cancelled. */
export type ChooseOpenFile = (options: OpenDialogOptions) => Promise<string | null>
