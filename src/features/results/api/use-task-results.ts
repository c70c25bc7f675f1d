import { useQuery } from '@tanstack/react-query'
import { useCallback, useMemo } from 'react'
import type { ConversationHandle } from '../../../chat/conversation/conversation-handle'
import type { ResultBadge } from '../../../chat/types'
import { badgeView } from './badge-state'
import { useResultsQueries } from './results-queries'
import { useResultActions } from './use-result-actions'

/**
 * The task's results as the feed needs them: a badge per message, and the actions. Asked for once
 * the opening has answered (`enabled`), so the badges follow the first paint by one round trip
 * and never compete with the opening batch for it.
 */
export function useTaskResults(conversation: ConversationHandle, enabled = true) {
  const { taskId } = conversation
  const { userId } = conversation.viewer
  const query = useQuery({ ...useResultsQueries().task(taskId), enabled })
  const actions = useResultActions(taskId)
  const byMessage = useMemo(() => new Map((query.data?.results ?? []).map((r) => [r.messageId, r])), [query.data])
  const canCreate = query.data?.canCreate ?? false
  const { attemptFor } = actions
  const viewOf = useCallback(
    (messageId: number): ResultBadge | null =>
      query.isSuccess ? badgeView({ result: byMessage.get(messageId), canCreate, userId, attempt: attemptFor(messageId) }) : null,
    [query.isSuccess, byMessage, canCreate, userId, attemptFor],
  )
  return { query, byMessage, viewOf, change: actions.change }
}
