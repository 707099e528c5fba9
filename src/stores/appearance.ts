import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import {
  DEFAULT_APPEARANCE,
  nextZoom,
  type Appearance,
  type ThemeChoice,
} from '../../electron/shared/appearance/appearance'
import { api } from '../api'

const DARK_QUERY = '(prefers-color-scheme: dark)'

/**
 * Light, dark or the system's, and the zoom. `dark` follows the system's preference live while the
 * choice is "system"; the root element carries it (data-theme) for the app's own CSS.
 */
export const useAppearanceStore = defineStore('appearance', () => {
  const choice = ref<ThemeChoice>(DEFAULT_APPEARANCE.theme)
  const zoom = ref(DEFAULT_APPEARANCE.zoom)
  const media = typeof window.matchMedia === 'function' ? window.matchMedia(DARK_QUERY) : null
  const systemDark = ref(media?.matches ?? false)
  media?.addEventListener('change', (e) => (systemDark.value = e.matches))

  const dark = computed(() => (choice.value === 'system' ? systemDark.value : choice.value === 'dark'))

  function take(appearance: Appearance): void {
    choice.value = appearance.theme
    zoom.value = appearance.zoom
  }

  async function load(): Promise<void> {
    take(await api.appearance.get())
  }

  async function chooseTheme(theme: ThemeChoice): Promise<void> {
    choice.value = theme
    take(await api.appearance.set({ theme }))
  }

  async function setZoom(factor: number): Promise<void> {
    take(await api.appearance.set({ zoom: factor }))
  }

  const zoomIn = () => setZoom(nextZoom(zoom.value, 1))
  const zoomOut = () => setZoom(nextZoom(zoom.value, -1))
  const zoomReset = () => setZoom(1)

  return { choice, zoom, dark, load, chooseTheme, setZoom, zoomIn, zoomOut, zoomReset }
})
