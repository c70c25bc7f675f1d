import type { QueryClient } from '@tanstack/react-query'
import type { PortalSession } from '../../b24/connect'
import { readPlacementTask } from '../../b24/placement'
import { conversationQueries } from '../../chat/conversation/conversation-queries'
import { phaseMark } from '../../platform/phase-mark'

/**
 * Starts the opening batch the moment the frame has answered, into the cache the screen reads: the
 * screen's own query would start it only once React had rendered and committed the screen. A card
 * without a task id asks nothing (the screen says what is missing).
 */
export function prefetchOpening(queryClient: QueryClient, session: PortalSession): void {
  const placement = readPlacementTask(session.placementOptions)
  if (!placement.ok) return
  // Answered (or failed) and in the cache: what the first frame waits for.
  void queryClient.prefetchQuery(conversationQueries(session.client).conversation(placement.taskId)).then(() => phaseMark('tc:batch-answered'))
}
