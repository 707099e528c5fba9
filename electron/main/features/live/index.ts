/** Other desktops on a shared database are told of this one's writes (change-areas.ts, notify-changes.ts). */
export { CHANGE_AREAS_OF } from './change-areas'
export { notifyingChanges } from './notify-changes'
