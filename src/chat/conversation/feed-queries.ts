import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query'
import type { PortalClient } from '../../b24/portal-client'
import type { FeedPage, HistoryPage } from '../types'
import { getNewerPage, getOlderPage, getOpening } from './history-api'
import { mergeLive, type LiveMessages } from './live-messages'
import { getAuthors } from '../users-api'

export interface OlderCursor {
  chatId: number
  beforeId: number
}

/** Poll fast while messages are arriving, slower when the chat is quiet; never slower than 5 s. */
const LIVE_BUSY_MS = 2_000
const LIVE_QUIET_MS = 4_000

/** Query keys and functions of the feed, in one place (TkDodo's query factory). */
export const feedQueries = {
  all: () => ['feed'] as const,
  /** Every live query (one per chat and starting point): refetched right after the user posts. */
  allLive: () => [...feedQueries.all(), 'live'] as const,

  /**
   * The history, newest page first: page 0 comes from the opening batch (task + newest page), each
   * next page is older. Never refetched as a whole (that would re-read every loaded page and shift
   * the window); new messages come from `live` instead.
   */
  history: (client: PortalClient, taskId: number) =>
    // The portal client is one per page, not a parameter of the data: it stays out of the keys.
    // eslint-disable-next-line @tanstack/query/exhaustive-deps
    infiniteQueryOptions({
      queryKey: [...feedQueries.all(), 'history', taskId] as const,
      queryFn: ({ pageParam }): Promise<FeedPage> =>
        pageParam ? getOlderPage(client, pageParam.chatId, pageParam.beforeId) : getOpening(client, taskId),
      initialPageParam: null as OlderCursor | null,
      getNextPageParam: (last: HistoryPage): OlderCursor | undefined => {
        const oldest = last.messages[0]
        // An empty page ends the history even if the portal claims more: no cursor, no loop.
        return last.hasOlder && last.chatId !== null && oldest ? { chatId: last.chatId, beforeId: oldest.id } : undefined
      },
      staleTime: Infinity,
      refetchOnWindowFocus: false,
      refetchOnReconnect: false,
    }),

  /** Authors no loaded page described (pages carry their own authors; this is the rare rest). */
  authors: (client: PortalClient, ids: readonly number[]) =>
    // eslint-disable-next-line @tanstack/query/exhaustive-deps
    queryOptions({
      queryKey: [...feedQueries.all(), 'authors', ids] as const,
      queryFn: () => getAuthors(client, ids),
      staleTime: Infinity,
      // Names already shown stay while a longer list is fetched.
      placeholderData: (previous) => previous,
    }),

  /**
   * Messages newer than the opening page, polled while the tab is visible (TanStack pauses
   * interval refetches in hidden tabs). Each poll asks only for ids above the newest one known and
   * adds them to what earlier polls found.
   */
  live: (client: PortalClient, chatId: number, sinceId: number) =>
    // eslint-disable-next-line @tanstack/query/exhaustive-deps
    queryOptions({
      queryKey: [...feedQueries.allLive(), chatId, sinceId] as const,
      queryFn: async ({ client: queryClient, queryKey }): Promise<LiveMessages> => {
        const before = queryClient.getQueryData<LiveMessages>(queryKey)
        const newest = before?.messages.at(-1)?.id ?? sinceId
        return mergeLive(before, await getNewerPage(client, chatId, newest))
      },
      staleTime: 0,
      refetchInterval: (query) => (query.state.data?.lastPollFound ? LIVE_BUSY_MS : LIVE_QUIET_MS),
      refetchIntervalInBackground: false,
      refetchOnWindowFocus: true,
      retry: false,
    }),
}
