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
  return { noteEnd, count: countArrivals(rows, leftAtId) }
}
