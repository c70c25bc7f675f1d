import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query'
import { useCallback, useState } from 'react'
import type { FeedPage } from '../../../chat/types'

/** With system messages hidden, at most this many pages in a row may load without showing anything. */
export const MAX_SILENT_PAGES = 5

export interface OlderLoader {
  /** Loads the next older page unless one is loading, history ended, or a silent burst hit its bound. */
  loadIfAllowed(): void
  /** The reader's "Load older": starts a new bounded burst. */
  loadMore(): void
  retry(): void
  loading: boolean
  failed: boolean
  error: unknown
  ended: boolean
  /** History ended because the portal's plan hides what is older. */
  limitedByPlan: boolean
  /** Set when auto-loading stopped at the bound: how many hidden system messages it went through. */
  paused: { hidden: number } | null
}

/**
 * Loading older history when the reader nears the top. With the system filter on, a page may add
 * nothing visible, so nothing scrolls and a plain "near the top" trigger would stall or loop
 * forever; this keeps loading in bounded bursts and then hands over to a button. Derived from the
 * pages themselves, so it re-evaluates after every page.
 */
export function useOlderLoader(history: UseInfiniteQueryResult<InfiniteData<FeedPage>>, showSystem: boolean): OlderLoader {
  const pages = history.data?.pages ?? []
  // Pages loaded before the reader last asked for more do not count towards the bound (the opening
  // page counts: it is the first of the first burst).
  const [burstFrom, setBurstFrom] = useState(0)
  let silent = 0
  let hidden = 0
  if (!showSystem) {
    for (let i = pages.length - 1; i >= burstFrom; i--) {
      const messages = pages[i]!.messages
      if (messages.some((m) => !m.isSystem)) break
      silent++
      hidden += messages.length
    }
  }
  const paused = silent >= MAX_SILENT_PAGES && history.hasNextPage ? { hidden } : null
  const { hasNextPage, isFetching, isFetchNextPageError, fetchNextPage } = history
  const pageCount = pages.length
  const isPaused = paused !== null

  const loadIfAllowed = useCallback(() => {
    if (hasNextPage && !isFetching && !isFetchNextPageError && !isPaused) void fetchNextPage()
    // pageCount is a dependency on purpose: each page must give the trigger a new identity so that
    // the list asks again even when the page added no visible rows.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [hasNextPage, isFetching, isFetchNextPageError, isPaused, fetchNextPage, pageCount])

  const retry = useCallback(() => void fetchNextPage(), [fetchNextPage])

  return {
    loadIfAllowed,
    loadMore: () => {
      setBurstFrom(pageCount)
      if (!isFetching) void fetchNextPage()
    },
    retry,
    loading: history.isFetchingNextPage,
    failed: isFetchNextPageError,
    error: history.error,
    ended: !hasNextPage && history.isSuccess,
    limitedByPlan: pages.at(-1)?.limitedByPlan === true,
    paused,
  }
}
