import { useCallback, useRef } from 'react'
import type { ConversationHandle } from './conversation-handle'
import { useLivePoll } from './use-live-poll'
import { useWindowReread, type VisibleRange } from './use-window-reread'

/**
 * Everything that keeps a shown conversation current: the browser's one poller for the live end,
 * and the re-read of what this tab shows when that is elsewhere. The feed reports what it shows
 * through `onVisibleRange`; the last poll's failure is returned for the screen to say.
 */
export function useLiveConversation(conversation: ConversationHandle) {
  const error = useLivePoll(conversation)
  const visible = useRef<VisibleRange | null>(null)
  useWindowReread(conversation, visible)
  const onVisibleRange = useCallback((range: VisibleRange | null) => {
    visible.current = range
  }, [])
  return { error, onVisibleRange }
}
