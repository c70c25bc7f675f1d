import { createHostHandler } from '../test/portal/host/host-handler'
import { startPortalServer, type HostHandler } from '../test/portal/server'
import { startServer } from '../server/serve.mjs'
import {
  APP_DIST,
  APP_PORT,
  CONVERSATION_PORTAL_DATA,
  CONVERSATION_PORTAL_PORT,
  FLOOR_DIST,
  FLOOR_FEED_DIST,
  FLOOR_FEED_PORT,
  FLOOR_PORT,
  PORTAL_DATA,
  PORTAL_PORT,
} from './config'

/** A portal and the app its task cards frame. */
export interface AppSite {
  /** e.g. http://127.0.0.1:8383 */
  portal: string
  appOrigin: string
  /** The task card that frames the app for a task. */
  taskUrl(taskId: number): string
}

/**
 * What a task card frames: the app, the line floor (bench/floor/: one `tasks.task.get`, one line) or
 * the 50-article floor (bench/floor-feed/: the newest 50 messages of the task's chat, issue #23).
 */
export type Side = 'app' | 'floor' | 'feed'

export interface BenchServers extends AppSite {
  /** The origin each side is served from (the probe finds the framed page by it). */
  origins: Record<Side, string>
  /** The task card that frames the app (or a floor page) for a task. */
  taskUrl(taskId: number, side?: Side): string
  /** The same app on a second portal, for the conversation window (see run.ts). */
  conversation: AppSite
  close(): Promise<void>
}

/**
 * One portal, three framed pages: the app and the two floors each on their own origin (as an app
 * host would serve them), and the host page picks one by `?bench=floor` or `?bench=feed`. Sharing one portal means one
 * set of conditions (latency, legacy IM) applies to both sides of every comparison. A second
 * portal frames the same app for the conversation window, which posts, edits and keeps results
 * while the legacy runs reset the first portal and switch it to legacy IM.
 */
export async function startServers(): Promise<BenchServers> {
  const app = await startServer({ dir: APP_DIST, port: APP_PORT, host: 'localhost' })
  const floor = await startServer({ dir: FLOOR_DIST, port: FLOOR_PORT, host: 'localhost' })
  const feed = await startServer({ dir: FLOOR_FEED_DIST, port: FLOOR_FEED_PORT, host: 'localhost' })
  const hosts: Partial<Record<Side, HostHandler>> = {}
  const server = await startPortalServer({
    port: PORTAL_PORT,
    dataDir: PORTAL_DATA,
    hostHandler: (req, url) => {
      const side = url.searchParams.get('bench')
      return (side === 'floor' || side === 'feed' ? hosts[side] : hosts.app)?.(req, url) ?? null
    },
  })
  hosts.app = createHostHandler(server.portal, app.url)
  hosts.floor = createHostHandler(server.portal, floor.url)
  hosts.feed = createHostHandler(server.portal, feed.url)
  /**
   * The 50-article floor knows its chat in advance: the task's chat id from the seed, handed to it as
   * DIALOG_ID in the card's placement options (the host page's `options=`, sent as given), beside the
   * options a task card always has.
   */
  const feedOptions = (taskId: number): string => {
    const chatId = server.portal.getTask(taskId)?.chatId
    if (!chatId) throw new Error(`task ${taskId} has no chat for the 50-article floor`)
    return encodeURIComponent(
      JSON.stringify({ taskId: String(taskId), URI: `/company/personal/user/1/tasks/task/view/${taskId}/`, DIALOG_ID: `chat${chatId}` }),
    )
  }
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
    origins: { app: appOrigin, floor: new URL(floor.url).origin, feed: new URL(feed.url).origin },
    taskUrl: (taskId, side = 'app') =>
      `${server.origin}/task/${taskId}${side === 'floor' ? '?bench=floor' : side === 'feed' ? `?bench=feed&options=${feedOptions(taskId)}` : ''}`,
    conversation: { portal: conversation.origin, appOrigin, taskUrl: (taskId) => `${conversation.origin}/task/${taskId}` },
    close: async () => {
      await Promise.all([server.close(), conversation.close(), app.close(), floor.close(), feed.close()])
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
