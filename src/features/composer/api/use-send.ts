import { useMutation } from '@tanstack/react-query'
import { useCallback, useEffect } from 'react'
import { usePortalClient } from '../../../platform/portal-context'
import { isPortalError, PortalError } from '../../../b24/portal-error'
import { mayHaveLanded } from '../../../b24/write-outcome'
import type { ConversationHandle } from '../../../chat/conversation/conversation-handle'
import { deliverOnce } from '../../../chat/deliver-once'
import { ownMessage } from '../../../chat/own-message'
import type { OutboxItem, OutboxStore } from './outbox-store'
import { BOT_JOIN_REFUSED } from './bot-refusal'
import type { SendTarget } from './send-api'

export const MAX_MESSAGE_LENGTH = 20_000

/** Not a failure: a message typed after one that failed waits for it (retried or discarded). */
class HeldBack extends Error {}

interface SendContext {
  conversation: ConversationHandle
  /** Newest message id in the feed now. */
  newestId: number
  store: OutboxStore
}

/**
 * Sending, one message at a time in the order typed (one mutation scope per task), never retried
 * by itself: a send is not idempotent. A failure keeps the message in the outbox with its reason;
 * a retry after an unknown outcome first looks for the message in the chat. The chat never reads
 * in another order than typed: messages after a failed one wait, and go (in order) once it is
 * sent or discarded.
 */
export function useSend({ conversation, newestId, store }: SendContext) {
  const client = usePortalClient()
  const { taskId, chatId } = conversation
  const target: SendTarget = { taskId, chatId, botId: conversation.viewer.bot?.id ?? null }
  const { userId } = conversation.viewer

  const authorOf = (item: OutboxItem) => (item.asBot && target.botId ? target.botId : userId)
  /** The message in the chat, from an attempt whose answer never came: its id, or null. */
  const lookFor = async (item: OutboxItem) => {
    const { findPosted, findPostedInTask } = await import('./find-posted')
    return target.chatId !== null
      ? findPosted(client, target.chatId, authorOf(item), item.text, item.baselineId)
      : findPostedInTask(client, target.taskId, authorOf(item), item.text)
  }
  /** The portal has the message (sent now, or found where an earlier attempt left it). */
  const landed = async (item: OutboxItem, serverId: number | null) => {
    store.patchItem(item.clientId, { status: 'sent', serverId, error: null, outcomeUnknown: false })
    release()
    if (serverId === null || target.chatId === null) {
      // The task had no chat: the post created it. Open it afresh, then the message is there.
      await conversation.reopen()
      store.removeItem(item.clientId)
      return
    }
    // Written into the conversation here, by the send itself: the row turns from pending to sent in
    // place, and the next poll's copy of it (same id) replaces this one.
    conversation.writeSent(
      ownMessage({ id: serverId, chatId: target.chatId, authorId: authorOf(item), date: new Date(), text: item.text, replyToId: item.replyToId }),
    )
    store.settle(item.clientId, serverId)
    conversation.pollSoon()
  }

  const mutation = useMutation({
    mutationKey: ['send', taskId],
    scope: { id: `send-${taskId}` },
    retry: false,
    mutationFn: async (item: OutboxItem): Promise<number | null> => {
      // Checked when its turn in the scope comes: the one before may have failed meanwhile.
      if (store.blockedBefore(item.clientId)) throw new HeldBack()
      // The portal kept the bot out of this chat already: a message typed for it meanwhile is not
      // tried again (no second add); it waits, kept, to be sent as the user.
      if (item.asBot && store.get().botRefused) throw new PortalError('access', BOT_JOIN_REFUSED, 'The bot was kept out of this chat')
      // Loaded with the first message sent (or earlier, with the composer): not needed to read.
      const { deliver } = await import('./send-api')
      // The message's id is its Idempotency-Key where one is sent: every attempt at it is one action.
      return deliverOnce({
        write: () => deliver(client, target, item.text, item.replyToId, item.asBot, `send-${item.clientId}`),
        look: () => lookFor(item),
        outcomeUnknown: item.outcomeUnknown,
      })
    },
    onMutate: (item) => store.patchItem(item.clientId, { status: store.blockedBefore(item.clientId) ? 'waiting' : 'sending', error: null }),
    onSuccess: (serverId, item) => landed(item, serverId),
    onError: (error, item) => {
      if (error instanceof HeldBack) {
        store.patchItem(item.clientId, { status: 'waiting', error: null })
        return
      }
      if (isPortalError(error) && error.code === BOT_JOIN_REFUSED) {
        // The bot may not join this chat: keep the text, send it as the user on Retry, and stop offering the bot here.
        store.update((s) => ({ ...s, botRefused: true }))
        store.patchItem(item.clientId, {
          status: 'failed',
          asBot: false,
          outcomeUnknown: false,
          error: { kind: 'bot-refused', code: error.code, message: error.message },
        })
        return
      }
      const kind = isPortalError(error) ? error.kind : 'unknown'
      store.patchItem(item.clientId, {
        status: 'failed',
        // No answer or a server error of any code: the message may be in the chat; Retry looks first.
        outcomeUnknown: item.outcomeUnknown || mayHaveLanded(error),
        error: { kind, code: isPortalError(error) ? error.code : 'UNKNOWN', message: error instanceof Error ? error.message : String(error) },
      })
    },
  })

  const { mutate } = mutation
  /** Sends the messages that waited for one before them, in the order typed. */
  const release = useCallback(() => {
    for (const next of store.takeReleasable()) mutate(next)
  }, [store, mutate])
  // By id and stable, for the feed's rows: the item is read from the outbox as it is now.
  const retry = useCallback(
    (clientId: string) => {
      const item = store.get().items.find((i) => i.clientId === clientId)
      if (item) mutate(item)
    },
    [store, mutate],
  )
  // Sends an earlier page left on their way (the card reloaded or closed mid-send): looked for in the
  // chat once it is open (the user is known then), never written again from here. Found, it is
  // the message in the feed and nothing else; not found, it is "Not sent" with Retry (which looks
  // again before it writes: its answer may still have been on its way).
  useEffect(() => {
    if (userId === 0) return
    for (const item of store.takeInterrupted()) {
      const notSent = () => store.patchItem(item.clientId, { status: 'failed', error: null, outcomeUnknown: true })
      lookFor(item).then((serverId) => (serverId === null ? notSent() : landed(item, serverId)), notSent)
    }
    // Once per store (takeInterrupted answers once): the functions it calls are new on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store, userId])

  const discard = useCallback(
    (clientId: string) => {
      store.removeItem(clientId)
      release()
    },
    [store, release],
  )

  return {
    retry,
    discard,
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
      store.update((s) => ({ draft: '', mentions: [], replyToId: null, items: [...s.items, item] }))
      mutate(item)
    },
  }
}
