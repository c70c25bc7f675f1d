import { infiniteQueryOptions } from '@tanstack/react-query'
import { boundQueries } from '../../../platform/bound-queries'
import type { PortalClient } from '../../../b24/portal-client'
import { MIN_TERM, searchChat } from './search-api'

/** Query keys and functions of search in the chat, bound to the portal client once. */
const searchQueries = (client: PortalClient) => ({
  /** The messages of a chat matching a term, newest first, a page at a time (LAST_ID of the oldest match so far). */
  matches: (chatId: number, term: string) =>
    infiniteQueryOptions({
      queryKey: ['search', 'chat', chatId, term] as const,
      queryFn: ({ pageParam }) => searchChat(client, chatId, term, pageParam),
      initialPageParam: undefined as number | undefined,
      getNextPageParam: (last) => last.next,
      enabled: term.length >= MIN_TERM,
      // Searching the same words again within a minute shows what was found; new messages come with a new term.
      staleTime: 60_000,
    }),
})

export const useSearchQueries = boundQueries(searchQueries)
