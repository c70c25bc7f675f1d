import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildInitData, type CardRequest } from '../portal/host/init-data'
import { createParent } from '../portal/host/parent-protocol'
import type { Conditions, Portal } from '../portal/portal'
import { startPortalServer } from '../portal/server'

export interface FramedApp {
  portal: Portal
  origin: string
  /** Commands the app sent to the parent page, in order. */
  commands: string[]
  /** A REST v2 call (`api/<method>` for v3) as `userId`, over real HTTP, as another browser would make it; answers `result`. */
  rest<T = unknown>(method: string, params: Record<string, unknown>, userId?: number): Promise<T>
  /** `userId` posts `text` to a chat (im.message.add); answers the new message's id. */
  post(text: string, userId?: number, dialogId?: string): Promise<number>
  close(): Promise<void>
}

/**
 * Puts this jsdom window "inside" a task card of a real local portal (in-process HTTP server):
 * window.name as Bitrix24 sets it, and the parent side of the frame protocol answering in the same
 * window. jsdom's postMessage neither sets `event.origin` nor crosses windows, so messages the SDK
 * posts to its parent go straight to the parent logic, and answers arrive as MessageEvents from the
 * portal's origin, exactly what a browser would deliver. The SDK itself runs unmodified.
 */
export async function openTaskCard(card: Partial<CardRequest> = {}, conditions: Partial<Conditions> = { rateLimit: false }): Promise<FramedApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'task-chat-dom-'))
  const server = await startPortalServer({ port: 0, dataDir, conditions })
  const host = new URL(server.origin).host
  const request: CardRequest = { userId: 1, taskId: 1, lang: 'en', placement: 'TASK_VIEW_TAB', ...card }
  const appSid = 'domtestsid0123456789'
  const commands: string[] = []
  const parent = createParent({
    appSid,
    initData: buildInitData(server.portal, host, request),
    answer: (text) => window.dispatchEvent(new MessageEvent('message', { data: text, origin: server.origin })),
    refresh: async (refreshId) => {
      const t = server.portal.refresh(refreshId)
      return t && { AUTH_ID: t.AUTH_ID, REFRESH_ID: t.REFRESH_ID, AUTH_EXPIRES: String(t.AUTH_EXPIRES) }
    },
    log: (command) => commands.push(command),
  })
  const originalPostMessage = window.postMessage.bind(window)
  window.name = `${host}|0|${appSid}`
  window.postMessage = ((message: unknown) => setTimeout(() => parent.receive(message), 0)) as typeof window.postMessage
  const rest = async <T>(method: string, params: Record<string, unknown>, userId = 1): Promise<T> => {
    const auth = server.portal.issueToken(userId).AUTH_ID
    const response = await fetch(`${server.origin}/rest/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...params, auth }),
    })
    return ((await response.json()) as { result: T }).result
  }
  return {
    portal: server.portal,
    origin: server.origin,
    commands,
    rest,
    post: (text, userId = 1, dialogId = 'chat1001') => rest<number>('im.message.add', { DIALOG_ID: dialogId, MESSAGE: text }, userId),
    async close() {
      window.postMessage = originalPostMessage
      window.name = ''
      await server.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
