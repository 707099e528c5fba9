import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { AppearanceInput, nextZoom } from '../../electron/shared/appearance/contract'
import {
  AppearanceSettings,
  appearanceFile,
  loadAppearance,
  parseAppearance,
} from '../../electron/main/features/appearance/appearance-settings'

function fresh() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'appearance-'))
  const applied = { themes: [] as string[], zooms: [] as number[] }
  const settings = new AppearanceSettings(appearanceFile(dir), {
    applyTheme: (t) => void applied.themes.push(t),
    applyZoom: (z) => void applied.zooms.push(z),
  })
  return { dir, applied, settings }
}

describe('the appearance kept on this machine', () => {
  it('follows the system at actual size until something is chosen', () => {
    const { settings, applied } = fresh()
    expect(settings.get()).toEqual({ theme: 'system', zoom: 1 })
    expect(settings.applySaved()).toEqual({ theme: 'system', zoom: 1 })
    expect(applied).toEqual({ themes: ['system'], zooms: [1] })
  })

  it('remembers the theme and the zoom in its file and tells the window of each change', () => {
    const { dir, settings, applied } = fresh()
    expect(settings.set({ theme: 'dark' })).toEqual({ theme: 'dark', zoom: 1 })
    expect(settings.set({ zoom: 1.25 })).toEqual({ theme: 'dark', zoom: 1.25 })
    expect(applied).toEqual({ themes: ['dark'], zooms: [1.25] })
    expect(loadAppearance(appearanceFile(dir))).toEqual({ theme: 'dark', zoom: 1.25 })
    // As at the next start.
    const again = new AppearanceSettings(appearanceFile(dir), { applyTheme: () => {}, applyZoom: () => {} })
    expect(again.get()).toEqual({ theme: 'dark', zoom: 1.25 })
  })

  it('falls back to the defaults for a missing, broken or odd file', () => {
    const { dir } = fresh()
    const file = appearanceFile(dir)
    fs.writeFileSync(file, '{not json')
    expect(loadAppearance(file)).toEqual({ theme: 'system', zoom: 1 })
    expect(parseAppearance({ theme: 'purple', zoom: 40 })).toEqual({ theme: 'system', zoom: 3 })
    expect(parseAppearance({ theme: 'light', zoom: 0.1 })).toEqual({ theme: 'light', zoom: 0.5 })
    expect(parseAppearance(null)).toEqual({ theme: 'system', zoom: 1 })
  })

  it('refuses a theme or zoom outside the choices', () => {
    expect(AppearanceInput.safeParse({ theme: 'purple' }).success).toBe(false)
    expect(AppearanceInput.safeParse({ zoom: 5 }).success).toBe(false)
    expect(AppearanceInput.safeParse({ zoom: 2 }).success).toBe(true)
    expect(AppearanceInput.safeParse({ other: 1 }).success).toBe(false)
  })

  it('zooms in and out in steps, from any factor, within 50% and 300%', () => {
    expect(nextZoom(1, 1)).toBe(1.1)
    expect(nextZoom(1, -1)).toBe(0.9)
    expect(nextZoom(1.05, 1)).toBe(1.1)
    expect(nextZoom(1.05, -1)).toBe(1)
    expect(nextZoom(3, 1)).toBe(3)
    expect(nextZoom(0.5, -1)).toBe(0.5)
    let z = 1
    for (let i = 0; i < 5; i++) z = nextZoom(z, 1)
    expect(z).toBe(2)
  })
})
