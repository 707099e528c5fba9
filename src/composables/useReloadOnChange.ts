/** A page's data loaded again when another desktop changes one of `areas`, while the page is shown. */
import { onScopeDispose } from 'vue'
import type { ChangeArea } from '../../electron/shared/live/events'
import { useLiveStore } from '../stores/live'

export function useReloadOnChange(areas: readonly ChangeArea[], reload: () => unknown): void {
  const off = useLiveStore().whenChanged(areas, reload)
  onScopeDispose(off)
}
