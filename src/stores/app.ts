import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import type { AppInfo, BusinessProfile } from '../../electron/shared/models'
import type { ProfileInputData } from '../../electron/shared/schemas'
import type { Input } from '../../electron/shared/contract'
import { api } from '../api'
import { setDisplayLocale } from '../format'

/** The business profile and what the app knows about its data. */
export const useAppStore = defineStore('app', () => {
  const info = ref<AppInfo | null>(null)
  const profile = ref<BusinessProfile | null>(null)
  const ready = computed(() => info.value !== null)
  const hasProfile = computed(() => profile.value !== null)
  /** A new install that has not chosen where to keep its data yet. */
  const firstStart = computed(() => info.value?.firstStart === true)
  const currency = computed(() => profile.value?.currency ?? 'USD')
  // Every page, chart and amount field follows the business's locale.
  watch(
    () => profile.value?.locale,
    (locale) => setDisplayLocale(locale),
    { immediate: true },
  )

  async function load(): Promise<void> {
    const [nextInfo, nextProfile] = await Promise.all([api.app.info(), api.profile.get()])
    info.value = nextInfo
    profile.value = nextProfile
  }

  async function saveProfile(input: ProfileInputData): Promise<void> {
    profile.value = await api.profile.save(input)
    info.value = await api.app.info()
  }

  async function loadSample(): Promise<number> {
    const result = await api.sample.load()
    await load()
    return result.clients
  }

  async function removeSample(): Promise<number> {
    const result = await api.sample.remove()
    await load()
    return result.clients
  }

  /** The owner's rhythm for turnarounds; the caller reloads the profile that carries it. */
  const savePlannerSettings = (input: Input<'planner-settings:save'>) => api.plannerSettings.save(input)

  async function openDataFolder(): Promise<void> {
    await api.system.openDataFolder()
  }

  return {
    info,
    profile,
    ready,
    firstStart,
    hasProfile,
    currency,
    load,
    saveProfile,
    loadSample,
    removeSample,
    savePlannerSettings,
    openDataFolder,
  }
})
