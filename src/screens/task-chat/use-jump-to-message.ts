import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query'
import { useCallback, useEffect, useState } from 'react'
import type { FeedPage, Message } from '../../chat/types'

/**
 * Going to a message that may not be loaded yet (from "Results only"): older pages load, one at
 * a time and paced by the SDK, until the message is among them or history ends.
 */
export function useJumpToMessage(history: UseInfiniteQueryResult<InfiniteData<FeedPage>>, messagesById: Map<number, Message>) {
  const [target, setTarget] = useState<number | null>(null)
  const loaded = target !== null && messagesById.has(target)
  const { hasNextPage, isFetching, isFetchNextPageError, fetchNextPage } = history
  const searching = target !== null && !loaded && hasNextPage && !isFetchNextPageError

  useEffect(() => {
    if (searching && !isFetching) void fetchNextPage()
  }, [searching, isFetching, fetchNextPage])

  return {
    /** The message to focus once the feed shows it. */
    target: loaded ? target : null,
    searching,
    go: setTarget,
    /** Stops looking: no more pages load for it. */
    cancel: useCallback(() => setTarget(null), []),
    done: useCallback(() => setTarget(null), []),
  }
}
