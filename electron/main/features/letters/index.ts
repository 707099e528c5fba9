/** What other features may use of the letters feature. */
export { createLetterHandlers, createLetterServices } from './letters-handlers'
export { loadSampleLetters } from './sample-letters'
