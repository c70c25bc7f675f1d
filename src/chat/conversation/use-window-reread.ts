import { useEffect, type RefObject } from 'react'
import { usePortalClient } from '../../platform/portal-context'
import { isSettled } from '../../b24/portal-error'
import type { PortalClient } from '../../b24/portal-client'
import type { ConversationHandle } from './conversation-handle'
import { LIVE_PAGE, fetchNewerPage } from './history-api'
import { historySource, rememberPlainHistory } from './history-source'
import { QUIET_MS } from './live-protocol'
import type { Read } from './reads'
import { runOf } from './runs'
import { searchAfter } from './window-search'

/** The messages on screen, by id (the oldest and the newest rendered). */
export interface VisibleRange {
  first: number
  last: number
}

/** What follows `cursor`, up to a page: through search where it serves (reactions come with it), else get. */
async function readAfter(client: PortalClient, chatId: number, cursor: number): Promise<Read> {
  if (historySource() === 'search') {
    try {
      return await searchAfter(client, chatId, cursor, LIVE_PAGE)
    } catch (error) {
      if (!isSettled(error)) throw error
      rememberPlainHistory()
    }
  }
  return fetchNewerPage(client, chatId, cursor, LIVE_PAGE)
}

/**
 * Edits, deletions and reactions of what the reader is looking at, when that is not in the newest
 * page (which every live poll reads): the window on screen is read again at the quiet cadence, one
 * request, and lands in the conversation in place. Only while the tab is visible and shows a window.
 */
export function useWindowReread(conversation: ConversationHandle, visible: RefObject<VisibleRange | null>): void {
  const client = usePortalClient()
  const { chatId, cachedRuns, land } = conversation
  useEffect(() => {
    if (chatId === null) return
    const timer = setInterval(() => {
      const range = visible.current
      if (!range || document.visibilityState === 'hidden') return
      const runs = cachedRuns()
      const live = runOf(runs, null)
      // Within the newest page: every live poll reads it.
      const newestPageFrom = live?.messages.slice(-LIVE_PAGE)[0]?.id ?? Infinity
      if (live && range.first >= newestPageFrom && range.last <= live.to) return
      // A cursor must be a message of the chat: read what follows the message just before the
      // window (or the window's first, which is then left out), up to a page of it.
      const shown = runOf(runs, range.first)?.messages ?? []
      const at = shown.findIndex((m) => m.id >= range.first)
      const cursor = shown[at - 1]?.id ?? shown[at]?.id
      if (cursor === undefined) return
      readAfter(client, chatId, cursor).then(
        (read) => land(read),
        () => {}, // the next round tries again; the live end reports failures
      )
    }, QUIET_MS)
    return () => clearInterval(timer)
  }, [client, chatId, cachedRuns, land, visible])
}
