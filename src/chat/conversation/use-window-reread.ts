import { useQueryClient } from '@tanstack/react-query'
import { useEffect, type RefObject } from 'react'
import { usePortalClient } from '../../app/portal-context'
import type { Conversation } from './conversation'
import { conversationKey, writeRead } from './conversation-queries'
import { LIVE_PAGE, readNewer } from './history-api'
import { QUIET_MS } from './live-poller'
import { runOf } from './runs'

/** The messages on screen, by id (the oldest and the newest rendered). */
export interface VisibleRange {
  first: number
  last: number
}

/**
 * Edits, deletions and likes of what the reader is looking at, when that is not at the live end
 * (the live poller re-reads the newest page for everyone): the visible window is read again at
 * the quiet cadence, one request, and lands in the conversation in place. Nothing while hidden.
 */
export function useWindowReread(taskId: number, chatId: number | null, visible: RefObject<VisibleRange | null>): void {
  const client = usePortalClient()
  const queryClient = useQueryClient()
  useEffect(() => {
    if (chatId === null) return
    const timer = setInterval(() => {
      const range = visible.current
      if (!range || document.visibilityState === 'hidden') return
      const runs = queryClient.getQueryData<Conversation>(conversationKey(taskId))?.runs ?? []
      const live = runOf(runs, null)
      // Within the newest page: the live end's own re-read covers it.
      const newestPageFrom = live?.messages.at(-LIVE_PAGE)?.id ?? Infinity
      if (live && range.first >= newestPageFrom && range.last <= live.to) return
      // A cursor must be a message of the chat: read what follows the message just before the
      // window (or the window's first, which is then left out), up to a page of it.
      const shown = runOf(runs, range.first)?.messages ?? []
      const at = shown.findIndex((m) => m.id >= range.first)
      const cursor = shown[at - 1]?.id ?? shown[at]?.id
      if (cursor === undefined) return
      readNewer(client, chatId, cursor, LIVE_PAGE).then(
        (read) => writeRead(queryClient, taskId, read),
        () => {}, // the next round tries again; the live end reports failures
      )
    }, QUIET_MS)
    return () => clearInterval(timer)
  }, [client, queryClient, taskId, chatId, visible])
}
