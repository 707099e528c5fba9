import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm'

/** The owner's reminder settings: exactly one row, id 1, made with the defaults when first read. */
@Entity({ name: 'reminder_settings' })
export class ReminderSettingsEntity {
  @PrimaryColumn({ type: 'integer' })
  id!: number

  @Column({ name: 'remind_follow_ups', type: 'boolean', default: true })
  remindFollowUps!: boolean

  @Column({ name: 'remind_at_risk', type: 'boolean', default: true })
  remindAtRisk!: boolean

  @Column({ name: 'remind_overdue', type: 'boolean', default: true })
  remindOverdue!: boolean

  @Column({ name: 'remind_client_dates', type: 'boolean', default: true })
  remindClientDates!: boolean

  @Column({ name: 'remind_check_ins', type: 'boolean', default: true })
  remindCheckIns!: boolean

  @Column({ name: 'quiet_from', type: 'varchar', length: 5, nullable: true })
  quietFrom!: string | null

  @Column({ name: 'quiet_to', type: 'varchar', length: 5, nullable: true })
  quietTo!: string | null

  @Column({ name: 'close_to_tray', type: 'boolean', default: true })
  closeToTray!: boolean

  @Column({ name: 'start_at_login', type: 'boolean', default: false })
  startAtLogin!: boolean

  @Column({ name: 'asked_on', type: 'varchar', length: 10, nullable: true })
  askedOn!: string | null

  /** The folder the calendar feed is kept in; null when there is no feed. */
  @Column({ name: 'feed_folder', type: 'text', nullable: true })
  feedFolder!: string | null

  @Column({ name: 'updated_at', type: 'varchar', length: 30 })
  updatedAt!: string
}

/** A reminder already shown: its key (the thing and the date it fell due on, see the schedule). */
@Entity({ name: 'reminders_sent' })
export class ReminderSentEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number

  @Column({ name: 'reminder_key', type: 'varchar', length: 120, unique: true })
  key!: string

  @Index('idx_reminders_sent_on')
  @Column({ name: 'sent_on', type: 'varchar', length: 10 })
  sentOn!: string

  @Column({ name: 'sent_at', type: 'varchar', length: 30 })
  sentAt!: string
}
