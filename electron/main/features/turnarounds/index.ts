/** What other features may use of the turnarounds feature. */
export { createTurnaroundHandlers, createTurnaroundServices, type TurnaroundServices } from './turnarounds-handlers'
