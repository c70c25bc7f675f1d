import type { PortalClient } from '../../src/b24/portal-client'

/**
 * The app's portal client, counting round trips: each read call or batch it sends, by method name
 * ('batch' for a batch), in order. Writes pass through uncounted unless `writes` (then v2 writes count too).
 */
export function countingRoundTrips(real: PortalClient, { writes = false } = {}): { client: PortalClient; trips: string[] } {
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
    ...(writes && {
      writeV2: (method: string, params: Parameters<PortalClient['writeV2']>[1]) => {
        trips.push(method)
        return real.writeV2(method, params)
      },
    }),
  }
  return { client, trips }
}
