import type { PeriodPreset } from '../../../electron/shared/ledger/words'

/** The period picker's value: a preset, or chosen first and last days. */
export interface PeriodChoice {
  preset: PeriodPreset
  from: string | null
  to: string | null
}
