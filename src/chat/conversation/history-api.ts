import { backgroundPacer } from '../../b24/pacer'
import type { Params, PortalClient } from '../../b24/portal-client'
import { toHistoryPage } from '../map-history'
import { rowData } from './batch-row'
import { historySource, PAGE_LIMIT, rememberPlainHistory, type HistorySource } from './history-source'
import { chainedId } from './chained-id'
import { historyCall, refusesSource } from './open-conversation'
import { mapNewerPage, mapOlderPage, joinWindow, type Read } from './reads'
import { searchWindow } from './window-search'

/** Messages read on each side of a message jumped to. */
const WINDOW_SIDE = 25
/** A live read: the newest page each poll reads, or messages above the newest known. */
export const LIVE_PAGE = 50

/** get answered where search was refused: remember, so no later page asks search again. */
export async function fallBackToGet(read: Promise<Read>): Promise<Read> {
  const answered = await read
  rememberPlainHistory()
  return answered
}

/** im.dialog.messages.get (v2) with FIRST_ID: messages newer than `afterId`, oldest first. */
const newerCall = (chatId: number, afterId: number, limit: number): [string, Params] => [
  'im.dialog.messages.get',
  { DIALOG_ID: `chat${chatId}`, FIRST_ID: afterId, LIMIT: limit },
]

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
