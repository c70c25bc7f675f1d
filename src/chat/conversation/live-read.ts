import { backgroundPacer } from '../../b24/pacer'
import { isSettled } from '../../b24/portal-error'
import type { BatchRow, Params, PortalClient } from '../../b24/portal-client'
import { toHistoryPage } from '../map-history'
import { rowData } from './batch-row'
import { historySource, rememberPlainHistory, type HistorySource } from './history-source'
import { LIVE_PAGE } from './history-api'
import type { PollOutcome } from './live-protocol'
import { mapOlderPage, type Read } from './reads'

/** A v2 batch holds at most 50 commands (settings/how-to-call-rest-api/batch.md). */
const MAX_ROWS = 50

/** The batch key of a chat's live row: also how tests tell a live poll from other batches. */
const liveRowKey = (chatId: number) => `live_${chatId}`

/**
 * The newest page of a chat: im.dialog.messages.search (no search text, ORDER DESC, no LAST_ID)
 * where it serves, which brings reactions, viewedByOthers and REPLY_ID with the messages; else
 * im.dialog.messages.get with no cursor.
 */
function newestCall(source: HistorySource, chatId: number): [string, Params] {
  return source === 'search'
    ? ['im.dialog.messages.search', { CHAT_ID: chatId, LIMIT: LIVE_PAGE, ORDER: { ID: 'DESC' } }]
    : ['im.dialog.messages.get', { DIALOG_ID: `chat${chatId}`, LIMIT: LIVE_PAGE }]
}

function toRead(source: HistorySource, row: BatchRow | undefined, chatId: number): Read {
  const read = mapOlderPage(toHistoryPage(rowData(row), chatId), undefined)
  if (source === 'search') return { ...read, bySearch: true }
  // get answers more than LIMIT when the viewer has unread messages (im-dialog-messages-get.md), and
  // with more of them than LIMIT the page is the part around the first unread, not the newest: it
  // joins the live run only where it touches it.
  return read.run.messages.length > LIVE_PAGE ? { ...read, run: { ...read.run, live: false } } : read
}

async function readRows(client: PortalClient, source: HistorySource, chatIds: readonly number[]) {
  const calls = Object.fromEntries(chatIds.map((id) => [liveRowKey(id), newestCall(source, id)]))
  const rows = await backgroundPacer(() => client.batchV2(calls))
  const out = new Map<number, PollOutcome>()
  for (const chatId of chatIds) {
    try {
      out.set(chatId, { ok: true, read: toRead(source, rows[liveRowKey(chatId)], chatId) })
    } catch (error) {
      out.set(chatId, { ok: false, error })
    }
  }
  return out
}

/**
 * One poll of every chat shown in the browser: each chat's newest page, one row each, in ONE batch
 * (more than 50 chats: a batch per 50). Rows search refused (missing, outside the scopes,
 * parameters rejected) are read again through get at once, and get is remembered once it answers.
 */
export async function readLivePages(client: PortalClient, chatIds: readonly number[]): Promise<ReadonlyMap<number, PollOutcome>> {
  const out = new Map<number, PollOutcome>()
  for (let i = 0; i < chatIds.length; i += MAX_ROWS) {
    const source = historySource()
    const part = await readRows(client, source, chatIds.slice(i, i + MAX_ROWS))
    const refused = [...part].filter(([, o]) => source === 'search' && !o.ok && isSettled(o.error)).map(([id]) => id)
    if (refused.length > 0) {
      const again = await readRows(client, 'get', refused)
      if ([...again.values()].some((o) => o.ok)) rememberPlainHistory()
      for (const [id, outcome] of again) part.set(id, outcome)
    }
    for (const [id, outcome] of part) out.set(id, outcome)
  }
  return out
}
