import * as v from 'valibot'
import { isSettled, PortalError } from '../../b24/portal-error'
import type { Params, PortalClient } from '../../b24/portal-client'
import { toHistoryPage } from '../map-history'
import type { TaskChat } from '../types'
import { WireTaskV2 } from '../wire'
import { rowData } from './batch-row'
import { withRead, type Conversation } from './conversation'
import { newIds, notePending } from './enrich-pending'
import { historySource, type HistorySource } from './history-source'
import { chainedId } from './chained-id'
import { toUnread, unreadRows } from './opening-unread'
import { mapOlderPage } from './reads'
import { toViewer } from './viewer'

// The task's opening, on the first message's path: the other reads (older and newer pages, a
// window around a message) are history-api.ts, which comes with the screen.

/** The opening page is small so it paints fast; older pages are as large as the method allows. */
export const OPENING_PAGE = 50

/** A refusal of the optional source (missing, outside the scopes, parameters rejected, ...): fall back to get. */
export const refusesSource = (source: HistorySource, error: unknown) => source === 'search' && isSettled(error)

/** im.dialog.messages.search (v2, no search text) or im.dialog.messages.get (v2): one page older than `beforeId`, newest first. */
export function historyCall(source: HistorySource, chatId: number | string, limit: number, beforeId?: number): [string, Params] {
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
  // A portal that knows task chats always names the field (null or 0 before the chat exists); an older one never does.
  const named = 'chatId' in (raw as { task: object }).task
  return { taskId, title: wire.task.title ?? '', chatId, discussion: named ? 'chat' : 'comments' }
}

/** A portal that refused search, the first time it is met: the opening page through get (history-api.ts, loaded for it). */
async function openingByGet(client: PortalClient, chatId: number) {
  const { fallBackToGet, fetchOlderPage } = await import('./history-api')
  return fallBackToGet(fetchOlderPage(client, chatId, undefined, OPENING_PAGE, 'get'))
}

/**
 * tasks.task.get (v2) and the newest history page in ONE batch round trip: the page's chat id is
 * chained from the task row with `$result[task][task][chatId]`, so the first paint needs no
 * second request. Only a portal that refuses search, the first time it is met, costs one more. The same batch
 * asks who the viewer is (im.user.get) and whether the app has its bot (imbot.v2.Bot.list), and where
 * they stopped reading, with the unread messages beyond the newest page (opening-unread.ts).
 */
export async function openConversation(client: PortalClient, taskId: number): Promise<Conversation> {
  const source = historySource()
  const rows = await client.batchV2({
    task: ['tasks.task.get', { taskId, select: ['ID', 'TITLE', 'CHAT_ID'] }],
    // Search's CHAT_ID goes to an `?int` parameter: chained as "0…" it is "01001", or, for a task
    // without a chat, a string that is no chat (chained-id.ts), never the task object an unresolved
    // whole reference would be. Get's `chat…` dialog id is a longer string already.
    page: historyCall(source, source === 'search' ? chainedId('task', '[task][chatId]') : '$result[task][task][chatId]', OPENING_PAGE),
    me: ['im.user.get', {}],
    bots: ['imbot.v2.Bot.list', {}],
    ...unreadRows('$result[task][task][chatId]'),
  })
  const viewer = toViewer(rows['me'], rows['bots'], rows['dialog'])
  const taskRow = rows['task']
  if (!taskRow?.ok) throw taskRow?.error ?? new PortalError('unknown', 'NO_TASK_ROW', 'The portal sent no task')
  const task = toTaskChat(taskId, taskRow.data)
  const nothingUnread = { firstUnreadId: null, lastReadId: 0, inLiveRun: true }
  const empty: Conversation = { task, viewer, chatId: task.chatId, runs: [], authors: new Map(), files: new Map(), unread: nothingUnread }
  if (task.chatId === null) return empty

  const pageRow = rows['page']
  const read =
    pageRow && !pageRow.ok && refusesSource(source, pageRow.error)
      ? await openingByGet(client, task.chatId)
      : { ...mapOlderPage(toHistoryPage(rowData(pageRow), task.chatId), undefined), bySearch: source === 'search' }
  const unread = toUnread(rows, read, task.chatId, viewer.userId)
  const opened: Conversation = {
    ...empty,
    runs: [read.run],
    authors: new Map(read.authors.map((a) => [a.id, a])),
    files: new Map(read.files.map((f) => [f.id, f])),
    portalUtcOffsetMinutes: read.portalUtcOffsetMinutes,
    unread: unread.state,
  }
  if (!unread.read) return opened
  // The unread run came through get: search re-reads it after the first paint (enrich.ts, started by the live poll).
  notePending(task.chatId, newIds(opened.runs, unread.read))
  return withRead(opened, unread.read)
}
