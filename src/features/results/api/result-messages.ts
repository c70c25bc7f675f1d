import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import { boundQueries } from '../../../app/bound-queries'
import type { Params, PortalClient } from '../../../b24/portal-client'
import { toHistoryPage } from '../../../chat/map-history'
import type { Author, Message } from '../../../chat/types'

export interface ResultMessages {
  messages: Map<number, Message>
  authors: Map<number, Author>
}

/** A v2 batch takes up to 50 calls: two per message. */
const PER_BATCH = 25

/**
 * The messages results were made from, for their author and time (a result records who marked
 * it, not who wrote it). No documented method reads a message by id, and a cursor must be a
 * message of the chat (im-dialog-messages-get.md), so each is read from the message after it: `n`
 * is the one message newer than it (FIRST_ID id), `m` the one message older than that (LAST_ID
 * chained by `$result`), which is the message itself. When nothing is newer, the reference is
 * empty, read as "no cursor": the newest message, which is then it. Two calls per message, 25
 * messages per batch.
 */
async function getResultMessages(client: PortalClient, chatId: number, ids: readonly number[]): Promise<ResultMessages> {
  const out: ResultMessages = { messages: new Map(), authors: new Map() }
  for (let at = 0; at < ids.length; at += PER_BATCH) {
    const calls: Record<string, [string, Params]> = {}
    for (const id of ids.slice(at, at + PER_BATCH)) {
      calls[`n${id}`] = ['im.dialog.messages.get', { DIALOG_ID: `chat${chatId}`, FIRST_ID: id, LIMIT: 1 }]
      calls[`m${id}`] = ['im.dialog.messages.get', { DIALOG_ID: `chat${chatId}`, LAST_ID: `$result[n${id}][messages][0][id]`, LIMIT: 1 }]
    }
    const rows = await client.batchV2(calls)
    for (const [key, row] of Object.entries(rows)) {
      if (!key.startsWith('m') || !row.ok) continue // that one stays without an author: the list still shows the result
      const page = toHistoryPage(row.data, chatId)
      for (const m of page.messages) if (ids.includes(m.id)) out.messages.set(m.id, m)
      for (const a of page.authors) out.authors.set(a.id, a)
    }
  }
  return out
}

/** Bound to the portal client once. Keyed by all the results' messages, not by those the feed lacks: that set shrinks as the reader scrolls, and each change would read them again. */
const useResultMessagesQuery = boundQueries(
  (client: PortalClient) => (chatId: number, ids: readonly number[]) =>
    queryOptions({
      queryKey: ['results', 'messages', chatId, ids] as const,
      queryFn: () => getResultMessages(client, chatId, ids),
      staleTime: 5 * 60_000,
    }),
)

/** The messages of these results, those the feed has loaded first and the rest from the portal. */
export function useResultMessages(chatId: number | null, messageIds: readonly number[], loaded: ReadonlyMap<number, Message>): ResultMessages {
  const ids = [...messageIds].sort((a, b) => a - b)
  const anyMissing = ids.some((id) => !loaded.has(id))
  const fetched = useQuery({ ...useResultMessagesQuery()(chatId ?? 0, ids), enabled: chatId !== null && anyMissing, placeholderData: keepPreviousData })
  const messages = new Map(fetched.data?.messages)
  for (const id of messageIds) {
    const m = loaded.get(id)
    if (m) messages.set(id, m)
  }
  return { messages, authors: fetched.data?.authors ?? new Map() }
}
