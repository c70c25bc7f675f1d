import type { PortalClient } from '../b24/portal-client'
import { usePortalClient } from './portal-context'

/**
 * A feature's query factory, bound to the page's portal client once: the client is not data, so it
 * stays out of the query keys, and the factory closes over it instead of taking it on every call.
 */
export function boundQueries<T>(factory: (client: PortalClient) => T): () => T {
  const bound = new WeakMap<PortalClient, T>()
  return function useBoundQueries() {
    const client = usePortalClient()
    let queries = bound.get(client)
    if (!queries) bound.set(client, (queries = factory(client)))
    return queries
  }
}
