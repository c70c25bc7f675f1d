import { queryOptions } from '@tanstack/react-query'
import { boundQueries } from '../../../platform/bound-queries'
import type { PortalClient } from '../../../b24/portal-client'
import type { TaskResult } from './results-api'

export interface TaskResults {
  /** Oldest first. */
  results: TaskResult[]
  canCreate: boolean
}

export const resultsKey = (taskId: number) => ['results', 'task', taskId] as const

/** Query keys and functions of the task's results, bound to the portal client once. */
const resultsQueries = (client: PortalClient) => ({
  /**
   * The task's results and whether the user may add some, fetched alongside the opening batch
   * (not before it): the badges follow the first paint by at most one round trip.
   */
  task: (taskId: number) =>
    queryOptions({
      queryKey: resultsKey(taskId),
      queryFn: async (): Promise<TaskResults> => {
        // Loaded with the first request for it: badges are not needed for the first paint.
        const { canCreateResults, listResults } = await import('./results-api')
        const [results, canCreate] = await Promise.all([listResults(client, taskId), canCreateResults(client, taskId)])
        return { results, canCreate }
      },
      staleTime: 60_000,
    }),
})

export const useResultsQueries = boundQueries(resultsQueries)
