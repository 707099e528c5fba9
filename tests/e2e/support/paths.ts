import path from 'node:path'

export const ROOT = path.resolve(__dirname, '../../..')
export const RENDERER_DIR = path.join(ROOT, 'out', 'renderer')
export const SHIM_FILE = path.join(ROOT, 'out', 'e2e', 'preload-shim.js')
export const SCREENSHOT_DIR = path.join(ROOT, 'test-results', 'screenshots')
export const FONTS_DIR = path.join(ROOT, 'resources', 'fonts')
/** The import's reading thread as `npm run build` makes it (the global setup builds the app). */
export const BUILT_READER_FILE = path.join(ROOT, 'out', 'main', 'ledger-import-reader.js')
/** The same, held after its first progress report until a cancel (paused-reader.mjs). */
export const PAUSED_READER_FILE = path.join(ROOT, 'tests', 'e2e', 'support', 'paused-reader.mjs')
