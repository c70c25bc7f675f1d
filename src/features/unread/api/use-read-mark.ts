import { useCallback, useEffect, useRef } from 'react'
import { usePortalClient } from '../../../platform/portal-context'
import type { ConversationHandle } from '../../../chat/conversation/conversation-handle'
import type { Message } from '../../../chat/types'
import { markRead } from './mark-read-api'
import { ReadMark } from './read-mark'

const isVisible = () => document.visibilityState === 'visible'

/**
 * Unread messages: marks read what the viewer has seen. Returns the feed's `onSeen`: of the
 * messages on screen, the newest someone else wrote moves the mark (the viewer's own are read for
 * them), throttled by ReadMark. What is on screen while the page is hidden counts only once it is
 * shown again. `lastReadId` is the mark as the card opened (undefined until it has).
 */
export function useReadMark(conversation: ConversationHandle, lastReadId: number | undefined): (messages: Message[]) => void {
  const client = usePortalClient()
  const { chatId } = conversation
  const viewerId = conversation.viewer.userId
  const mark = useRef<ReadMark | null>(null)
  /** The newest message on screen while the page was hidden. */
  const unseen = useRef(0)

  useEffect(() => {
    if (chatId === null || lastReadId === undefined) return
    const readMark = new ReadMark(lastReadId, {
      send: (id) => markRead(client, chatId, id),
      visible: isVisible,
      now: () => Date.now(),
      setTimer: (run, ms) => window.setTimeout(run, ms),
      clearTimer: (handle) => window.clearTimeout(handle as number),
    })
    mark.current = readMark
    const onVisibility = () => {
      if (!isVisible()) return
      if (unseen.current > 0) readMark.seen(unseen.current)
      unseen.current = 0
      readMark.resume()
    }
    document.addEventListener('visibilitychange', onVisibility)
    return () => {
      document.removeEventListener('visibilitychange', onVisibility)
      readMark.stop()
      mark.current = null
    }
  }, [client, chatId, lastReadId])

  return useCallback(
    (messages: Message[]) => {
      let newest = 0
      for (const m of messages) if (m.authorId !== viewerId && m.id > newest) newest = m.id
      if (newest === 0) return
      if (isVisible()) mark.current?.seen(newest)
      else unseen.current = Math.max(unseen.current, newest)
    },
    [viewerId],
  )
}
