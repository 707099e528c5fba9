/**
 * The app's real handlers behind its real dispatcher, without a window: for a process that plays a
 * desktop (a crash writer, one of several desktops, a benchmark's desktop). Nothing is chosen,
 * saved or opened through a dialog; errors main logs go to `logError`.
 */
import { createHandlers, type AppContext, type Ports } from '../../electron/main/features/handlers'
import { createDispatcher, type Dispatcher } from '../../electron/main/ipc'
import { READER_FILE } from './reader-file'

export function headlessDispatcher(
  ctx: AppContext,
  now: () => Date,
  logError: (channel: string, error: unknown) => void = () => {},
): Dispatcher {
  const ports: Ports = {
    now,
    openFolder: async () => {},
    fontsDir: '',
    importReaderFile: READER_FILE,
    chooseSavePath: async () => null,
    openFile: async () => {},
    chooseOpenFile: async () => null,
    sendImportProgress: () => {},
  }
  return createDispatcher(createHandlers(ctx, ports), () => true, logError)
}
