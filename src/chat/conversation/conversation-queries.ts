import { queryOptions, type QueryClient } from '@tanstack/react-query'
import { boundQueries } from '../../platform/bound-queries'
import type { PortalClient } from '../../b24/portal-client'
import type { Author, ChatFile, Message } from '../types'
import { getAuthors } from '../users-api'
import { withAlone, withChanged, withRead, withSent, type Conversation } from './conversation'
import { newIds, notePending, noteSearched, pendingIds } from './enrich-pending'
import { openConversation } from './open-conversation'
import { adoptOpening } from './opening'
import { noteOwnChange } from './own-changes'
import type { Read } from './reads'

export const conversationKey = (taskId: number) => ['conversation', taskId] as const

/** Query keys and functions of the conversation, in one place (TkDodo's query factory), bound to the client once. */
export function conversationQueries(client: PortalClient) {
  return {
    /**
     * The whole conversation, opened by one batch. Never refetched as a whole (that would drop
     * every loaded run): reads, polls and sends write into it (`writeRead`, `writeSent`). Its first
     * fetch takes the batch the first frame was shown from (opening.ts), so the portal is asked once.
     */
    conversation: (taskId: number) =>
      queryOptions({
        queryKey: conversationKey(taskId),
        queryFn: () => adoptOpening(client, taskId) ?? openConversation(client, taskId),
        staleTime: Infinity,
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
        // A failed opening is said once, with Try again (a refetch): the screen mounting after the
        // first frame (or after the prefetch in main.tsx failed) must not start the opening over.
        retryOnMount: false,
        // The writes keep unchanged messages and runs themselves (conversation.ts). TanStack's own
        // sharing would compare 10,000 messages by position after every page prepended above them,
        // find every index shifted, and copy each message anew.
        structuralSharing: false,
      }),

    /** Authors no read described (reads carry their own authors; this is the rare rest). */
    authors: (ids: readonly number[]) =>
      queryOptions({
        queryKey: ['conversation-authors', ids] as const,
        queryFn: () => getAuthors(client, ids),
        staleTime: Infinity,
        // Names already shown stay while a longer list is fetched.
        placeholderData: (previous) => previous,
      }),
  }
}

export const useConversationQueries = boundQueries(conversationQueries)

/** What one read found lands in the conversation: runs join, changed messages are replaced in place. */
function writeRead(queryClient: QueryClient, taskId: number, read: Read): void {
  queryClient.setQueryData<Conversation>(conversationKey(taskId), (c) => c && withRead(c, read))
}

/**
 * A read lands, and what it is the first to bring through im.dialog.messages.get (which keeps no
 * REPLY_ID, reactions or forward's author) is re-read through search in the background (enrich.ts).
 */
export function landRead(queryClient: QueryClient, client: PortalClient, taskId: number, chatId: number, read: Read): void {
  const before = queryClient.getQueryData<Conversation>(conversationKey(taskId))?.runs ?? []
  writeRead(queryClient, taskId, read)
  if (read.bySearch) noteSearched(chatId, read)
  else notePending(chatId, newIds(before, read))
  void enrichConversation(queryClient, client, taskId, chatId)
}

/** Re-reads what get alone brought (nothing, and no request, when nothing is pending). */
export async function enrichConversation(queryClient: QueryClient, client: PortalClient, taskId: number, chatId: number): Promise<void> {
  // The re-reading itself is loaded on its first use, off the first message's path.
  if (!pendingIds(chatId)?.size) return
  const { enrich } = await import('./enrich')
  return enrich({
    client,
    chatId,
    runs: () => queryClient.getQueryData<Conversation>(conversationKey(taskId))?.runs ?? [],
    land: (read) => writeRead(queryClient, taskId, read),
  })
}

/** The user's own message, confirmed by the portal, written in by the send's mutation. */
export function writeSent(queryClient: QueryClient, taskId: number, message: Message, files: readonly ChatFile[] = []): void {
  queryClient.setQueryData<Conversation>(conversationKey(taskId), (c) => c && withSent(c, message, files))
}

/** A message changed at once by the user (or put back when the portal refused): see replaceMessage. */
export function writeChanged(queryClient: QueryClient, taskId: number, message: Message): void {
  noteOwnChange(message.id)
  queryClient.setQueryData<Conversation>(conversationKey(taskId), (c) => c && withChanged(c, message))
}

/** Messages read one by one, outside any run (the messages results were made from), and their authors. */
export function writeAlone(queryClient: QueryClient, taskId: number, messages: readonly Message[], authors: readonly Author[]): void {
  queryClient.setQueryData<Conversation>(conversationKey(taskId), (c) => c && withAlone(c, messages, authors))
}

/** The task had no chat and the first post made one: the conversation opens afresh. */
export function reopen(queryClient: QueryClient, taskId: number): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: conversationKey(taskId) })
}
