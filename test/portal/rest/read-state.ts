/**
 * Unread messages: what a reader has read of a chat. A message is unread for a user when
 * someone else wrote it and its id is above the user's read mark (api-reference/chats/im-dialog-get.md:
 * `last_id` "the last read message", `unread_id` the first unread one, `counter` how many); a user's
 * own messages are read for them. The per-message flags are im-dialog-messages-search.md's
 * `unread`, `viewed`, `viewedByOthers` and `viewedCount`.
 */
import type { ChatRec, MessageRec, Store } from '../state.ts'
import { lowerBound } from './ops.ts'

export interface ReadFlags {
  unread: boolean
  viewed: boolean
  viewedByOthers: boolean
  viewedCount: number
}

export const ALL_READ: ReadFlags = { unread: false, viewed: true, viewedByOthers: true, viewedCount: 0 }

function isUnread(store: Store, message: MessageRec, userId: number): boolean {
  return message.authorId !== userId && message.id > store.lastRead(message.chatId, userId)
}

/** The flags of one message as `userId` sees it; `viewedCount` counts the members other than its author who read it. */
export function readFlags(store: Store, chat: ChatRec, message: MessageRec, userId: number): ReadFlags {
  const unread = isUnread(store, message, userId)
  let viewedCount = 0
  let viewedByOthers = false
  for (const member of chat.memberIds) {
    if (member === message.authorId || store.lastRead(chat.id, member) < message.id) continue
    viewedCount++
    if (member !== userId) viewedByOthers = true
  }
  return { unread, viewed: !unread, viewedByOthers, viewedCount }
}

/** Index in `list` (ascending) of the first message unread for `userId`, or -1. */
export function firstUnreadIndex(store: Store, list: readonly MessageRec[], userId: number): number {
  let lo = aboveMark(store, list, userId)
  // The user's own messages are read for them.
  while (lo < list.length && list[lo]?.authorId === userId) lo++
  return lo < list.length ? lo : -1
}

/** How many of `list` (ascending) are unread for `userId`. */
export function unreadCount(store: Store, list: readonly MessageRec[], userId: number): number {
  const from = firstUnreadIndex(store, list, userId)
  if (from < 0) return 0
  let count = 0
  for (let i = from; i < list.length; i++) if (list[i]!.authorId !== userId) count++
  return count
}

/** The newest message of `list` (ascending) the user has read, or 0: im.dialog.get's `last_id` names a message of the chat. */
export function lastReadId(store: Store, list: readonly MessageRec[], userId: number): number {
  return list[aboveMark(store, list, userId) - 1]?.id ?? 0
}

/** Index in `list` (ascending) of the first message above the user's read mark. */
function aboveMark(store: Store, list: readonly MessageRec[], userId: number): number {
  return list[0] ? lowerBound(list, store.lastRead(list[0].chatId, userId) + 1) : 0
}
