import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { DATA_DIR_ENV, resolveDataDir } from '../../electron/main/features/system/data-folder'

const USER_DATA = path.resolve('/home/ada/.config/Turnaround Desk')
const ARG_DIR = path.resolve('/x/from-arg')
const ENV_DIR = path.resolve('/x/from-env')
const electronArgv = ['/opt/turnaround/turnaround-desk', '.']

describe('resolveDataDir', () => {
  it('reads the environment variable TURNAROUND_DATA_DIR', () => {
    expect(DATA_DIR_ENV).toBe('TURNAROUND_DATA_DIR')
  })

  it('uses the user-data folder when nothing else is given', () => {
    expect(resolveDataDir(electronArgv, {}, USER_DATA)).toBe(USER_DATA)
    expect(resolveDataDir([], {}, USER_DATA)).toBe(USER_DATA)
  })

  it('takes `--data-dir <path>`', () => {
    expect(resolveDataDir([...electronArgv, '--data-dir', ARG_DIR], {}, USER_DATA)).toBe(ARG_DIR)
  })

  it('takes `--data-dir=<path>`', () => {
    expect(resolveDataDir([...electronArgv, `--data-dir=${ARG_DIR}`], {}, USER_DATA)).toBe(ARG_DIR)
  })

  it('finds the flag among other arguments', () => {
    expect(resolveDataDir([...electronArgv, '--inspect', '--data-dir', ARG_DIR, '--lang=en'], {}, USER_DATA)).toBe(
      ARG_DIR,
    )
  })

  it('keeps spaces and an = sign inside the path', () => {
    const odd = path.resolve('/x/My Data=2026')
    expect(resolveDataDir([`--data-dir=${odd}`], {}, USER_DATA)).toBe(odd)
  })

  it('takes TURNAROUND_DATA_DIR from the environment', () => {
    expect(resolveDataDir(electronArgv, { [DATA_DIR_ENV]: ENV_DIR }, USER_DATA)).toBe(ENV_DIR)
  })

  it('trims the environment value', () => {
    expect(resolveDataDir(electronArgv, { [DATA_DIR_ENV]: `  ${ENV_DIR}\n` }, USER_DATA)).toBe(ENV_DIR)
  })

  it('lets the argument beat the environment, and the environment beat the default', () => {
    const env = { [DATA_DIR_ENV]: ENV_DIR }
    expect(resolveDataDir(['--data-dir', ARG_DIR], env, USER_DATA)).toBe(ARG_DIR)
    expect(resolveDataDir([`--data-dir=${ARG_DIR}`], env, USER_DATA)).toBe(ARG_DIR)
    expect(resolveDataDir([], env, USER_DATA)).toBe(ENV_DIR)
  })

  it.each([[''], ['   '], ['\t\n']])('ignores a blank environment value %j', (value) => {
    expect(resolveDataDir(electronArgv, { [DATA_DIR_ENV]: value }, USER_DATA)).toBe(USER_DATA)
  })

  it('ignores other environment variables', () => {
    expect(resolveDataDir(electronArgv, { DATA_DIR: ENV_DIR, turnaround_data_dir: ENV_DIR }, USER_DATA)).toBe(USER_DATA)
  })

  it('ignores a trailing `--data-dir` with no value', () => {
    expect(resolveDataDir([...electronArgv, '--data-dir'], {}, USER_DATA)).toBe(USER_DATA)
    expect(resolveDataDir([...electronArgv, '--data-dir'], { [DATA_DIR_ENV]: ENV_DIR }, USER_DATA)).toBe(ENV_DIR)
  })

  it('ignores an empty `--data-dir=` like it ignores an empty `--data-dir` value', () => {
    expect(resolveDataDir(['--data-dir='], {}, USER_DATA)).toBe(USER_DATA)
  })

  it('does not take the next flag for the folder', () => {
    expect(resolveDataDir(['--data-dir', '--inspect'], {}, USER_DATA)).toBe(USER_DATA)
  })

  it('ignores an empty value after `--data-dir`', () => {
    expect(resolveDataDir(['--data-dir', ''], {}, USER_DATA)).toBe(USER_DATA)
  })

  it('ignores look-alike flags', () => {
    expect(resolveDataDir(['--data-directory', ARG_DIR, '--data-dirx=/y'], {}, USER_DATA)).toBe(USER_DATA)
  })

  it('resolves a relative argument against the working directory', () => {
    const fromSpace = resolveDataDir(['--data-dir', 'desk-data'], {}, USER_DATA)
    const fromEquals = resolveDataDir(['--data-dir=./desk-data/../desk-data'], {}, USER_DATA)
    expect(path.isAbsolute(fromSpace)).toBe(true)
    expect(fromSpace).toBe(path.join(process.cwd(), 'desk-data'))
    expect(fromEquals).toBe(path.join(process.cwd(), 'desk-data'))
  })

  it('resolves a relative environment value against the working directory', () => {
    const dir = resolveDataDir([], { [DATA_DIR_ENV]: 'rel/data' }, USER_DATA)
    expect(path.isAbsolute(dir)).toBe(true)
    expect(dir).toBe(path.join(process.cwd(), 'rel', 'data'))
  })

  it('normalises an absolute path', () => {
    expect(resolveDataDir([`--data-dir=${ARG_DIR}/sub/../`], {}, USER_DATA)).toBe(ARG_DIR)
  })
})
