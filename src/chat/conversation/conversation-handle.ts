import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useMemo } from 'react'
import { usePortalClient } from '../../platform/portal-context'
import type { ChatFile, Message, Viewer } from '../types'
import type { Conversation } from './conversation'
import { conversationKey, landRead, reopen, writeChanged, writeSent } from './conversation-queries'
import type { Read } from './reads'
import { findMessage, type Run } from './runs'

/**
 * One task's conversation as features use it: which chat, who reads, what is cached now, how a
 * read, a send or a change lands in the one cache, and how to ask the live poll to look soon.
 * Features take this instead of ids threaded through their hooks.
 *
 * The functions keep their identity while the task does (`land` while the chat does), so a hook
 * may depend on them rather than on the handle, which is a new object when the chat or the viewer
 * changes.
 */
export interface ConversationHandle {
  readonly taskId: number
  /** null while the task has no chat yet (the portal makes one with the first message). */
  readonly chatId: number | null
  /** Who reads: user 0 and no bot until the conversation has opened. */
  readonly viewer: Viewer
  /** The runs as cached now, not as last rendered: for what must see the latest write. */
  cachedRuns(): readonly Run[]
  /** A message as cached now. */
  cachedMessage(id: number): Message | undefined
  /** A read of this chat lands (see landRead); nothing while there is no chat. */
  land(read: Read): void
  /** The user's own message, confirmed by the portal (see writeSent). */
  writeSent(message: Message, files?: readonly ChatFile[]): void
  /** A message changed at once by the user, or put back (see writeChanged). */
  writeChanged(message: Message): void
  /** The task had no chat and the first post made one: the conversation opens afresh. */
  reopen(): Promise<void>
  /**
   * Asks the browser's poller to poll at once and fast: the reader has just sent or changed a
   * message. Nothing while no live poll watches this chat (no chat yet, or the screen has gone).
   */
  pollSoon(): void
  /** For the live poll (use-live-poll.ts) alone: what pollSoon calls while it watches the chat; returns its undoing. */
  connectPoller(pollNow: () => void): () => void
}

/** Until the opening batch has said who the viewer is. */
const NO_VIEWER: Viewer = { userId: 0, bot: null, mayAddMembers: false }

/** The handle of the task's conversation, over what the cache holds now (`conversation`, undefined until it has opened). */
export function useConversationHandle(taskId: number, conversation: Conversation | undefined): ConversationHandle {
  const client = usePortalClient()
  const queryClient = useQueryClient()
  const chatId = conversation?.chatId ?? null
  const viewer = conversation?.viewer ?? NO_VIEWER

  const byTask = useMemo(() => {
    // The live poll's link, while one watches this task's chat.
    const link: { pollNow: (() => void) | null } = { pollNow: null }
    const cachedRuns = () => queryClient.getQueryData<Conversation>(conversationKey(taskId))?.runs ?? []
    return {
      cachedRuns,
      cachedMessage: (id: number) => findMessage(cachedRuns(), id),
      writeSent: (message: Message, files?: readonly ChatFile[]) => writeSent(queryClient, taskId, message, files),
      writeChanged: (message: Message) => writeChanged(queryClient, taskId, message),
      reopen: () => reopen(queryClient, taskId),
      pollSoon: () => link.pollNow?.(),
      connectPoller(poll: () => void) {
        link.pollNow = poll
        return () => {
          if (link.pollNow === poll) link.pollNow = null
        }
      },
    }
  }, [queryClient, taskId])
  const land = useCallback(
    (read: Read) => {
      if (chatId !== null) landRead(queryClient, client, taskId, chatId, read)
    },
    [queryClient, client, taskId, chatId],
  )

  return useMemo(() => ({ ...byTask, taskId, chatId, viewer, land }), [byTask, taskId, chatId, viewer, land])
}
