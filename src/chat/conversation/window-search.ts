import { backgroundPacer } from '../../b24/pacer'
import type { Params, PortalClient } from '../../b24/portal-client'
import { toHistoryPage } from '../map-history'
import { rowData } from './batch-row'
import { mapNewerPage, mapOlderPage, joinWindow, type Read } from './reads'

const search = (chatId: number, params: Params): [string, Params] => ['im.dialog.messages.search', { CHAT_ID: chatId, ...params }]

/**
 * The messages around `id` through im.dialog.messages.search, in ONE batch round trip: search sees
 * REPLY_ID, reactions and forwards, which get does not, so the window needs no second read to learn
 * them. Its LAST_ID is a plain id filter (im/lib/V2/MessageCollection.php: `ID > LAST_ID` with ORDER
 * ASC, `ID < LAST_ID` with DESC), so both halves are asked from the id itself, not chained: `after`
 * is what is newer than it, `around` the message and what is older. Nothing newer: the message is
 * the newest, and `around` is the newest page. A refusal throws the row's error (the caller falls back to get).
 */
export async function searchWindow(client: PortalClient, chatId: number, id: number, side: number): Promise<Read> {
  const rows = await client.batchV2({
    after: search(chatId, { LIMIT: side, ORDER: { ID: 'ASC' }, LAST_ID: id }),
    around: search(chatId, { LIMIT: 2 * side, ORDER: { ID: 'DESC' }, LAST_ID: id + 1 }),
  })
  const newer = mapNewerPage(toHistoryPage(rowData(rows['after']), chatId), id, side)
  const around = toHistoryPage(rowData(rows['around']), chatId)
  const read = newer.run.messages.length === 0 ? mapOlderPage(around, undefined) : joinWindow(around, newer)
  return { ...read, bySearch: true }
}

/** Up to `limit` messages newer than `id` through search (ORDER ASC from LAST_ID: `ID > LAST_ID`), with their reactions. */
export async function searchAfter(client: PortalClient, chatId: number, id: number, limit: number): Promise<Read> {
  const page = await backgroundPacer(() => client.callV2(...search(chatId, { LIMIT: limit, ORDER: { ID: 'ASC' }, LAST_ID: id })))
  return { ...mapNewerPage(toHistoryPage(page, chatId), id, limit), bySearch: true }
}
