/** The appearance's channels: the theme and the zoom (see appearance.ts). */
import { z } from 'zod'
import { returns, route } from '../contract-kit'
import { NoInput } from '../schemas'
import { MAX_ZOOM, MIN_ZOOM, THEME_CHOICES, type Appearance } from './appearance'

export * from './appearance'

export const AppearanceInput = z.strictObject({
  theme: z.enum(THEME_CHOICES, { error: 'Choose system, light or dark.' }).optional(),
  zoom: z.number().min(MIN_ZOOM, 'The zoom is at least 50%.').max(MAX_ZOOM, 'The zoom is at most 300%.').optional(),
})

export const appearanceContract = {
  'appearance:get': route(NoInput, returns<Appearance>()),
  /** Changes the theme or the zoom (or both), applies it to the window and remembers it. */
  'appearance:set': route(AppearanceInput, returns<Appearance>()),
}
