/** Remembers the window's size and position between runs, and keeps it on a visible screen. */
import fs from 'node:fs'
import path from 'node:path'
import { writeFileAtomicallySync } from './durable-file'

export interface WindowState {
  x?: number
  y?: number
  width: number
  height: number
  maximized: boolean
}

export interface Area {
  x: number
  y: number
  width: number
  height: number
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 800, maximized: false }
const MIN_WIDTH = 960
const MIN_HEIGHT = 600

function isNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v)
}

/** Parses a saved state, falling back to the defaults for anything missing or odd. */
export function parseWindowState(raw: unknown): WindowState {
  if (typeof raw !== 'object' || raw === null) return { ...DEFAULT_WINDOW_STATE }
  const r = raw as Record<string, unknown>
  const state: WindowState = {
    width: isNumber(r.width) ? Math.max(MIN_WIDTH, Math.round(r.width)) : DEFAULT_WINDOW_STATE.width,
    height: isNumber(r.height) ? Math.max(MIN_HEIGHT, Math.round(r.height)) : DEFAULT_WINDOW_STATE.height,
    maximized: r.maximized === true,
  }
  if (isNumber(r.x) && isNumber(r.y)) {
    state.x = Math.round(r.x)
    state.y = Math.round(r.y)
  }
  return state
}

/** Drops the saved position when the window would no longer show on any display (monitor unplugged). */
export function fitToDisplays(state: WindowState, workAreas: Area[]): WindowState {
  if (state.x === undefined || state.y === undefined) return state
  const { x, y } = state
  const visible = workAreas.some((a) => x + 100 > a.x && y >= a.y && x < a.x + a.width - 100 && y < a.y + a.height - 50)
  if (visible) return state
  return { width: state.width, height: state.height, maximized: state.maximized }
}

export function windowStateFile(dataDir: string): string {
  return path.join(dataDir, 'window-state.json')
}

export function loadWindowState(file: string): WindowState {
  try {
    return parseWindowState(JSON.parse(fs.readFileSync(file, 'utf8')))
  } catch {
    return { ...DEFAULT_WINDOW_STATE }
  }
}

export function saveWindowState(file: string, state: WindowState): void {
  writeFileAtomicallySync(file, JSON.stringify(state))
}
