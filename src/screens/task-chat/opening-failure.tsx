import { queryOptions, useQuery } from '@tanstack/react-query'
import { boundQueries } from '../../platform/bound-queries'
import { isPortalError, type PortalErrorKind } from '../../b24/portal-error'
import type { PortalClient } from '../../b24/portal-client'
import { useI18n } from '../../i18n/i18n'
import type { MessageKey } from '../../i18n/en'
import { FeedFailure } from '../../features/feed/components/feed-failure'
import { FeedSkeleton } from '../../features/feed/components/feed-skeleton'

/** The opening's v2 tasks.task.get answered [] (see history-api.ts): missing and forbidden look the same there. */
const TASK_NOT_AVAILABLE = 'TASK_NOT_AVAILABLE'

/**
 * v3 tasks.task.get tells them apart: 400 ENTITYNOTFOUND for a task that does not exist, 403
 * ACCESSDENIED for one the user may not open. Answers the kind, or null when it cannot tell
 * (the v3 API missing, a passing fault, an answer we did not expect).
 */
async function whyUnavailable(client: PortalClient, taskId: number): Promise<PortalErrorKind | null> {
  try {
    await client.callV3('tasks.task.get', { id: taskId, select: ['id'] })
    return null // readable now: v2 and v3 disagree, so say only what is sure
  } catch (error) {
    return isPortalError(error) && (error.kind === 'not-found' || error.kind === 'access') ? error.kind : null
  }
}

const useWhyUnavailableQuery = boundQueries(
  (client: PortalClient) => (taskId: number) =>
    queryOptions({
      queryKey: ['task-chat', 'why-unavailable', taskId] as const,
      queryFn: () => whyUnavailable(client, taskId),
      retry: false,
      staleTime: Infinity,
    }),
)

function sentenceKey(error: unknown, why: PortalErrorKind | null | undefined): MessageKey | undefined {
  if (!isPortalError(error)) return undefined
  // The task opened but the chat refused: the user is in the task, not in its chat.
  if (error.kind === 'access' && error.code === 'ACCESS_ERROR') return 'error.chatAccess'
  if (error.code !== TASK_NOT_AVAILABLE) return undefined
  if (why === 'access') return 'error.taskAccess'
  if (why === 'not-found') return 'error.taskMissing'
  return 'error.taskUnavailable'
}

interface Props {
  taskId: number
  error: unknown
  failures: number
  onRetry(): void
}

/** The opening failed: the honest sentence for what happened (asking the portal once more when the first answer could not tell). */
export function OpeningFailure({ taskId, error, failures, onRetry }: Props) {
  const { t } = useI18n()
  const unavailable = isPortalError(error) && error.code === TASK_NOT_AVAILABLE
  const probe = useQuery({ ...useWhyUnavailableQuery()(taskId), enabled: unavailable })
  if (unavailable && probe.isPending) return <FeedSkeleton />
  const key = sentenceKey(error, probe.data)
  const noAccess = key === 'error.taskAccess' || key === 'error.chatAccess' || undefined
  return <FeedFailure error={error} failures={failures} onRetry={onRetry} sentence={key && t(key)} noAccess={noAccess} />
}
