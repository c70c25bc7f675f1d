import { useMemo, useSyncExternalStore } from 'react'
import { usePortalClient } from '../../../platform/portal-context'
import type { ConversationHandle } from '../../../chat/conversation/conversation-handle'
import { outboxStore, type OutboxState, type OutboxStore } from './outbox-store'
import { createPersistence } from './persistence'
import { outboxKey } from './draft-peek'

/**
 * The outbox of this task for this user on this portal. Until the opening batch has said who the
 * user is (userId 0) there is nothing to show: the composer appears only after it.
 */
export function useOutbox(conversation: ConversationHandle): [OutboxState, OutboxStore] {
  const client = usePortalClient()
  const { taskId } = conversation
  const { userId } = conversation.viewer
  const store = useMemo(() => outboxStore(outboxKey(userId, taskId), createPersistence(client)), [client, userId, taskId])
  const state = useSyncExternalStore(store.subscribe, store.get)
  return [state, store]
}
