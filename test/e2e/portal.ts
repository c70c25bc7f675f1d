import type { APIRequestContext } from '@playwright/test'
import { PORTAL } from '../../playwright.config'

/** Test-side access to the local portal: its control API and REST as a given user. */
export async function resetPortal(request: APIRequestContext, conditions: Record<string, unknown> = {}) {
  await request.post(`${PORTAL}/__portal/reset`)
  await request.post(`${PORTAL}/__portal/conditions`, {
    data: { latencyMs: 0, failureRate: 0, legacyIm: false, tokenTtlS: 3600, rateLimit: true, ...conditions },
  })
}

export async function rest<T>(request: APIRequestContext, method: string, params: Record<string, unknown>, userId = 1): Promise<T> {
  const token = (await (await request.post(`${PORTAL}/__portal/token`, { data: { userId } })).json()) as { AUTH_ID: string }
  const call = async () => {
    const response = await request.post(`${PORTAL}/rest/${method}`, { data: { ...params, auth: token.AUTH_ID } })
    return (await response.json()) as { result: T; error?: string }
  }
  let body = await call()
  // The portal counts requests per source address, and a spec's setup shares the app's address: a
  // setup that posts dozens of messages waits its bucket out (the control API empties it, as time
  // would) rather than losing the rest of its posts to 503s.
  if (body.error === 'QUERY_LIMIT_EXCEEDED') {
    await request.post(`${PORTAL}/__portal/drain`)
    body = await call()
  }
  return body.result
}

/**
 * Sets a user's read mark in a chat (the control API; the app would call im.dialog.read). A spec about
 * something else sets it after posting as another user, so the card opens at the newest message rather
 * than at the first unread one under "New messages".
 */
export async function markRead(request: APIRequestContext, userId: number, chatId: number, messageId: number): Promise<void> {
  const response = await request.post(`${PORTAL}/__portal/read`, { data: { userId, chatId, messageId } })
  if (!response.ok()) throw new Error(`__portal/read answered ${response.status()}`)
}

export interface WireMessage {
  id: number
  author_id: number
  date: string
  text: string
  params: Record<string, unknown> | []
}

export interface ResultItem {
  id: number
  /** null for a result written in the task card rather than made from a message. */
  messageId: number | null
  authorId: number
}

/** Task 1's results as the portal holds them (v3 tasks.task.result.list), all or those of one message. */
export async function resultsOf(request: APIRequestContext, messageId?: number): Promise<ResultItem[]> {
  const filter: [string, number][] = [['taskId', 1]]
  if (messageId !== undefined) filter.push(['messageId', messageId])
  return (await rest<{ items: ResultItem[] }>(request, 'api/tasks.task.result.list', { filter, select: ['id', 'messageId', 'authorId'] })).items
}
