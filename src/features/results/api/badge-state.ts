import type { ResultBadge } from '../../../chat/types'
import type { TaskResult } from './results-api'

export interface BadgeInput {
  result: TaskResult | undefined
  canCreate: boolean
  userId: number
  /** The latest make/remove attempt for this message, if any. */
  attempt: { kind: 'make' | 'remove'; status: 'pending' | 'success' | 'error' | 'idle'; errorKind: string | null } | undefined
}

/**
 * The badge state machine. Optimistic both ways: a pending "make" already shows the badge, a
 * pending "remove" already hides it; a failure rolls back to what the portal has and says why;
 * a success leaves the portal's answer (the results list) in charge.
 */
export function badgeView({ result, canCreate, userId, attempt }: BadgeInput): ResultBadge {
  const pending = attempt?.status === 'pending'
  const failed = attempt?.status === 'error' ? (attempt.errorKind ?? 'unknown') : null
  if (pending && attempt.kind === 'make') return { badge: true, action: null, error: null }
  if (pending && attempt.kind === 'remove') return { badge: false, action: null, error: null }
  if (result) return { badge: true, action: result.authorId === userId ? 'remove' : null, error: failed }
  return { badge: false, action: canCreate ? 'make' : null, error: failed }
}
