import type { PortalClient } from '../../src/b24/portal-client'

/**
 * The app's portal client, counting round trips: each read call or batch it sends, by method name
 * ('batch' for a batch), in order. Writes pass through uncounted.
 */
export function countingRoundTrips(real: PortalClient): { client: PortalClient; trips: string[] } {
  const trips: string[] = []
  const client: PortalClient = {
    ...real,
    callV2: (method, params = {}) => {
      trips.push(method)
      return real.callV2(method, params)
    },
    callV3: (method, params = {}) => {
      trips.push(method)
      return real.callV3(method, params)
    },
    batchV2: (rows) => {
      trips.push('batch')
      return real.batchV2(rows)
    },
  }
  return { client, trips }
}
