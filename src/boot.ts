/**
 * The window's first script: it asks main for what the opening page shows (see stores/start-reads.ts),
 * then loads the app, whose code takes longer to load than main takes to answer.
 */
import { startWindowReads } from './stores/start-reads'

startWindowReads(window.location.hash)
void import('./main')
