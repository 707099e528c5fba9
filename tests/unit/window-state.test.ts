import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  DEFAULT_WINDOW_STATE,
  fitToDisplays,
  loadWindowState,
  parseWindowState,
  saveWindowState,
  windowStateFile,
  type Area,
} from '../../electron/main/window-state'

const defaults = { width: 1280, height: 800, maximized: false }

describe('parseWindowState', () => {
  it('has the expected defaults', () => {
    expect(DEFAULT_WINDOW_STATE).toEqual(defaults)
  })

  it.each([[null], [undefined], ['{"width":2000}'], [42], [true], [[]]])('falls back to the defaults for %j', (raw) => {
    const state = parseWindowState(raw)
    expect(state).toEqual(defaults)
    expect(state).not.toHaveProperty('x')
  })

  it('returns a copy, so callers cannot change the defaults', () => {
    const state = parseWindowState(null)
    state.width = 1
    expect(DEFAULT_WINDOW_STATE.width).toBe(1280)
    expect(parseWindowState(null).width).toBe(1280)
  })

  it('keeps a complete valid state, rounding fractions', () => {
    expect(parseWindowState({ x: 10.4, y: 20.6, width: 1400.2, height: 900.7, maximized: true })).toEqual({
      x: 10,
      y: 21,
      width: 1400,
      height: 901,
      maximized: true,
    })
  })

  it('fills missing fields of a partial state with defaults and leaves the position out', () => {
    expect(parseWindowState({ width: 1500 })).toEqual({ width: 1500, height: 800, maximized: false })
    expect(parseWindowState({ height: 700, maximized: true })).toEqual({ width: 1280, height: 700, maximized: true })
  })

  it('drops a position that has only x or only y', () => {
    expect(parseWindowState({ x: 10, width: 1400, height: 900 })).not.toHaveProperty('x')
    expect(parseWindowState({ y: 10, width: 1400, height: 900 })).not.toHaveProperty('y')
  })

  it('keeps a negative position (a monitor left of or above the primary one)', () => {
    expect(parseWindowState({ x: -1800, y: -200, width: 1400, height: 900 })).toMatchObject({ x: -1800, y: -200 })
  })

  it('raises too-small sizes to the minimum of 960 x 600', () => {
    expect(parseWindowState({ width: 100, height: 50 })).toEqual({ width: 960, height: 600, maximized: false })
    expect(parseWindowState({ width: -5, height: 0 })).toMatchObject({ width: 960, height: 600 })
    expect(parseWindowState({ width: 959.4, height: 599.4 })).toMatchObject({ width: 960, height: 600 })
  })

  it('replaces non-numeric or non-finite values with defaults', () => {
    const state = parseWindowState({ x: 'left', y: 5, width: '1500', height: Number.NaN, maximized: 'yes' })
    expect(state).toEqual(defaults)
    expect(
      parseWindowState({ x: Number.POSITIVE_INFINITY, y: 0, width: Number.POSITIVE_INFINITY, height: null }),
    ).toEqual(defaults)
  })

  it('only treats maximized === true as maximized', () => {
    expect(parseWindowState({ maximized: 1 }).maximized).toBe(false)
    expect(parseWindowState({ maximized: 'true' }).maximized).toBe(false)
    expect(parseWindowState({ maximized: true }).maximized).toBe(true)
  })
})

describe('fitToDisplays', () => {
  const primary: Area = { x: 0, y: 0, width: 1920, height: 1040 }
  const leftMonitor: Area = { x: -2560, y: 0, width: 2560, height: 1400 }

  it('keeps a position that is on a display', () => {
    const state = { x: 100, y: 80, width: 1280, height: 800, maximized: false }
    expect(fitToDisplays(state, [primary])).toEqual(state)
  })

  it('keeps a position on a second monitor that is still plugged in', () => {
    const state = { x: -2000, y: 100, width: 1280, height: 800, maximized: true }
    expect(fitToDisplays(state, [primary, leftMonitor])).toEqual(state)
  })

  it('drops a position on a monitor that was unplugged, keeping size and maximized', () => {
    const state = { x: -2000, y: 100, width: 1400, height: 900, maximized: true }
    const fitted = fitToDisplays(state, [primary])
    expect(fitted).toEqual({ width: 1400, height: 900, maximized: true })
    expect(fitted).not.toHaveProperty('x')
    expect(fitted).not.toHaveProperty('y')
  })

  it('drops a position whose title bar would be off the bottom or right edge', () => {
    expect(
      fitToDisplays({ x: 100, y: 1030, width: 1280, height: 800, maximized: false }, [primary]),
    ).not.toHaveProperty('x')
    expect(
      fitToDisplays({ x: 1900, y: 100, width: 1280, height: 800, maximized: false }, [primary]),
    ).not.toHaveProperty('x')
    expect(
      fitToDisplays({ x: 100, y: -300, width: 1280, height: 800, maximized: false }, [primary]),
    ).not.toHaveProperty('y')
  })

  it('drops any position when there are no displays', () => {
    expect(fitToDisplays({ x: 0, y: 0, width: 1280, height: 800, maximized: false }, [])).toEqual(defaults)
  })

  it('leaves a state without position alone', () => {
    const state = { width: 1300, height: 700, maximized: false }
    expect(fitToDisplays(state, [])).toEqual(state)
  })
})

describe('save and load', () => {
  let dir: string
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'window-state-'))
  })
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('puts the file in the data folder', () => {
    expect(windowStateFile(dir)).toBe(path.join(dir, 'window-state.json'))
  })

  it('round-trips a state through the file', () => {
    const file = windowStateFile(dir)
    const state = { x: -1500, y: 40, width: 1440, height: 900, maximized: true }
    saveWindowState(file, state)
    expect(loadWindowState(file)).toEqual(state)
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual(state)
  })

  it('overwrites an earlier state and leaves no temp file behind', () => {
    const file = windowStateFile(dir)
    saveWindowState(file, { x: 1, y: 2, width: 1000, height: 700, maximized: false })
    saveWindowState(file, { width: 1100, height: 650, maximized: true })
    expect(loadWindowState(file)).toEqual({ width: 1100, height: 650, maximized: true })
    expect(fs.readdirSync(dir)).toEqual(['window-state.json'])
  })

  it('gives the defaults when the file is missing', () => {
    expect(loadWindowState(path.join(dir, 'nope.json'))).toEqual(defaults)
  })

  it.each([['{not json'], [''], ['null'], ['"a string"'], ['[1,2,3]']])(
    'gives the defaults for a corrupt file containing %j',
    (text) => {
      const file = windowStateFile(dir)
      fs.writeFileSync(file, text)
      expect(loadWindowState(file)).toEqual(defaults)
    },
  )

  it('cleans odd values in a hand-edited file', () => {
    const file = windowStateFile(dir)
    fs.writeFileSync(file, JSON.stringify({ x: 5, y: 'top', width: 10, height: 10 }))
    expect(loadWindowState(file)).toEqual({ width: 960, height: 600, maximized: false })
  })
})
