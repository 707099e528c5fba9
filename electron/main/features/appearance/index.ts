export { AppearanceSettings, appearanceFile } from './appearance-settings'
export { createAppearanceHandlers } from './appearance-handlers'
