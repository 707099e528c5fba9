/** What other parts of main may use of the calendar feature. */
export { CalendarService, FEED_FILE_NAME, type CalendarDeps } from './calendar-service'
