import type { PortalClient } from '../../../b24/portal-client'
import { createPersistence } from './persistence'

/** Where a user's outbox for a task is kept (outbox-store.ts keeps itself under it). */
export const outboxKey = (userId: number, taskId: number) => `outbox.${userId}.${taskId}`

/**
 * The draft saved for this task, read without the outbox (which loads with the screen): the early
 * box shows it, so that what is typed there goes on from it rather than over it.
 */
export function peekDraft(client: PortalClient, userId: number, taskId: number): string {
  try {
    const raw = createPersistence(client).load(outboxKey(userId, taskId))
    const draft: unknown = raw && (JSON.parse(raw) as { draft?: unknown }).draft
    return typeof draft === 'string' ? draft : ''
  } catch {
    return ''
  }
}
