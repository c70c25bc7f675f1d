import { useCallback, useRef } from 'react'
import type { ConversationHandle } from './conversation-handle'
import type { Read } from './reads'
import { useReadMore } from './use-read-more'

/**
 * Reading more of the chat from one end of a run: older than `cursor` (its first id) or newer than
 * it (its last id). Never twice for one cursor: the mutation may report success a render before
 * the run shows the page it wrote, and asking again then would read the same page twice. A failed
 * request clears the cursor, so Retry asks again.
 */
export function useCursorRead(conversation: ConversationHandle, direction: 'older' | 'newer', cursor: number | undefined, onRead?: (read: Read) => void) {
  const read = useReadMore(conversation, onRead)
  const { mutate } = read
  const asked = useRef<number | null>(null)
  const load = useCallback(() => {
    if (cursor === undefined || asked.current === cursor) return
    asked.current = cursor
    const request = direction === 'older' ? { kind: 'older' as const, before: cursor } : { kind: 'newer' as const, after: cursor }
    mutate(request, { onError: () => (asked.current = null) })
  }, [cursor, direction, mutate])
  const retry = useCallback(() => {
    asked.current = null
    load()
  }, [load])
  return { load, retry, loading: read.isPending, failed: read.isError, error: read.error }
}
