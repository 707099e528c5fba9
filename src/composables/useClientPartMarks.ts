import { useMessage } from 'naive-ui'
import { messageOf } from '../errors'
import { useTurnaroundsStore } from '../stores/turnarounds'

/**
 * Marks a part of the client's commitment not kept, or sets it back to open, with a word of what
 * happened (or why not). Kept asks for its day first (ClientPartKeptDialog). Resolves true once done.
 */
export function useClientPartMarks() {
  const store = useTurnaroundsStore()
  const message = useMessage()
  return async function mark(id: number, status: 'not_kept' | 'open'): Promise<boolean> {
    try {
      await store.markClientPart({ id, status })
      message.success(status === 'open' ? 'Open again.' : 'Marked not kept.')
      return true
    } catch (error) {
      message.error(messageOf(error))
      return false
    }
  }
}
