import type { PortalClient } from '../../b24/portal-client'
import type { Conversation } from './conversation'
import { openConversation } from './open-conversation'

interface Opening {
  promise: Promise<Conversation>
  /** Handed to the conversation's cache already: a later fetch of the cache asks the portal afresh. */
  adopted: boolean
}

const openings = new WeakMap<PortalClient, Map<number, Opening>>()

function entryOf(client: PortalClient, taskId: number): Opening {
  let byTask = openings.get(client)
  if (!byTask) openings.set(client, (byTask = new Map()))
  let opening = byTask.get(taskId)
  if (!opening) byTask.set(taskId, (opening = { promise: openConversation(client, taskId), adopted: false }))
  return opening
}

/**
 * The task's opening batch (openConversation), asked once per page: main.tsx asks the moment the
 * frame has answered, and the first frame shows what it brings. Held outside the query cache on
 * purpose: TanStack Query comes with the screen, after the first message, so that its code is not
 * on the first message's path; the screen's cache then adopts this answer (adoptOpening) rather
 * than asking again.
 */
export function openingOf(client: PortalClient, taskId: number): Promise<Conversation> {
  return entryOf(client, taskId).promise
}

/**
 * The opening's answer for the conversation's query function, the first time only (answered,
 * failed or still on its way); undefined afterwards, so Try again and a reopened chat ask the portal.
 */
export function adoptOpening(client: PortalClient, taskId: number): Promise<Conversation> | undefined {
  const opening = entryOf(client, taskId)
  if (opening.adopted) return undefined
  opening.adopted = true
  return opening.promise
}
