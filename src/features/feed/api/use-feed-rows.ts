import { useMemo } from 'react'
import type { Message } from '../../../chat/types'
import { buildRows, type FeedRows } from './build-rows'
import { withOutbox, type OutgoingMessage } from './outbox-rows'

/** The user's messages on their way, shown at the live end of the feed. */
export interface Outbox<T extends OutgoingMessage> {
  items: readonly T[]
  /** Messages sent from here that arrived, by server id, with the key their pending row had. */
  arrivedKeys: ReadonlyMap<number, string>
  authorOf(item: T): number
}

/**
 * The rows of the feed, as the screen and the first frame both show them: the run's messages, and
 * the outbox's at the live end (null: none, as in a run far back or before the composer loads).
 * The messages' rows are built again only when the messages or the filter change, not per keystroke
 * of the outbox.
 */
export function useFeedRows<T extends OutgoingMessage>(messages: readonly Message[], showSystem: boolean, outbox: Outbox<T> | null): FeedRows {
  const feed = useMemo(() => buildRows(messages, showSystem), [messages, showSystem])
  const items = outbox?.items
  const arrivedKeys = outbox?.arrivedKeys
  const authorOf = outbox?.authorOf
  return useMemo(() => {
    if (!items || !arrivedKeys || !authorOf) return feed
    const rows = withOutbox(feed.rows, items, arrivedKeys, authorOf)
    return { rows, firstDay: rows[0]?.message.date ?? null }
  }, [feed, items, arrivedKeys, authorOf])
}
