import type { PortalSession } from '../../b24/connect'
import { readPlacementTask } from '../../b24/placement'
import { openingOf } from '../../chat/conversation/opening'
import { phaseMark } from '../../platform/phase-mark'

/**
 * Starts the opening batch the moment the frame has answered: the first frame's own read would
 * start it only once React had rendered and committed it. A card without a task id asks nothing
 * (the screen says what is missing).
 */
export function prefetchOpening(session: PortalSession): void {
  const placement = readPlacementTask(session.placementOptions)
  if (!placement.ok) return
  // Answered (or failed): what the first frame waits for.
  openingOf(session.client, placement.taskId).then(
    () => phaseMark('tc:batch-answered'),
    () => undefined,
  )
}
