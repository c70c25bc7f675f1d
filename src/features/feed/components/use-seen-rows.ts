import type { VirtualItem } from '@tanstack/react-virtual'
import { useCallback, useEffect, useRef, type RefObject } from 'react'
import type { Message } from '../../../chat/types'
import type { FeedRow } from '../api/build-rows'

/**
 * To mark them read: the messages the reader has on screen (at least the top half of the row
 * inside the viewport), told after every change of what is rendered and on every scroll. Rows
 * rendered above or below the viewport (overscan) are not seen; pending rows are not on the portal.
 */
export function useSeenRows(
  scrollerRef: RefObject<HTMLElement | null>,
  rows: readonly FeedRow[],
  items: readonly VirtualItem[],
  onSeen: ((messages: Message[]) => void) | undefined,
): () => void {
  const latest = useRef({ rows, items, onSeen })
  useEffect(() => {
    latest.current = { rows, items, onSeen }
  })
  const report = useCallback(() => {
    const el = scrollerRef.current
    const { rows: all, items: rendered, onSeen: tell } = latest.current
    if (!el || !tell || el.clientHeight === 0) return
    const top = el.scrollTop
    const bottom = top + el.clientHeight
    const seen: Message[] = []
    for (const item of rendered) {
      const row = all[item.index]
      if (row && !row.pending && item.end > top && item.start + item.size / 2 <= bottom) seen.push(row.message)
    }
    if (seen.length > 0) tell(seen)
  }, [scrollerRef])
  useEffect(report, [report, rows, items])
  return report
}
