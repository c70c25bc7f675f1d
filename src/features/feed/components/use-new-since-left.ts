import { useCallback, useLayoutEffect, useRef, useState } from 'react'
import type { FeedRow } from '../api/build-rows'

/**
 * The newest message that came from the portal. The user's own messages still in the outbox are
 * appended after it with negative ids: taking the last row's id would make every loaded message,
 * older pages included, count as "newer" than it.
 */
export function newestArrivedId(rows: readonly FeedRow[]): number {
  for (let i = rows.length - 1; i >= 0; i--) {
    const row = rows[i]!
    if (!row.pending && row.message.id > 0) return row.message.id
  }
  return 0
}

/** Messages that arrived after `leftAtId`: never the outbox's, never older pages loaded above. */
export function countArrivals(rows: readonly FeedRow[], leftAtId: number | null): number {
  if (leftAtId === null) return 0
  let count = 0
  for (const row of rows) if (!row.pending && row.message.id > leftAtId) count++
  return count
}

/**
 * How many messages arrived since the reader left the end of the feed. `noteEnd` is told whether
 * the reader is at the end after every scroll; leaving notes the newest message they had.
 */
export function useNewSinceLeft(rows: readonly FeedRow[]) {
  const [leftAtId, setLeftAtId] = useState<number | null>(null)
  const newest = useRef(0)
  useLayoutEffect(() => {
    newest.current = newestArrivedId(rows)
  })
  const noteEnd = useCallback((atEnd: boolean) => {
    setLeftAtId((before) => (atEnd ? null : (before ?? newest.current)))
  }, [])
  return { noteEnd, leftAtId, count: countArrivals(rows, leftAtId) }
}

interface Below {
  /** The newest message the reader had when they left the end; null while they are at it. */
  leftAtId: number | null
  /** The first message unread when the card opened, or null. */
  unreadFromId: number | null | undefined
  /** The newest message the reader has had on screen in this feed. */
  seenUpToId: number
  viewerId: number
}

/**
 * What "Jump to latest" counts: the messages that arrived since the reader left the end, and the
 * unread messages (others', from the first unread on) below what they have seen. Each once.
 */
export function countBelow(rows: readonly FeedRow[], { leftAtId, unreadFromId, seenUpToId, viewerId }: Below): number {
  let count = 0
  for (const { pending, message } of rows) {
    if (pending || message.id <= 0) continue
    if (leftAtId !== null && message.id > leftAtId) count++
    else if (unreadFromId && message.id >= unreadFromId && message.id > seenUpToId && message.authorId !== viewerId) count++
  }
  return count
}
