import { useMemo, type RefObject } from 'react'
import type { FeedRow } from '../api/build-rows'
import { useFeedActions, type FeedActions } from './feed-actions'
import { focusWhenRendered } from './use-feed-keys'

/** The screen's feed actions, with `jumpTo` done by the list when the row is here: only it can scroll to a row and focus it. */
export function useListActions(scrollerRef: RefObject<HTMLElement | null>, rows: FeedRow[], centreOn: (index: number) => void): FeedActions {
  const outer = useFeedActions()
  return useMemo(
    () => ({
      ...outer,
      jumpTo(id: number) {
        const index = rows.findIndex((r) => r.message.id === id)
        // Not among these rows: the screen goes there (another run, or a window read around it).
        if (index < 0) return outer.jumpTo(id)
        centreOn(index)
        focusWhenRendered(scrollerRef, rows[index]!.key, true)
      },
    }),
    [outer, rows, centreOn, scrollerRef],
  )
}
