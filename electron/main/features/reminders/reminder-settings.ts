import type { EntityManager } from 'typeorm'
import { ReminderSettingsEntity } from '../../db/entities'
import { timestamp } from '../../db/dialect'
import { DEFAULT_REMINDER_SETTINGS, type ReminderSettings } from '../../../shared/reminders/models'
import type { ReminderKind } from '../../../shared/reminders/words'

/** Which column holds each kind's switch. */
const KIND_COLUMN = {
  follow_up: 'remindFollowUps',
  commitment_at_risk: 'remindAtRisk',
  commitment_overdue: 'remindOverdue',
  client_date_passed: 'remindClientDates',
  check_in: 'remindCheckIns',
} as const satisfies Record<ReminderKind, keyof ReminderSettingsEntity>

/**
 * The one settings row as stored, or the defaults (every kind on, closing keeps the app in the tray)
 * while none is: reading never writes. A change saves the row it was given, made then if need be.
 */
export async function settingsRow(m: EntityManager, now: Date): Promise<ReminderSettingsEntity> {
  const row = await m.findOneBy(ReminderSettingsEntity, { id: 1 })
  if (row) return row
  const { kinds, ...rest } = DEFAULT_REMINDER_SETTINGS
  const fresh = m.create(ReminderSettingsEntity, { id: 1, ...rest, feedFolder: null, updatedAt: timestamp(now) })
  setKinds(fresh, kinds)
  return fresh
}

export function toSettings(row: ReminderSettingsEntity): ReminderSettings {
  const kinds = Object.fromEntries(
    Object.entries(KIND_COLUMN).map(([kind, column]) => [kind, Boolean(row[column])]),
  ) as Record<ReminderKind, boolean>
  return {
    kinds,
    quietFrom: row.quietFrom,
    quietTo: row.quietTo,
    closeToTray: Boolean(row.closeToTray),
    startAtLogin: Boolean(row.startAtLogin),
    askedOn: row.askedOn,
  }
}

export function setKinds(row: ReminderSettingsEntity, kinds: Record<ReminderKind, boolean>): void {
  for (const [kind, column] of Object.entries(KIND_COLUMN)) row[column] = kinds[kind as ReminderKind]
}
