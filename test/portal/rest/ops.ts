/** State changes shared by several methods (v2 and v3 post the same way). */
import { randomUUID } from 'node:crypto'
import type { ChatRec, MessageParams, MessageRec, Store, TaskRec } from '../state.ts'
import type { CallContext } from './context.ts'

export const MAX_MESSAGE_LENGTH = 20_000

export function canSeeTask(task: TaskRec, userId: number): boolean {
  return task.memberIds.includes(userId)
}

/** Results are recorded by members who are not auditors (the portal's rule for "a user without the right"). */
export function canCreateResult(task: TaskRec, userId: number): boolean {
  return canSeeTask(task, userId) && !(task.auditorIds ?? []).includes(userId)
}

export function isChatMember(chat: ChatRec, userId: number): boolean {
  return chat.memberIds.has(userId)
}

/**
 * What the im module does to text on save: `[br]` becomes a newline, an empty mention
 * `[USER=5][/USER]` is filled with the name and marked REPLACE, over-long text is cut to
 * 20,000 characters plus " (...)".
 */
export function normalizeText(store: Store, text: string): string {
  let out = text.replace(/\[br\]|#BR#/gi, '\n')
  out = out.replace(/\[user=(\d+)\]\s*\[\/user\]/gi, (_all, id: string) => `[USER=${id} REPLACE]${store.userName(Number(id))}[/USER]`)
  if (out.length > MAX_MESSAGE_LENGTH) out = out.slice(0, MAX_MESSAGE_LENGTH) + ' (...)'
  return out
}

export function postMessage(ctx: CallContext, chatId: number, authorId: number, text: string, params: MessageParams = {}): MessageRec {
  const id = ctx.store.nextMessageId
  ctx.mutate({ op: 'message', id, chatId, authorId, date: Math.floor(ctx.now()), text, params, uuid: authorId === 0 ? null : randomUUID() })
  const posted = ctx.store.getMessage(id)
  if (!posted) throw new Error(`message ${id} was not stored`)
  // Conditions.readOnPost: the author has read the chat up to their own post.
  if (ctx.conditions.readOnPost && authorId > 0) ctx.mutate({ op: 'read', chatId, userId: authorId, messageId: id })
  return posted
}

/**
 * The task chat is created on first use; its members are the task's members. Bots are not
 * members by default: someone has to add them (im.chat.user.add).
 */
export function ensureTaskChat(ctx: CallContext, task: TaskRec): ChatRec {
  const existing = task.chatId === null ? undefined : ctx.store.chats.get(task.chatId)
  if (existing) return existing
  let chatId = 1000 + task.id
  while (ctx.store.chats.has(chatId)) chatId++
  const memberIds = [...task.memberIds]
  ctx.mutate({ op: 'chat', chatId, taskId: task.id, memberIds, createdAt: Math.floor(ctx.now()) })
  const chat = ctx.store.chats.get(chatId)
  if (!chat) throw new Error(`chat ${chatId} was not created`)
  return chat
}

/** Index of the first message with id >= `id` in an ascending list. */
export function lowerBound(list: readonly MessageRec[], id: number): number {
  let lo = 0
  let hi = list.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((list[mid]?.id ?? 0) < id) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Newest-first page of messages older than `beforeId` (or the newest ones). */
export function olderPage(list: readonly MessageRec[], beforeId: number | undefined, limit: number): MessageRec[] {
  const end = beforeId === undefined ? list.length : lowerBound(list, beforeId)
  return list.slice(Math.max(0, end - limit), end).reverse()
}

/** Oldest-first page of messages newer than `afterId`. */
export function newerPage(list: readonly MessageRec[], afterId: number, limit: number): MessageRec[] {
  const start = lowerBound(list, afterId + 1)
  return list.slice(start, start + limit)
}
