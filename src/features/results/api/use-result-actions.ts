import { useMutation, useMutationState, useQueryClient } from '@tanstack/react-query'
import { useCallback, useMemo } from 'react'
import { usePortalClient } from '../../../platform/portal-context'
import { isPortalError } from '../../../b24/portal-error'
import type { BadgeInput } from './badge-state'
import type { TaskResult } from './results-api'
import { resultsKey, type TaskResults } from './results-queries'

export type ResultChange = { kind: 'make'; messageId: number } | { kind: 'remove'; messageId: number; resultId: number }

/** Making (never twice: see makeResultOnce) and removing results, with the state of each attempt. */
export function useResultActions(taskId: number) {
  const client = usePortalClient()
  const queryClient = useQueryClient()
  const queryKey = resultsKey(taskId)
  const setResults = (change: (results: TaskResult[]) => TaskResult[]) =>
    queryClient.setQueryData<TaskResults>(queryKey, (old) => old && { ...old, results: change(old.results) })

  const mutation = useMutation({
    mutationKey: ['result', taskId],
    retry: false,
    mutationFn: async (change: ResultChange): Promise<TaskResult | null> => {
      const { deleteResult, makeResultOnce } = await import('./results-api')
      if (change.kind === 'remove') {
        await deleteResult(client, change.resultId)
        return null
      }
      return makeResultOnce(client, taskId, change.messageId)
    },
    onSuccess: (result, change) => {
      if (result) setResults((all) => [...all.filter((r) => r.messageId !== change.messageId), result])
      else setResults((all) => all.filter((r) => r.messageId !== change.messageId))
    },
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
      // One request per message at a time, whatever the clicking (the button also hides at once): the
      // mutation cache knows what is on its way, in every component and at once (pending is set as mutate is called).
      const onItsWay = queryClient.getMutationCache().findAll({
        mutationKey: ['result', taskId],
        status: 'pending',
        predicate: (m) => {
          const change = m.state.variables as ResultChange | undefined
          return change?.kind === next.kind && change.messageId === next.messageId
        },
      })
      if (onItsWay.length === 0) mutate(next, { onSuccess: onDone })
    },
    [mutate, queryClient, taskId],
  )

  return { attemptFor, change }
}
