import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { usePortalClient } from '../../app/portal-context'
import type { Conversation } from './conversation'
import { conversationKey, enrichConversation, landRead } from './conversation-queries'
import { readNewer, readNewest } from './history-api'
import { LivePoller } from './live-poller'
import { runOf } from './runs'

/**
 * Asks the chat's poller (in this tab or another) to poll at once: the user has just sent, or
 * (`reread`) changed a message, which a read of the newest page then confirms.
 */
export function pollSoon(chatId: number, reread = false): void {
  window.dispatchEvent(new CustomEvent<PollSoon>(POLL_SOON, { detail: { chatId, reread } }))
}
interface PollSoon {
  chatId: number
  reread: boolean
}
const POLL_SOON = 'task-chat:poll-soon'

/**
 * Keeps the conversation's live end current while the card is visible, with one poller per
 * browser for the chat (see LivePoller). Returns the last poll's failure, or null.
 */
export function useLivePoll(taskId: number, chatId: number | null, userId: number): unknown {
  const client = usePortalClient()
  const queryClient = useQueryClient()
  const [error, setError] = useState<unknown>(null)

  useEffect(() => {
    if (chatId === null) return
    const name = `task-chat:live:${client.origin}:${userId}:${chatId}`
    const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(name) : undefined
    const liveTo = () => runOf(queryClient.getQueryData<Conversation>(conversationKey(taskId))?.runs ?? [], null)?.to
    const poller = new LivePoller({
      channel,
      document,
      window,
      now: () => Date.now(),
      read: (kind) => {
        const to = liveTo()
        return kind === 'newer' && to !== undefined ? readNewer(client, chatId, to) : readNewest(client, chatId)
      },
      apply: (read, shared) => {
        const before = liveTo() ?? 0
        if (shared && read.run.from > before + 1) {
          // Read by a tab whose live end is further on (this one opened before it spoke): catch up from
          // this tab's own end, rather than split the live run and move the reader.
          readNewer(client, chatId, before).then(
            (own) => landRead(queryClient, client, taskId, chatId, own),
            () => {},
          )
          return false
        }
        // Each tab learns replies of what it was shown (a shared read is this tab's too).
        landRead(queryClient, client, taskId, chatId, read)
        return read.run.messages.some((m) => m.id > before)
      },
      onStatus: setError,
    })
    const onPollSoon = (event: Event) => {
      const { detail } = event as CustomEvent<PollSoon>
      if (detail.chatId === chatId) poller.pollNow(detail.reread)
    }
    window.addEventListener(POLL_SOON, onPollSoon)
    poller.start()
    // The unread run the opening read through get (history-api.ts): its replies, after the first paint.
    void enrichConversation(queryClient, client, taskId, chatId)
    return () => {
      window.removeEventListener(POLL_SOON, onPollSoon)
      poller.stop()
      channel?.close()
    }
  }, [client, queryClient, taskId, chatId, userId])

  return error
}
