import * as v from 'valibot'
import { backgroundPacer } from '../../b24/pacer'
import { PortalError } from '../../b24/portal-error'
import type { Params, PortalClient } from '../../b24/portal-client'
import type { FeedPage, HistoryPage, TaskChat } from '../types'
import { toHistoryPage } from '../map-history'
import { historySource, rememberPlainHistory, type HistorySource } from './history-source'
import { toViewer } from './viewer'
import { WireTaskV2 } from '../wire'

/** The opening page is small so it paints fast; older pages are as large as the method allows. */
export const OPENING_PAGE = 50
const OLDER_PAGE: Record<HistorySource, number> = { search: 200, get: 50 }

/** Failures that pass by themselves (and are retried); anything else from search is a refusal of it. */
const PASSING = new Set(['network', 'unavailable', 'rate-limit', 'auth', 'unknown', 'frame-timeout', 'not-in-frame'])

/** A refusal of the optional source (missing, outside the scopes, parameters rejected, ...): fall back to get. */
function refusesSource(source: HistorySource, error: unknown): boolean {
  return source === 'search' && error instanceof PortalError && !PASSING.has(error.kind)
}

/** im.dialog.messages.search (v2, no search text) or im.dialog.messages.get (v2): one page older than `beforeId`, newest first. */
function historyCall(source: HistorySource, chatId: number | string, limit: number, beforeId?: number): [string, Params] {
  if (source === 'search') {
    const params: Params = { CHAT_ID: chatId, LIMIT: limit, ORDER: { ID: 'DESC' } }
    if (beforeId) params['LAST_ID'] = beforeId
    return ['im.dialog.messages.search', params]
  }
  const params: Params = { DIALOG_ID: `chat${chatId}`, LIMIT: limit }
  if (beforeId) params['LAST_ID'] = beforeId
  return ['im.dialog.messages.get', params]
}

function toTaskChat(taskId: number, raw: unknown): TaskChat {
  const wire = v.parse(WireTaskV2, raw)
  // v2 answers [] both for a missing task and for one the user may not open.
  if (Array.isArray(wire)) throw new PortalError('not-found', 'TASK_NOT_AVAILABLE', `Task ${taskId} is not available`)
  const chatId = typeof wire.task.chatId === 'number' && wire.task.chatId > 0 ? wire.task.chatId : null
  return { taskId, title: wire.task.title ?? '', chatId }
}

/**
 * tasks.task.get (v2) and the newest history page in ONE batch round trip: the page's chat id is
 * chained from the task row with `$result[task][task][chatId]`, so the first paint needs no
 * second request. Only a portal that refuses search, the first time it is met, costs one more. The same batch
 * asks who the viewer is (im.user.get) and whether the app has its bot (imbot.v2.Bot.list).
 */
export async function getOpening(client: PortalClient, taskId: number): Promise<FeedPage> {
  const source = historySource()
  const rows = await client.batchV2({
    task: ['tasks.task.get', { taskId, select: ['ID', 'TITLE', 'CHAT_ID'] }],
    page: historyCall(source, '$result[task][task][chatId]', OPENING_PAGE),
    me: ['im.user.get', {}],
    bots: ['imbot.v2.Bot.list', {}],
  })
  const viewer = toViewer(rows['me'], rows['bots'])
  const taskRow = rows['task']
  if (!taskRow?.ok) throw taskRow?.error ?? new PortalError('unknown', 'NO_TASK_ROW', 'The portal sent no task')
  const task = toTaskChat(taskId, taskRow.data)
  if (task.chatId === null) return { task, viewer, chatId: null, messages: [], authors: [], files: [], hasOlder: false }

  const pageRow = rows['page']
  if (pageRow?.ok) return { task, viewer, ...toHistoryPage(pageRow.data, task.chatId) }
  if (refusesSource(source, pageRow?.error)) return { task, viewer, ...(await getOlderPage(client, task.chatId, undefined, OPENING_PAGE, 'get')) }
  throw pageRow?.error ?? new PortalError('unknown', 'NO_PAGE_ROW', 'The portal sent no messages')
}

/** One page of messages older than `beforeId` (the newest page when it is undefined). */
export async function getOlderPage(
  client: PortalClient,
  chatId: number,
  beforeId: number | undefined,
  limit?: number,
  source: HistorySource = historySource(),
): Promise<HistoryPage> {
  const [method, params] = historyCall(source, chatId, limit ?? OLDER_PAGE[source], beforeId)
  try {
    const page = toHistoryPage(await backgroundPacer(() => client.callV2(method, params)), chatId)
    // get answered where search was refused: remember, so no later page asks search again.
    if (source === 'get' && historySource() === 'search') rememberPlainHistory()
    return page
  } catch (error) {
    if (refusesSource(source, error)) return getOlderPage(client, chatId, beforeId, limit, 'get')
    throw error
  }
}

/** im.dialog.messages.get (v2) with FIRST_ID: messages newer than `afterId`, oldest first; both portal kinds have it. */
export async function getNewerPage(client: PortalClient, chatId: number, afterId: number, limit = 50): Promise<HistoryPage> {
  const raw = await backgroundPacer(() => client.callV2('im.dialog.messages.get', { DIALOG_ID: `chat${chatId}`, FIRST_ID: afterId, LIMIT: limit }))
  const page = toHistoryPage(raw, chatId)
  // The im source may answer more than LIMIT, and FIRST_ID 0 (an empty chat) reads as no FIRST_ID
  // at all: keep only what is newer than asked, so nothing older is taken for new.
  return { ...page, messages: page.messages.filter((m) => m.id > afterId), hasOlder: false }
}
