import type { FeedRow } from '../api/build-rows'
import { DIVIDER_HEIGHT_PX } from './new-messages-divider'

/**
 * The top row (loading, retry, start of history, the first day) sits in the list's start padding,
 * outside the virtual items: were it an item, at scrollTop 0 it would be the scroll anchor, stay
 * pinned at the top after every prepend, and keep asking for older pages forever.
 */
export const TOP_HEIGHT_PX = 76

/**
 * A row's height before it is measured: a one-line bubble with its name line (others' 76px, the
 * reader's own 56px, a notice 64px: 72 between them), or one continuing a block (52px); the day
 * separator under it; "New messages" above it. The list and the first frame guess alike, so
 * the first frame shows the rows the list then opens at.
 */
export function estimateRowHeight(row: FeedRow, dividerKey: string | undefined): number {
  return (row.continued ? 52 : 72) + (row.nextDay ? 36 : 0) + (row.key === dividerKey ? DIVIDER_HEIGHT_PX : 0)
}
