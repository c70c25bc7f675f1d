import { createContext, useContext } from 'react'
import type { Message } from '../../../chat/types'

/** What a message shows about being the task's result (see results/api/badge-state.ts). */
export interface ResultBadge {
  badge: boolean
  action: 'make' | 'remove' | null
  error: string | null
}

/** What a message in the feed can ask of the screen around it. */
export interface FeedActions {
  reply(message: Message): void
  retry(clientId: string): void
  discard(clientId: string): void
  /** A loaded message by id (for reply quotes). */
  find(id: number): Message | undefined
  /** Scrolls to a loaded message and focuses it. */
  jumpTo(id: number): void
  /** The result badge of a message, when results are known. */
  resultOf(id: number): ResultBadge | null
  makeResult(id: number): void
  removeResult(id: number): void
}

const noop = () => {}
export const FeedActionsContext = createContext<FeedActions>({
  reply: noop,
  retry: noop,
  discard: noop,
  find: () => undefined,
  jumpTo: noop,
  resultOf: () => null,
  makeResult: noop,
  removeResult: noop,
})

export function useFeedActions(): FeedActions {
  return useContext(FeedActionsContext)
}
