/**
 * better-sqlite3 is a native addon: the build npm installs is for Node (the tests use it); Electron
 * needs its own. `npm start` prepares an Electron build under electron/build/native (see
 * electron/build/prepare-native.mjs) and main passes its path to better-sqlite3, so the Node build
 * stays in place for the tests. A packaged app has its addon rebuilt by electron-builder instead.
 */
import fs from 'node:fs'
import path from 'node:path'

export function electronNativeBinding(appPath: string, isPackaged: boolean): string | undefined {
  if (isPackaged) return undefined
  const candidate = path.join(appPath, 'electron', 'build', 'native', 'better_sqlite3.node')
  return fs.existsSync(candidate) ? candidate : undefined
}
