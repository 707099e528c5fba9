import type { HandlersOf } from '../../../shared/contract-kit'
import type { systemContract } from '../../../shared/system/contract'
import type { AppInfo } from '../../../shared/models'

export interface SystemHandlerDeps {
  info: () => Promise<AppInfo>
  openDataFolder: () => Promise<void>
}

/** The app's own channels: what it is, and opening its data folder. */
export function createSystemHandlers(deps: SystemHandlerDeps): HandlersOf<typeof systemContract> {
  return {
    'app:info': () => deps.info(),
    'system:open-data-folder': async () => {
      await deps.openDataFolder()
      return null
    },
  }
}
