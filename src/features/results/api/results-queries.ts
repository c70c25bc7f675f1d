import { queryOptions } from '@tanstack/react-query'
import type { PortalClient } from '../../../b24/portal-client'
import type { TaskResult } from './results-api'

export interface TaskResults {
  /** Oldest first. */
  results: TaskResult[]
  canCreate: boolean
}

export const resultsQueries = {
  all: () => ['results'] as const,
  /**
   * The task's results and whether the user may add some, fetched alongside the opening batch
   * (not before it): the badges follow the first paint by at most one round trip.
   */
  task: (client: PortalClient, taskId: number) =>
    // The portal client is one per page, not a parameter of the data: it stays out of the key.
    // eslint-disable-next-line @tanstack/query/exhaustive-deps
    queryOptions({
      queryKey: [...resultsQueries.all(), 'task', taskId] as const,
      queryFn: async (): Promise<TaskResults> => {
        // Loaded with the first request for it: badges are not needed for the first paint.
        const { canCreateResults, listResults } = await import('./results-api')
        const [results, canCreate] = await Promise.all([listResults(client, taskId), canCreateResults(client, taskId)])
        return { results, canCreate }
      },
      staleTime: 60_000,
    }),
}
