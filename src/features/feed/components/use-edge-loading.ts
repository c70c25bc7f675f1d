import type { VirtualItem } from '@tanstack/react-virtual'
import { useEffect } from 'react'
import type { FeedRow } from '../api/build-rows'

interface Edges {
  rows: FeedRow[]
  /** What the virtualizer renders now. */
  items: VirtualItem[]
  /** The first positioning is done: before it, the list sits at its top and would ask for older pages. */
  settled: boolean
  live: boolean
  onNearTop(): void
  onNearBottom?(): void
  /** Which messages are on screen, by id; null once the list is gone (nothing is shown to re-read). */
  onVisibleRange?(range: { first: number; last: number } | null): void
}

/**
 * What the list tells the screen as the reader moves: near the oldest row (load older), near the
 * newest row of a run that is not live (load newer), and which messages are on screen. The row
 * count is a dependency on purpose: a page that added no visible rows must still ask again.
 */
export function useEdgeLoading({ rows, items, settled, live, onNearTop, onNearBottom, onVisibleRange }: Edges): void {
  const nearTop = settled && (items[0]?.index ?? 0) <= 1
  useEffect(() => {
    if (nearTop) onNearTop()
  }, [nearTop, rows.length, onNearTop])

  const nearBottom = settled && !live && (items.at(-1)?.index ?? 0) >= rows.length - 2
  useEffect(() => {
    if (nearBottom) onNearBottom?.()
  }, [nearBottom, rows.length, onNearBottom])

  const firstShown = rows[items[0]?.index ?? -1]?.message.id
  const lastShown = rows[items.at(-1)?.index ?? -1]?.message.id
  useEffect(() => {
    // Pending rows have negative ids: they are not on the portal to be read again.
    if (firstShown !== undefined && lastShown !== undefined && lastShown > 0) onVisibleRange?.({ first: Math.max(firstShown, 1), last: lastShown })
  }, [firstShown, lastShown, onVisibleRange])
  useEffect(() => () => onVisibleRange?.(null), [onVisibleRange])
}
