import type { HandlersOf } from '../../../shared/contract-kit'
import type { appearanceContract } from '../../../shared/appearance/contract'
import type { AppearanceSettings } from './appearance-settings'

/** Light, dark or the system's, and the zoom: read and changed. */
export function createAppearanceHandlers(settings: AppearanceSettings): HandlersOf<typeof appearanceContract> {
  return {
    'appearance:get': () => settings.get(),
    'appearance:set': (change) => settings.set(change),
  }
}
