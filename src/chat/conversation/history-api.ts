import * as v from 'valibot'
import { backgroundPacer } from '../../b24/pacer'
import { isSettled, PortalError } from '../../b24/portal-error'
import type { Params, PortalClient } from '../../b24/portal-client'
import { toHistoryPage } from '../map-history'
import type { TaskChat } from '../types'
import { WireTaskV2 } from '../wire'
import { rowData } from './batch-row'
import { withRead, type Conversation } from './conversation'
import { newIds, notePending } from './enrich-pending'
import { historySource, PAGE_LIMIT, rememberPlainHistory, type HistorySource } from './history-source'
import { chainedId } from './chained-id'
import { toUnread, unreadRows } from './opening-unread'
import { mapNewerPage, mapOlderPage, joinWindow, type Read } from './reads'
import { toViewer } from './viewer'
import { searchWindow } from './window-search'

/** The opening page is small so it paints fast; older pages are as large as the method allows. */
export const OPENING_PAGE = 50
/** Messages read on each side of a message jumped to. */
const WINDOW_SIDE = 25
/** A live read: the newest page each poll reads, or messages above the newest known. */
export const LIVE_PAGE = 50

/** get answered where search was refused: remember, so no later page asks search again. */
async function fallBackToGet(read: Promise<Read>): Promise<Read> {
  const answered = await read
  rememberPlainHistory()
  return answered
}

/** A refusal of the optional source (missing, outside the scopes, parameters rejected, ...): fall back to get. */
const refusesSource = (source: HistorySource, error: unknown) => source === 'search' && isSettled(error)

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

/** im.dialog.messages.get (v2) with FIRST_ID: messages newer than `afterId`, oldest first. */
const newerCall = (chatId: number, afterId: number, limit: number): [string, Params] => [
  'im.dialog.messages.get',
  { DIALOG_ID: `chat${chatId}`, FIRST_ID: afterId, LIMIT: limit },
]

function toTaskChat(taskId: number, raw: unknown): TaskChat {
  const wire = v.parse(WireTaskV2, raw)
  // v2 answers [] both for a missing task and for one the user may not open.
  if (Array.isArray(wire)) throw new PortalError('not-found', 'TASK_NOT_AVAILABLE', `Task ${taskId} is not available`)
  const chatId = typeof wire.task.chatId === 'number' && wire.task.chatId > 0 ? wire.task.chatId : null
  // A portal that knows task chats always names the field (null or 0 before the chat exists); an older one never does.
  const named = 'chatId' in (raw as { task: object }).task
  return { taskId, title: wire.task.title ?? '', chatId, discussion: named ? 'chat' : 'comments' }
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
      ? await fallBackToGet(fetchOlderPage(client, task.chatId, undefined, OPENING_PAGE, 'get'))
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

/** One page of messages older than `beforeId` (the newest page, live, when it is undefined). */
export async function fetchOlderPage(
  client: PortalClient,
  chatId: number,
  beforeId: number | undefined,
  limit?: number,
  source: HistorySource = historySource(),
): Promise<Read> {
  const [method, params] = historyCall(source, chatId, limit ?? PAGE_LIMIT[source], beforeId)
  try {
    const read = mapOlderPage(toHistoryPage(await backgroundPacer(() => client.callV2(method, params)), chatId), beforeId)
    return source === 'search' ? { ...read, bySearch: true } : read
  } catch (error) {
    if (refusesSource(source, error)) return fallBackToGet(fetchOlderPage(client, chatId, beforeId, limit, 'get'))
    throw error
  }
}

/**
 * The newest page read whole (im.dialog.messages.get, v2, no cursor): a get window whose message is
 * the newest. Always get: a fallback is remembered only where search was refused (fallBackToGet),
 * never by this. (Live polls read the newest page of every shown chat in one batch: live-read.ts.)
 */
export async function fetchNewestPage(client: PortalClient, chatId: number, limit = LIVE_PAGE): Promise<Read> {
  const read = await fetchOlderPage(client, chatId, undefined, limit, 'get')
  // More than LIMIT: the viewer has unread messages (im-dialog-messages-get.md), and with more of
  // them than LIMIT the page is the part around the first unread, not the newest. Not claimed as
  // the live end: it joins the live run only where it touches it.
  return read.run.messages.length > limit ? { ...read, run: { ...read.run, live: false } } : read
}

/** Messages newer than `afterId`; the im source may answer more than LIMIT, and only ids above it count. */
export async function fetchNewerPage(client: PortalClient, chatId: number, afterId: number, limit = LIVE_PAGE): Promise<Read> {
  const raw = await backgroundPacer(() => client.callV2(...newerCall(chatId, afterId, limit)))
  return mapNewerPage(toHistoryPage(raw, chatId), afterId, limit)
}

/**
 * The messages around `id`, in ONE batch round trip where the portal allows: through search where
 * it serves (window-search.ts), else through get, as here. A get cursor must be a message of the
 * chat (a made-up one answers nothing: im-dialog-messages-get.md), so the window is read from the
 * message after it: `after` is what is newer than it (FIRST_ID), `next` the one message newer than
 * it (LIMIT 1, so whatever order a FIRST_ID read lists), and `around` what is older than `next`
 * (LAST_ID chained by `$result`): the message and the ones before it. See chainedId for the chain.
 * When nothing is newer, the message is the newest: `around` is ignored, whatever the unresolved
 * reference made of it, and the newest page is read (the second round trip).
 */
export async function fetchWindowAround(client: PortalClient, chatId: number, id: number): Promise<Read> {
  if (historySource() === 'search') {
    try {
      return await searchWindow(client, chatId, id, WINDOW_SIDE)
    } catch (error) {
      if (!refusesSource('search', error)) throw error
      rememberPlainHistory()
    }
  }
  const rows = await client.batchV2({
    after: newerCall(chatId, id, WINDOW_SIDE),
    next: newerCall(chatId, id, 1),
    around: ['im.dialog.messages.get', { DIALOG_ID: `chat${chatId}`, LAST_ID: chainedId('next'), LIMIT: 2 * WINDOW_SIDE }],
  })
  const next = mapNewerPage(toHistoryPage(rowData(rows['next']), chatId), id, 1)
  if (next.run.messages.length === 0) return fetchNewestPage(client, chatId, 2 * WINDOW_SIDE)
  const newer = mapNewerPage(toHistoryPage(rowData(rows['after']), chatId), id, WINDOW_SIDE)
  return joinWindow(toHistoryPage(rowData(rows['around']), chatId), newer)
}
