/** What other features may use of the turnarounds feature. */
export { clientTurnaround, currentTurnaround } from './client-turnaround'
export { loadDetail } from './detail-view'
export { createTurnaroundHandlers, createTurnaroundServices, type TurnaroundServices } from './turnarounds-handlers'
export { snoozeFollowUp } from './follow-up-snooze'
export { todayData } from './today-query'
