/**
 * Asks before deleting one row of a list, in the same words everywhere ("Delete" / "Keep"), then
 * deletes it and runs what follows (closing a drawer, a toast).
 */
import { useDialog } from 'naive-ui'

export interface DeleteQuestion {
  title: string
  content?: string
  remove: () => Promise<unknown>
  after?: () => void
}

export function useConfirmDelete() {
  const dialog = useDialog()
  return function confirmDelete({ title, content, remove, after }: DeleteQuestion): void {
    dialog.warning({
      title,
      ...(content ? { content } : {}),
      positiveText: 'Delete',
      negativeText: 'Keep',
      onPositiveClick: async () => {
        await remove()
        after?.()
      },
    })
  }
}
