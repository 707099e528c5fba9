/** The app opens on Today: what needs doing comes first. */
export const START_PAGE = '/today'
