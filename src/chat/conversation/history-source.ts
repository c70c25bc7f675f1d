/**
 * Which documented method serves history pages on this portal. `im.dialog.messages.search`
 * (`api-reference/chats/messages/im-dialog-messages-search.md`) pages up to 200 messages with
 * `LAST_ID` and `ORDER` when no search text is given, and says when the plan hides older history;
 * `im.dialog.messages.get` pages 50 and every portal has it. (The undocumented
 * `im.v2.Chat.Message.tail` is not used: search gives the same 200-message pages, documented.)
 * Once a portal refuses search in any way, and get answers instead, we remember it for the browser
 * session, so no later request pays for the refused one again.
 */
export type HistorySource = 'search' | 'get'

/** The largest page each reader gives (im-dialog-messages-search.md: 200; im-dialog-messages-get.md: 50). */
export const PAGE_LIMIT: Record<HistorySource, number> = { search: 200, get: 50 }

const KEY = 'task-chat:history-source'
let remembered: HistorySource | undefined

export function historySource(): HistorySource {
  if (remembered) return remembered
  try {
    remembered = sessionStorage.getItem(KEY) === 'get' ? 'get' : 'search'
  } catch {
    remembered = 'search' // storage can be blocked in third-party frames
  }
  return remembered
}

export function rememberPlainHistory(): void {
  remembered = 'get'
  try {
    sessionStorage.setItem(KEY, 'get')
  } catch {
    // keep the in-memory choice only
  }
}
