import { useQueryClient, type QueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { usePortalClient } from '../../platform/portal-context'
import type { PortalClient } from '../../b24/portal-client'
import { PortalError, type PortalErrorKind } from '../../b24/portal-error'
import type { Conversation } from './conversation'
import type { ConversationHandle } from './conversation-handle'
import { conversationKey, enrichConversation, landRead } from './conversation-queries'
import { LIVE_PAGE, fetchNewerPage } from './history-api'
import { LivePoller } from './live-poller'
import { readLivePages } from './live-read'
import { keepOwnChanges } from './own-changes'
import type { Read } from './reads'
import { runOf } from './runs'

/** This tab's one poller per portal and user, shared by every card it shows, while any does. */
const pollers = new Map<string, { poller: LivePoller; channel: BroadcastChannel | undefined; users: number }>()

function acquirePoller(client: PortalClient, userId: number): [LivePoller, () => void] {
  const key = `task-chat:live:${client.origin}:${userId}`
  let entry = pollers.get(key)
  if (!entry) {
    const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(key) : undefined
    const poller = new LivePoller({
      channel,
      document,
      window,
      now: () => Date.now(),
      read: (chats) => readLivePages(client, chats),
      revive: (f) => new PortalError(f.kind as PortalErrorKind, f.code, f.message, f.status),
    })
    entry = { poller, channel, users: 0 }
    pollers.set(key, entry)
    poller.start()
  }
  const held = entry
  held.users++
  const release = () => {
    if (--held.users > 0) return
    pollers.delete(key)
    held.poller.stop()
    held.channel?.close()
  }
  return [held.poller, release]
}

/**
 * Where a chat's newest page lands in this tab's conversation. A page that does not reach down to
 * the live end (more arrived since than a page holds) is not landed: what is newer than the live end
 * is read forward from it (FIRST_ID), as many pages as it takes over the next polls, so the live run
 * is never split and the reader never moved. Says whether a message the tab did not hold arrived.
 */
function applyNewest(queryClient: QueryClient, client: PortalClient, taskId: number, chatId: number, page: Read, askedAt: number): boolean {
  const live = runOf(queryClient.getQueryData<Conversation>(conversationKey(taskId))?.runs ?? [], null)
  const read = keepOwnChanges(page, askedAt, new Map(live?.messages.map((m) => [m.id, m])))
  const before = live?.to ?? 0
  const full = read.run.messages.length >= LIVE_PAGE
  // (A get page of more than LIMIT, around the first of many unread, is full too: read forward from the live end.)
  if (live && live.messages.length > 0 && full && read.run.from > before + 1) {
    fetchNewerPage(client, chatId, before).then(
      (own) => landRead(queryClient, client, taskId, chatId, own),
      () => {}, // the next poll tries again
    )
    return true
  }
  // A page shorter than asked holds every message the chat has: none lies between the live end and its oldest.
  const run = !full && read.run.from > before + 1 ? { ...read.run, from: before + 1 } : read.run
  landRead(queryClient, client, taskId, chatId, { ...read, run })
  return read.run.messages.some((m) => m.id > before)
}

/**
 * Keeps the conversation's live end current while the card is visible, through the browser's one
 * poller for every open card (see LivePoller). Returns the last poll's failure, or null.
 */
export function useLivePoll(conversation: ConversationHandle): unknown {
  const client = usePortalClient()
  const queryClient = useQueryClient()
  const [error, setError] = useState<unknown>(null)
  const { taskId, chatId, connectPoller } = conversation
  const { userId } = conversation.viewer

  useEffect(() => {
    if (chatId === null) return
    const [poller, release] = acquirePoller(client, userId)
    const unwatch = poller.watch(chatId, {
      apply: (read, askedAt) => applyNewest(queryClient, client, taskId, chatId, read, askedAt),
      onStatus: setError,
    })
    // The reader has just sent or changed a message (the handle's pollSoon): poll at once and fast.
    const disconnect = connectPoller(() => poller.pollNow(true))
    // The unread run the opening read through get (history-api.ts): its replies, after the first paint.
    void enrichConversation(queryClient, client, taskId, chatId)
    return () => {
      disconnect()
      unwatch()
      release()
    }
  }, [client, queryClient, taskId, chatId, userId, connectPoller])

  return error
}
