import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import type { Author, Message } from '../types'
import { useConversationHandle } from './conversation-handle'
import { useConversationQueries } from './conversation-queries'

/**
 * The task's conversation: the one cache, every message loaded in any run by id (for reply quotes
 * and results), the authors, with those no read described fetched in bulk, and the handle that
 * features are given to read and write it (conversation-handle.ts).
 */
export function useConversation(taskId: number) {
  const queries = useConversationQueries()
  const query = useQuery(queries.conversation(taskId))
  const conversation = query.data
  const runs = conversation?.runs

  const messagesById = useMemo(() => new Map<number, Message>((runs ?? []).flatMap((r) => r.messages.map((m) => [m.id, m] as const))), [runs])
  // Authors no read described, people who liked, and the viewer (their own pending messages need a name and avatar).
  const known = conversation?.authors
  const viewerId = conversation?.viewer.userId ?? 0
  const missing = useMemo(() => {
    // Who liked a message is named too (its likes line and the Like button's description).
    // So are a forward's original author and who reacted (their names describe the reactions).
    const named = (m: Message) => [m.authorId, ...m.likedBy, ...(m.reactions ?? []).flatMap((r) => r.userIds), m.forward?.userId ?? 0]
    const ids = new Set([viewerId, ...[...messagesById.values()].flatMap(named)])
    return [...ids].filter((id) => id > 0 && !known?.has(id)).sort((a, b) => a - b)
  }, [messagesById, known, viewerId])
  const extra = useQuery({ ...queries.authors(missing), enabled: missing.length > 0 && known !== undefined })
  const authors = useMemo<ReadonlyMap<number, Author>>(() => {
    if (!extra.data?.length) return known ?? new Map()
    const all = new Map(known)
    for (const a of extra.data) all.set(a.id, a)
    return all
  }, [known, extra.data])

  const handle = useConversationHandle(taskId, conversation)
  return { query, conversation, messagesById, authors, handle }
}
