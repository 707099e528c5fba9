/** What other features may use of the letters feature. */
export { createLetterHandlers, createLetterServices, type LetterServices } from './letters-handlers'
export { loadSampleLetters } from './sample-letters'
export { sha256 } from './letters-service'
export { letterFileName, writeFileAtomically as writeLetterFile } from './letter-files'
export { buildMergeData } from './merge-data'
export { TemplateError, checkTemplate, createEngine, renderPart } from './template-engine'
export { exampleContext } from './templates-service'
export { letterheadOf } from './letter-context'
