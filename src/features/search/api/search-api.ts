import { backgroundPacer } from '../../../b24/pacer'
import type { Params, PortalClient } from '../../../b24/portal-client'
import { toHistoryPage } from '../../../chat/map-history'
import type { Author, Message } from '../../../chat/types'

/** Matches asked for per page: a panel's worth and more (the method allows up to 200). */
const SEARCH_PAGE = 25
/**
 * im.dialog.messages.search applies SEARCH_MESSAGE only to strings longer than 2 characters
 * (api-reference/chats/messages/im-dialog-messages-search.md): a shorter one would answer the whole
 * chat as if it matched, so it is never sent.
 */
export const MIN_TERM = 3

interface SearchPage {
  /** Newest first, as the portal answers; deleted messages are left out (their text is gone). */
  matches: Message[]
  /** The authors the page brought. */
  authors: Author[]
  /** LAST_ID for the next page, or undefined when this one was the last. */
  next: number | undefined
}

/** im.dialog.messages.search (v2): messages of the chat whose text holds `term`, older than `lastId`, newest first. */
export async function searchChat(client: PortalClient, chatId: number, term: string, lastId?: number): Promise<SearchPage> {
  if (term.length < MIN_TERM) throw new Error(`A search needs at least ${MIN_TERM} characters`)
  const params: Params = { CHAT_ID: chatId, SEARCH_MESSAGE: term, ORDER: { ID: 'DESC' }, LIMIT: SEARCH_PAGE }
  if (lastId !== undefined) params['LAST_ID'] = lastId
  // The same answer shape as a history page: one wire schema and mapping (src/chat/map-history.ts).
  // Further pages come as fast as the reader scrolls the results: paced with history paging (DESIGN.md:
  // search is paced), so a fling never drains the portal's bucket. The first page is the user's own ask.
  const call = () => client.callV2('im.dialog.messages.search', params)
  const page = toHistoryPage(await (lastId === undefined ? call() : backgroundPacer(call)), chatId)
  const oldest = page.messages[0]
  return {
    matches: page.messages.filter((m) => !m.isDeleted).reverse(),
    authors: page.authors,
    next: oldest && page.messages.length >= SEARCH_PAGE ? oldest.id : undefined,
  }
}
