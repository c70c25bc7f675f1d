import { useInfiniteQuery } from '@tanstack/react-query'
import { useEffect, useMemo, useState } from 'react'
import type { Author, Message } from '../../../chat/types'
import { MIN_TERM } from './search-api'
import { useSearchQueries } from './search-queries'

/** How long typing must pause before the portal is asked. */
const SEARCH_DEBOUNCE_MS = 300

type SearchState = 'idle' | 'short' | 'loading' | 'failed' | 'none' | 'found'

/**
 * What the reader typed, the term searched (the text trimmed, once typing pauses or on Enter), and
 * the matches found so far. `state` says what to show: nothing, "type more", loading, a failure,
 * no match, or the matches.
 */
export function useChatSearch(chatId: number) {
  const [text, setText] = useState('')
  const typed = text.trim()
  const [term, setTerm] = useState('')
  useEffect(() => {
    const timer = setTimeout(() => setTerm(typed), SEARCH_DEBOUNCE_MS)
    return () => clearTimeout(timer)
  }, [typed])
  const query = useInfiniteQuery(useSearchQueries().matches(chatId, term))
  const pages = query.data?.pages
  const matches = useMemo<Message[]>(() => pages?.flatMap((p) => p.matches) ?? [], [pages])
  const authors = useMemo(() => new Map<number, Author>(pages?.flatMap((p) => p.authors.map((a) => [a.id, a] as const))), [pages])

  let state: SearchState
  if (typed === '') state = 'idle'
  else if (typed.length < MIN_TERM) state = 'short'
  else if (term !== typed || query.isPending) state = 'loading'
  else if (query.isError && matches.length === 0) state = 'failed'
  else state = matches.length === 0 && !query.hasNextPage ? 'none' : 'found'

  return {
    text,
    setText,
    /** Searches what is typed now, without waiting for the pause (Enter). */
    searchNow: () => setTerm(typed),
    term,
    state,
    matches,
    authors,
    error: query.error,
    retry: () => void query.refetch(),
    hasMore: query.hasNextPage,
    loadingMore: query.isFetchingNextPage,
    moreFailed: query.isFetchNextPageError,
    loadMore: () => {
      // cancelRefetch off: a burst of scroll events while a page is on its way asks for it once.
      if (query.hasNextPage && !query.isFetchingNextPage && !query.isFetchNextPageError) void query.fetchNextPage({ cancelRefetch: false })
    },
    retryMore: () => void query.fetchNextPage(),
  }
}
