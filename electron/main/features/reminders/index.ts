/** What other parts of main may use of the reminders feature. */
export { RemindersService, type RemindersDeps } from './reminders-service'
export { createReminderHandlers } from './reminders-handlers'
