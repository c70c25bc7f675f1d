import { QueryClient } from '@tanstack/react-query'
import { isPortalError, isSettled } from '../b24/portal-error'

/**
 * The SDK already retries rate limits and network faults with backoff, so the query layer only
 * retries once more, and never on errors that a retry cannot fix.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failures, error) => {
          if (isSettled(error) || (isPortalError(error) && error.kind === 'auth')) return false
          return failures < 1
        },
      },
      mutations: { retry: false },
    },
  })
}
