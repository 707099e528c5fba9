/**
 * The appearance chosen on this machine, in a small JSON file in the user-data folder (as the
 * window's size is). Anything missing or odd in the file falls back to the defaults; the window is
 * told of every change through ports, so Electron's nativeTheme and zoom stay out of here.
 */
import fs from 'node:fs'
import path from 'node:path'
import {
  DEFAULT_APPEARANCE,
  MAX_ZOOM,
  MIN_ZOOM,
  THEME_CHOICES,
  type Appearance,
  type ThemeChoice,
} from '../../../shared/appearance/contract'
import { writeFileAtomicallySync } from '../../durable-file'

export function appearanceFile(dataDir: string): string {
  return path.join(dataDir, 'appearance.json')
}

export function parseAppearance(raw: unknown): Appearance {
  if (typeof raw !== 'object' || raw === null) return { ...DEFAULT_APPEARANCE }
  const r = raw as Record<string, unknown>
  const theme = THEME_CHOICES.includes(r.theme as ThemeChoice) ? (r.theme as ThemeChoice) : DEFAULT_APPEARANCE.theme
  const zoom =
    typeof r.zoom === 'number' && Number.isFinite(r.zoom)
      ? Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, r.zoom))
      : DEFAULT_APPEARANCE.zoom
  return { theme, zoom }
}

export function loadAppearance(file: string): Appearance {
  try {
    return parseAppearance(JSON.parse(fs.readFileSync(file, 'utf8')))
  } catch {
    return { ...DEFAULT_APPEARANCE }
  }
}

/** Where a change goes besides the file: nativeTheme.themeSource and the window's zoom factor. */
export interface AppearancePorts {
  applyTheme: (theme: ThemeChoice) => void
  applyZoom: (factor: number) => void
}

export class AppearanceSettings {
  constructor(
    private readonly file: string,
    private readonly ports: AppearancePorts,
  ) {}

  get(): Appearance {
    return loadAppearance(this.file)
  }

  /** Applies what is saved: at start, before the window shows. */
  applySaved(): Appearance {
    const saved = this.get()
    this.ports.applyTheme(saved.theme)
    this.ports.applyZoom(saved.zoom)
    return saved
  }

  set(change: Partial<Appearance>): Appearance {
    const next = parseAppearance({ ...this.get(), ...change })
    writeFileAtomicallySync(this.file, JSON.stringify(next))
    if (change.theme !== undefined) this.ports.applyTheme(next.theme)
    if (change.zoom !== undefined) this.ports.applyZoom(next.zoom)
    return next
  }
}
