import { createHostHandler } from '../test/portal/host/host-handler'
import { startPortalServer, type HostHandler } from '../test/portal/server'
import { startServer } from '../server/serve.mjs'
import { APP_DIST, APP_PORT, FLOOR_DIST, FLOOR_PORT, PORTAL_DATA, PORTAL_PORT } from './config'

export interface BenchServers {
  /** e.g. http://127.0.0.1:8383 */
  portal: string
  appOrigin: string
  floorOrigin: string
  /** The task card that frames the app (or, with floor, the floor page) for a task. */
  taskUrl(taskId: number, floor?: boolean): string
  close(): Promise<void>
}

/**
 * One portal, two framed pages: the app and the floor each on their own origin (as an app host
 * would serve them), and the host page picks one by `?bench=floor`. Sharing one portal means one
 * set of conditions (latency, legacy IM) applies to both sides of every comparison.
 */
export async function startServers(): Promise<BenchServers> {
  const app = await startServer({ dir: APP_DIST, port: APP_PORT, host: 'localhost' })
  const floor = await startServer({ dir: FLOOR_DIST, port: FLOOR_PORT, host: 'localhost' })
  const hosts: { app?: HostHandler; floor?: HostHandler } = {}
  const server = await startPortalServer({
    port: PORTAL_PORT,
    dataDir: PORTAL_DATA,
    hostHandler: (req, url) => (url.searchParams.get('bench') === 'floor' ? hosts.floor : hosts.app)?.(req, url) ?? null,
  })
  hosts.app = createHostHandler(server.portal, app.url)
  hosts.floor = createHostHandler(server.portal, floor.url)
  return {
    portal: server.origin,
    appOrigin: new URL(app.url).origin,
    floorOrigin: new URL(floor.url).origin,
    taskUrl: (taskId, isFloor = false) => `${server.origin}/task/${taskId}${isFloor ? '?bench=floor' : ''}`,
    close: async () => {
      await Promise.all([server.close(), app.close(), floor.close()])
    },
  }
}

export interface PortalConditions {
  latencyMs?: number
  legacyIm?: boolean
  rateLimit?: boolean
  methodFaults?: { method: string; error: string }[]
}

/** Forgets what earlier runs did and sets the conditions of the next one (the e2e defaults plus these). */
export async function resetPortal(portal: string, conditions: PortalConditions = {}): Promise<void> {
  await fetch(`${portal}/__portal/reset`, { method: 'POST' })
  const body = { latencyMs: 0, failureRate: 0, legacyIm: false, tokenTtlS: 3600, rateLimit: true, methodFaults: [], ...conditions }
  const answer = await fetch(`${portal}/__portal/conditions`, { method: 'POST', body: JSON.stringify(body) })
  if (!answer.ok) throw new Error(`portal conditions: HTTP ${answer.status}`)
}
