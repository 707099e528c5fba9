/** The kinds of reminder, and the words the notifications and Settings use for them. */
export const REMINDER_KINDS = [
  'follow_up',
  'commitment_at_risk',
  'commitment_overdue',
  'client_date_passed',
  'check_in',
] as const
export type ReminderKind = (typeof REMINDER_KINDS)[number]

/** What Settings > Reminders calls each kind. */
export const REMINDER_KIND_LABELS: Record<ReminderKind, string> = {
  follow_up: 'A follow-up falls due',
  commitment_at_risk: 'One of our commitments comes within the warning window',
  commitment_overdue: 'One of our commitments is overdue',
  client_date_passed: 'The date of a client’s commitment passes',
  check_in: 'A check-in after a closed turnaround is due',
}

/** One item, for a notification about a single thing. */
export const REMINDER_ONE: Record<ReminderKind, string> = {
  follow_up: 'Follow-up due',
  commitment_at_risk: 'Commitment at risk',
  commitment_overdue: 'Commitment overdue',
  client_date_passed: 'Client’s date has passed',
  check_in: 'Check-in due',
}

/** Several items falling due together: "3 follow-ups due today". */
export function remindersTitle(kind: ReminderKind, count: number): string {
  if (count === 1) return REMINDER_ONE[kind]
  switch (kind) {
    case 'follow_up':
      return `${count} follow-ups due today`
    case 'commitment_at_risk':
      return `${count} commitments at risk`
    case 'commitment_overdue':
      return `${count} commitments overdue`
    case 'client_date_passed':
      return `${count} client commitments past their date`
    case 'check_in':
      return `${count} check-ins due`
  }
}
