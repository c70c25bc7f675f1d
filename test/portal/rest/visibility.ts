/**
 * Which messages of a chat a reader sees: members added with HIDE_HISTORY see only what came
 * after they joined (im.chat.user.add), and a free plan hides messages older than
 * `historyLimitDays` (Conditions; `tariffRestrictions.isHistoryLimitExceeded` in
 * api-reference/chats/messages/im-dialog-messages-search.md).
 */
import type { ChatRec, MessageRec } from '../state.ts'
import type { CallContext } from './context.ts'
import { lowerBound } from './ops.ts'

interface Visible {
  /** Ascending by id. */
  list: readonly MessageRec[]
  /** The plan hides older messages this reader could otherwise see. */
  hiddenByPlan: boolean
}

export function visibleMessages(ctx: CallContext, chat: ChatRec): Visible {
  const all = ctx.store.messagesOf(chat.id)
  const startId = chat.startIds?.get(ctx.userId)
  const memberStart = startId === undefined ? 0 : lowerBound(all, startId)
  let planStart = 0
  const days = ctx.conditions.historyLimitDays
  if (days > 0) {
    const cutoff = ctx.now() - days * 86_400
    const index = all.findIndex((m) => m.date >= cutoff)
    planStart = index === -1 ? all.length : index
  }
  const start = Math.max(memberStart, planStart)
  return { list: start === 0 ? all : all.slice(start), hiddenByPlan: planStart > memberStart }
}

/** The page reaches the oldest visible message (or, paging older, comes back empty) while the plan hides older ones. */
export function limitReached(visible: Visible, page: readonly MessageRec[], olderward: boolean): boolean {
  if (!visible.hiddenByPlan) return false
  const oldest = visible.list[0]
  if (oldest === undefined) return true
  return page.some((m) => m.id === oldest.id) || (olderward && page.length === 0)
}
