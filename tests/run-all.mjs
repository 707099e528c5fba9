#!/usr/bin/env node
// Runs every test: the type check, the lint, the format check, then the unit, component and
// end-to-end suites.
// Ends with one line: "N passed, N failed[, N skipped]", totalled over all of them.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const bin = (name) => path.join(root, 'node_modules', '.bin', name)
const report = path.join(root, 'test-results', 'vitest.json')
fs.mkdirSync(path.dirname(report), { recursive: true })
fs.rmSync(report, { force: true })

let passed = 0
let failed = 0
let skipped = 0

/** A check that counts as one test: passed when the command exits 0, failed otherwise (its errors printed). */
function check(title, command, args) {
  console.log(`\n== ${title} ==`)
  const run = spawnSync(bin(command), args, { cwd: root, stdio: 'inherit' })
  if (run.status === 0) passed++
  else failed++
}

check('Type check (vue-tsc)', 'vue-tsc', ['--noEmit', '-p', 'tsconfig.json'])
// The lint includes the walls between the layers (eslint.config.mjs): a wall crossed fails here.
check('Lint (eslint)', 'eslint', ['.'])
// Fails while any file is not as Prettier would write it: `npm run format` fixes that.
check('Format check (prettier)', 'prettier', ['--check', '.'])

console.log('\n== Unit, component and end-to-end tests (vitest) ==')
const vitest = spawnSync(
  bin('vitest'),
  ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
  },
)
if (fs.existsSync(report)) {
  const results = JSON.parse(fs.readFileSync(report, 'utf8'))
  passed += results.numPassedTests
  failed += results.numFailedTests
  skipped += results.numPendingTests + results.numTodoTests
  // A file that failed to load has no tests to count: count it as one failure.
  failed += results.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length
} else {
  failed++
}
if (vitest.status !== 0 && failed === 0) failed++

console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
process.exit(failed === 0 ? 0 : 1)
