import { createContext, useContext } from 'react'
import type { Message } from '../types'

/** What a message in the feed can ask of the screen around it. */
export interface FeedActions {
  reply(message: Message): void
  retry(clientId: string): void
  discard(clientId: string): void
  /** A loaded message by id (for reply quotes). */
  find(id: number): Message | undefined
  /** Scrolls to a loaded message and focuses it. */
  jumpTo(id: number): void
}

const noop = () => {}
export const FeedActionsContext = createContext<FeedActions>({ reply: noop, retry: noop, discard: noop, find: () => undefined, jumpTo: noop })

export function useFeedActions(): FeedActions {
  return useContext(FeedActionsContext)
}
