import { useMutation, useQueryClient } from '@tanstack/react-query'
import { usePortalClient } from '../../../app/portal-context'
import { isPortalError } from '../../../b24/portal-error'
import { feedQueries } from '../../feed/api/feed-queries'
import type { OutboxItem, OutboxStore } from './outbox-store'
import { BOT_JOIN_REFUSED } from './bot-refusal'
import type { SendTarget } from './send-api'

export const MAX_MESSAGE_LENGTH = 20_000

/** Failures after which the message may have been saved anyway. */
const UNKNOWN_OUTCOME = new Set(['network', 'unavailable', 'unknown'])

interface SendContext {
  taskId: number
  target: SendTarget
  userId: number
  /** Newest message id in the feed now. */
  newestId: number
  store: OutboxStore
}

/**
 * Sending, one message at a time in the order typed (one mutation scope per task), never retried
 * by itself: a send is not idempotent. A failure keeps the message in the outbox with its reason;
 * a retry after an unknown outcome first looks for the message in the chat.
 */
export function useSend({ taskId, target, userId, newestId, store }: SendContext) {
  const client = usePortalClient()
  const queryClient = useQueryClient()

  const mutation = useMutation({
    mutationKey: ['send', taskId],
    scope: { id: `send-${taskId}` },
    retry: false,
    mutationFn: async (item: OutboxItem): Promise<number | null> => {
      // Loaded with the first message sent (or earlier, with the composer): not needed to read.
      const [{ deliver }, { findPosted }] = await Promise.all([import('./send-api'), import('./find-posted')])
      if (item.outcomeUnknown && target.chatId !== null) {
        const author = item.asBot && target.botId ? target.botId : userId
        const found = await findPosted(client, target.chatId, author, item.text, item.baselineId)
        if (found) return found
      }
      return deliver(client, target, item.text, item.replyToId, item.asBot)
    },
    onMutate: (item) => store.patchItem(item.clientId, { status: 'sending', error: null }),
    onSuccess: async (serverId, item) => {
      store.patchItem(item.clientId, { status: 'sent', serverId, error: null, outcomeUnknown: false })
      if (serverId === null) {
        // The task had no chat: the post created it. Open it afresh, then the message is there.
        await queryClient.invalidateQueries({ queryKey: feedQueries.history(client, taskId).queryKey })
        store.removeItem(item.clientId)
      } else {
        void queryClient.refetchQueries({ queryKey: feedQueries.allLive() })
      }
    },
    onError: (error, item) => {
      if (isPortalError(error) && error.code === BOT_JOIN_REFUSED) {
        // The bot may not join this chat: keep the text, send it as the user on Retry, and stop offering the bot here.
        store.update((s) => ({ ...s, botRefused: true }))
        store.patchItem(item.clientId, { status: 'failed', asBot: false, outcomeUnknown: false, error: { kind: 'bot-refused', code: error.code, message: error.message } })
        return
      }
      const kind = isPortalError(error) ? error.kind : 'unknown'
      store.patchItem(item.clientId, {
        status: 'failed',
        outcomeUnknown: item.outcomeUnknown || UNKNOWN_OUTCOME.has(kind),
        error: { kind, code: isPortalError(error) ? error.code : 'UNKNOWN', message: error instanceof Error ? error.message : String(error) },
      })
    },
  })

  return {
    send(text: string, replyToId: number | null, asBot: boolean) {
      const item: OutboxItem = {
        clientId: crypto.randomUUID(),
        text,
        replyToId,
        asBot,
        createdAt: Date.now(),
        status: 'sending',
        serverId: null,
        baselineId: newestId,
        error: null,
        outcomeUnknown: false,
      }
      store.update((s) => ({ draft: '', replyToId: null, items: [...s.items, item] }))
      mutation.mutate(item)
    },
    retry(item: OutboxItem) {
      mutation.mutate(item)
    },
    discard(item: OutboxItem) {
      store.removeItem(item.clientId)
    },
  }
}
