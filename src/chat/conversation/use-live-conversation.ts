import { useCallback, useRef } from 'react'
import { useLivePoll } from './use-live-poll'
import { useWindowReread, type VisibleRange } from './use-window-reread'

/**
 * Everything that keeps a shown conversation current: the browser's one poller for the live end,
 * and the re-read of what this tab shows when that is elsewhere. The feed reports what it shows
 * through `onVisibleRange`; the last poll's failure is returned for the screen to say.
 */
export function useLiveConversation(taskId: number, chatId: number | null, userId: number) {
  const error = useLivePoll(taskId, chatId, userId)
  const visible = useRef<VisibleRange | null>(null)
  useWindowReread(taskId, chatId, visible)
  const onVisibleRange = useCallback((range: VisibleRange | null) => {
    visible.current = range
  }, [])
  return { error, onVisibleRange }
}
