import { queryOptions, useQuery } from '@tanstack/react-query'
import { boundQueries } from '../../../platform/bound-queries'
import type { BatchRow, Params, PortalClient } from '../../../b24/portal-client'
import { chainedId } from '../../../chat/conversation/chained-id'
import { messageIn } from '../../../chat/conversation/conversation'
import { useConversationQueries, writeAlone } from '../../../chat/conversation/conversation-queries'
import { toHistoryPage } from '../../../chat/map-history'
import type { Author, Message } from '../../../chat/types'

export interface ResultMessages {
  messages: Map<number, Message>
  authors: Map<number, Author>
}

/** A v2 batch takes up to 50 calls: two per message. */
const PER_BATCH = 25

const get = (chatId: number, params: Params): [string, Params] => ['im.dialog.messages.get', { DIALOG_ID: `chat${chatId}`, ...params }]

/** A read's messages that are among `ids`, and their authors, into `out`. */
function keep(out: ResultMessages, raw: unknown, chatId: number, ids: readonly number[]): void {
  const page = toHistoryPage(raw, chatId)
  for (const m of page.messages) if (ids.includes(m.id)) out.messages.set(m.id, m)
  for (const a of page.authors) out.authors.set(a.id, a)
}

/** Did the `n` row read a message newer than `id`? LIMIT 1, so whatever order a FIRST_ID read lists. */
function foundNewer(row: BatchRow | undefined, chatId: number, id: number): boolean | undefined {
  if (!row?.ok) return undefined
  return toHistoryPage(row.data, chatId).messages.some((m) => m.id > id)
}

/**
 * The messages results were made from, for their author and time (a result records who marked
 * it, not who wrote it). No documented method reads a message by id, and a cursor must be a
 * message of the chat (im-dialog-messages-get.md), so each is read from the message after it: `n`
 * is the one message newer than it (FIRST_ID id), `m` the one message older than that (LAST_ID
 * chained by `$result`, chained-id.ts), which is the message itself. Two calls per message, 25
 * messages per batch. When nothing is newer, the message is the newest (or gone): its `m` row is
 * ignored, whatever the unresolved reference made of it, and the newest page is read once for
 * all such messages.
 */
export async function getResultMessages(client: PortalClient, chatId: number, ids: readonly number[]): Promise<ResultMessages> {
  const out: ResultMessages = { messages: new Map(), authors: new Map() }
  let newest = false
  for (let at = 0; at < ids.length; at += PER_BATCH) {
    const calls: Record<string, [string, Params]> = {}
    for (const id of ids.slice(at, at + PER_BATCH)) {
      calls[`n${id}`] = get(chatId, { FIRST_ID: id, LIMIT: 1 })
      calls[`m${id}`] = get(chatId, { LAST_ID: chainedId(`n${id}`), LIMIT: 1 })
    }
    const rows = await client.batchV2(calls)
    for (const id of ids.slice(at, at + PER_BATCH)) {
      const newer = foundNewer(rows[`n${id}`], chatId, id)
      const row = rows[`m${id}`]
      // A failed row leaves that one without an author: the list still shows the result.
      if (newer === true && row?.ok) keep(out, row.data, chatId, [id])
      if (newer === false) newest = true
    }
  }
  // The newest page (no cursor; more than LIMIT with unread messages, the docs say), where those are.
  if (newest) {
    const page = await client.callV2(...get(chatId, { LIMIT: 50 })).catch(() => undefined) // as a failed row: no author
    if (page !== undefined) keep(out, page, chatId, ids)
  }
  return out
}

/**
 * Bound to the portal client once. What is read lands in the conversation (its messages read alone):
 * the one cache of the chat's messages, which an edit reaches too. Keyed by all the results'
 * messages, not by those the conversation lacks: that set shrinks as the reader scrolls, and each
 * change would read them again.
 */
const useResultMessagesQuery = boundQueries(
  (client: PortalClient) => (taskId: number, chatId: number, ids: readonly number[]) =>
    queryOptions({
      queryKey: ['results', 'messages', chatId, ids] as const,
      queryFn: async (context) => {
        const read = await getResultMessages(client, chatId, ids)
        writeAlone(context.client, taskId, [...read.messages.values()], [...read.authors.values()])
        return [...read.messages.keys()]
      },
      staleTime: 5 * 60_000,
    }),
)

/**
 * The messages of these results, as the conversation holds them (loaded in a run, or read alone for
 * the results): those it lacks are read from the portal into it.
 */
export function useResultMessages(taskId: number, chatId: number | null, messageIds: readonly number[]): ReadonlyMap<number, Message> {
  const ids = [...messageIds].sort((a, b) => a - b)
  const { data: conversation } = useQuery(useConversationQueries().conversation(taskId))
  const messages = new Map<number, Message>()
  for (const id of ids) {
    const message = messageIn(conversation, id)
    if (message) messages.set(id, message)
  }
  const anyMissing = messages.size < ids.length
  useQuery({ ...useResultMessagesQuery()(taskId, chatId ?? 0, ids), enabled: chatId !== null && anyMissing })
  return messages
}
