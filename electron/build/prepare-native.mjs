#!/usr/bin/env node
// Prepares better-sqlite3 for Electron without touching the Node build the tests use.
//
// npm installs better-sqlite3 compiled for Node. Electron has another ABI, so `npm start` needs a
// second build. This script copies the package to electron/build/native/better-sqlite3, fetches the
// matching prebuilt binary for the installed Electron (or compiles it against Electron's headers),
// and leaves better_sqlite3.node in electron/build/native/, which electron/main/native-binding.ts
// hands to better-sqlite3 through its `nativeBinding` option.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..', '..')
const require = createRequire(path.join(root, 'package.json'))
const outDir = path.join(root, 'electron', 'build', 'native')
const target = path.join(outDir, 'better_sqlite3.node')
const stampFile = path.join(outDir, 'stamp.json')

let electronVersion
try {
  electronVersion = require('electron/package.json').version
} catch {
  console.log('prepare-native: Electron is not installed; skipping.')
  process.exit(0)
}
const sqliteDir = path.dirname(require.resolve('better-sqlite3/package.json'))
const sqliteVersion = JSON.parse(fs.readFileSync(path.join(sqliteDir, 'package.json'), 'utf8')).version
const stamp = JSON.stringify({ electronVersion, sqliteVersion, platform: process.platform, arch: process.arch })

if (fs.existsSync(target) && fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === stamp) {
  console.log(`prepare-native: better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} is ready.`)
  process.exit(0)
}

const work = path.join(outDir, 'better-sqlite3')
fs.rmSync(work, { recursive: true, force: true })
fs.mkdirSync(outDir, { recursive: true })
fs.cpSync(sqliteDir, work, { recursive: true, filter: (src) => !src.includes(`${path.sep}build${path.sep}`) })

const run = (cmd, args) =>
  execFileSync(cmd, args, { cwd: work, stdio: 'inherit', env: { ...process.env, npm_config_nodedir: '' } })
const bin = (name) => path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name)
try {
  console.log(`prepare-native: fetching better-sqlite3 ${sqliteVersion} for Electron ${electronVersion}…`)
  run(bin('prebuild-install'), ['--runtime', 'electron', '--target', electronVersion, '--arch', process.arch])
} catch {
  console.log('prepare-native: no prebuilt binary; compiling against Electron headers…')
  run(bin('node-gyp'), [
    'rebuild',
    '--release',
    `--target=${electronVersion}`,
    `--arch=${process.arch}`,
    '--dist-url=https://electronjs.org/headers',
  ])
}
fs.copyFileSync(path.join(work, 'build', 'Release', 'better_sqlite3.node'), target)
fs.writeFileSync(stampFile, stamp)
fs.rmSync(work, { recursive: true, force: true })
console.log(`prepare-native: wrote ${path.relative(root, target)}`)
