import { queryOptions } from '@tanstack/react-query'
import type { PortalClient } from '../../../b24/portal-client'
import { getOpening } from './history-api'

/** Query keys and functions of the feed, in one place (TkDodo's query factory). */
export const feedQueries = {
  all: () => ['feed'] as const,
  opening: (client: PortalClient, taskId: number) =>
    // The portal client is one per page, not a parameter of the data: it stays out of the key.
    // eslint-disable-next-line @tanstack/query/exhaustive-deps
    queryOptions({
      queryKey: [...feedQueries.all(), 'opening', taskId] as const,
      queryFn: () => getOpening(client, taskId),
    }),
}
