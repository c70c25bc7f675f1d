import { useMutation, useMutationState, useQueryClient } from '@tanstack/react-query'
import { useCallback, useMemo } from 'react'
import { usePortalClient } from '../../../app/portal-context'
import { isPortalError } from '../../../b24/portal-error'
import type { BadgeInput } from './badge-state'
import { addResultFromMessage, deleteResult, listResults, type TaskResult } from './results-api'
import { resultsQueries, type TaskResults } from './results-queries'

export type ResultChange = { kind: 'make'; messageId: number } | { kind: 'remove'; messageId: number; resultId: number }

/** One request per message at a time, whatever the clicking (the button also hides at once). */
const inFlight = new Set<string>()

/**
 * Making and removing results. A result is never made twice for one message: the task's results
 * for that message are read before adding (another tab, or an earlier attempt whose answer was
 * lost, may have made it), and read again after (two tabs may have raced past the first check:
 * the oldest result stays, and ours is withdrawn if it is not the oldest). The SDK offers no way
 * to send the portal's Idempotency-Key header, so the app does this itself.
 */
export function useResultActions(taskId: number) {
  const client = usePortalClient()
  const queryClient = useQueryClient()
  const { queryKey } = resultsQueries.task(client, taskId)
  const setResults = (change: (results: TaskResult[]) => TaskResult[]) =>
    queryClient.setQueryData<TaskResults>(queryKey, (old) => old && { ...old, results: change(old.results) })

  const mutation = useMutation({
    mutationKey: ['result', taskId],
    retry: false,
    mutationFn: async (change: ResultChange): Promise<TaskResult | null> => {
      if (change.kind === 'remove') {
        await deleteResult(client, change.resultId)
        return null
      }
      const before = await listResults(client, taskId, change.messageId)
      if (before[0]) return before[0]
      const made = await addResultFromMessage(client, change.messageId)
      const after = await listResults(client, taskId, change.messageId)
      const keeper = after.reduce<TaskResult | undefined>((oldest, r) => (!oldest || r.id < oldest.id ? r : oldest), undefined) ?? made
      if (keeper.id !== made.id) await deleteResult(client, made.id)
      return keeper
    },
    onSuccess: (result, change) => {
      if (result) setResults((all) => [...all.filter((r) => r.messageId !== change.messageId), result])
      else setResults((all) => all.filter((r) => r.messageId !== change.messageId))
    },
    onSettled: (_result, _error, change) => inFlight.delete(`${change.kind}:${change.messageId}`),
  })

  const attempts = useMutationState({
    filters: { mutationKey: ['result', taskId] },
    select: (m) => ({
      change: m.state.variables as ResultChange,
      status: m.state.status,
      errorKind: isPortalError(m.state.error) ? m.state.error.kind : m.state.error ? 'unknown' : null,
    }),
  })
  // The latest attempt per message decides what it shows.
  const latest = useMemo(() => {
    const map = new Map<number, BadgeInput['attempt']>()
    for (const a of attempts) if (a.change) map.set(a.change.messageId, { kind: a.change.kind, status: a.status, errorKind: a.errorKind })
    return map
  }, [attempts])

  const attemptFor = useCallback((messageId: number) => latest.get(messageId), [latest])
  const { mutate } = mutation
  const change = useCallback(
    (next: ResultChange, onDone?: (result: TaskResult | null) => void) => {
      const key = `${next.kind}:${next.messageId}`
      if (inFlight.has(key)) return
      inFlight.add(key)
      mutate(next, { onSuccess: onDone })
    },
    [mutate],
  )

  return { attemptFor, change }
}
