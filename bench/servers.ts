import { createHostHandler } from '../test/portal/host/host-handler'
import { startPortalServer, type HostHandler } from '../test/portal/server'
import { startServer } from '../server/serve.mjs'
import { APP_DIST, APP_PORT, CONVERSATION_PORTAL_DATA, CONVERSATION_PORTAL_PORT, FLOOR_DIST, FLOOR_PORT, PORTAL_DATA, PORTAL_PORT } from './config'

/** A portal and the app its task cards frame. */
export interface AppSite {
  /** e.g. http://127.0.0.1:8383 */
  portal: string
  appOrigin: string
  /** The task card that frames the app for a task. */
  taskUrl(taskId: number): string
}

export interface BenchServers extends AppSite {
  floorOrigin: string
  /** The task card that frames the app (or, with floor, the floor page) for a task. */
  taskUrl(taskId: number, floor?: boolean): string
  /** The same app on a second portal, for the conversation window (see run.ts). */
  conversation: AppSite
  close(): Promise<void>
}

/**
 * One portal, two framed pages: the app and the floor each on their own origin (as an app host
 * would serve them), and the host page picks one by `?bench=floor`. Sharing one portal means one
 * set of conditions (latency, legacy IM) applies to both sides of every comparison. A second
 * portal frames the same app for the conversation window, which posts, edits and keeps results
 * while the legacy runs reset the first portal and switch it to legacy IM.
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
  const conversationHosts: { app?: HostHandler } = {}
  const conversation = await startPortalServer({
    port: CONVERSATION_PORTAL_PORT,
    dataDir: CONVERSATION_PORTAL_DATA,
    hostHandler: (req, url) => conversationHosts.app?.(req, url) ?? null,
  })
  conversationHosts.app = createHostHandler(conversation.portal, app.url)
  const appOrigin = new URL(app.url).origin
  return {
    portal: server.origin,
    appOrigin,
    floorOrigin: new URL(floor.url).origin,
    taskUrl: (taskId, isFloor = false) => `${server.origin}/task/${taskId}${isFloor ? '?bench=floor' : ''}`,
    conversation: { portal: conversation.origin, appOrigin, taskUrl: (taskId) => `${conversation.origin}/task/${taskId}` },
    close: async () => {
      await Promise.all([server.close(), conversation.close(), app.close(), floor.close()])
    },
  }
}

interface PortalConditions {
  latencyMs?: number
  legacyIm?: boolean
  rateLimit?: boolean
  methodFaults?: { method: string; error: string }[]
  rateLimitScope?: 'address' | 'token' | 'user'
}

/** Forgets what earlier runs did and sets the conditions of the next one (the e2e defaults plus these). */
export async function resetPortal(portal: string, conditions: PortalConditions = {}): Promise<void> {
  await fetch(`${portal}/__portal/reset`, { method: 'POST' })
  const body = { latencyMs: 0, failureRate: 0, legacyIm: false, tokenTtlS: 3600, rateLimit: true, methodFaults: [], ...conditions }
  const answer = await fetch(`${portal}/__portal/conditions`, { method: 'POST', body: JSON.stringify(body) })
  if (!answer.ok) throw new Error(`portal conditions: HTTP ${answer.status}`)
}
