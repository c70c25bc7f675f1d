import { useMemo, type RefObject } from 'react'
import type { OutboxStore } from '../../features/composer/api/outbox-store'
import type { FeedActions } from '../../features/feed/components/feed-actions'
import type { Message, ResultBadge } from '../../chat/types'
import type { ResultChange } from '../../features/results/api/use-result-actions'
import type { TaskResult } from '../../features/results/api/results-api'

interface Wiring {
  store: OutboxStore
  inputRef: RefObject<HTMLTextAreaElement | null>
  retry(clientId: string): void
  discard(clientId: string): void
  messagesById: ReadonlyMap<number, Message>
  /** Goes to any message: scrolls there when loaded, loads the window around it when not. */
  jumpTo(id: number): void
  resultView(id: number): ResultBadge | null
  resultOf(id: number): TaskResult | undefined
  changeResult(change: ResultChange, onDone?: (result: TaskResult | null) => void): void
  onResultMade(result: TaskResult): void
  /** A result was removed: offer to make it again. */
  onResultRemoved(result: TaskResult): void
  /** Editing, deleting and liking (use-message-editing.ts). */
  changes: Pick<FeedActions, 'changeOf' | 'edit' | 'remove' | 'undoRemove' | 'like'>
}

/** What messages in the feed can do, wired to the composer's outbox, the task's results and the message changes. */
export function useChatActions(w: Wiring): FeedActions {
  const { store, inputRef, retry, discard, messagesById, jumpTo, resultView, resultOf, changeResult, onResultMade, onResultRemoved, changes } = w
  return useMemo<FeedActions>(
    () => ({
      reply(message) {
        store.update((s) => ({ ...s, replyToId: message.id }))
        inputRef.current?.focus()
      },
      retry,
      discard,
      find: (id) => messagesById.get(id),
      // The feed list scrolls to rows it has; this is for the rest.
      jumpTo,
      resultOf: resultView,
      makeResult: (messageId) => changeResult({ kind: 'make', messageId }, (result) => result && onResultMade(result)),
      removeResult(messageId) {
        const result = resultOf(messageId)
        if (result) changeResult({ kind: 'remove', messageId, resultId: result.id }, () => onResultRemoved(result))
      },
      ...changes,
    }),
    [store, inputRef, retry, discard, messagesById, jumpTo, resultView, resultOf, changeResult, onResultMade, onResultRemoved, changes],
  )
}
