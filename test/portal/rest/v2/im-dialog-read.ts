/**
 * im.dialog.read (api-reference/chats/messages/im-dialog-read.md): marks a dialog's messages read
 * "up to and including" MESSAGE_ID, or all of them when it is absent. Answers
 * `{dialogId, chatId, lastId, counter}`, `false` when the user has no access to the chat, and
 * 400 DIALOG_ID_EMPTY when DIALOG_ID is missing, empty or malformed.
 */
import { RestError } from '../../envelope.ts'
import type { CallContext, MethodDef, Params } from '../context.ts'
import { isChatMember, lowerBound } from '../ops.ts'
import { chatIdFromDialog, intOf, isPresent, param } from '../params.ts'
import { lastReadId, unreadCount } from '../read-state.ts'
import { visibleMessages } from '../visibility.ts'

const dialogEmpty = () => new RestError(400, 'DIALOG_ID_EMPTY', "Dialog ID can't be empty")

function dialogRead(ctx: CallContext, params: Params): unknown {
  const raw = param(params, 'DIALOG_ID')
  if (!isPresent(raw)) throw dialogEmpty()
  const dialogId = String(raw).trim()
  const chatId = chatIdFromDialog(dialogId)
  // `XXX` (a user's personal chat) and `sgXXX` are well formed; the local portal has no such chats.
  if (chatId === undefined && !/^(sg)?\d+$/i.test(dialogId)) throw dialogEmpty()
  const chat = chatId === undefined ? undefined : ctx.store.chats.get(chatId)
  // "Returns `false` if the user does not have access to the chat" (Returned Data).
  if (!chat || !isChatMember(chat, ctx.userId)) return false
  const list = visibleMessages(ctx, chat).list
  // [INFER] The im source casts MESSAGE_ID to an integer; 0 (or nothing) reads everything. An id
  // that is no message of the chat reads up to the newest message at or below it.
  const messageId = intOf(param(params, 'MESSAGE_ID')) ?? 0
  const upTo = messageId > 0 ? list[lowerBound(list, messageId + 1) - 1]?.id : list.at(-1)?.id
  const before = ctx.store.lastRead(chat.id, ctx.userId)
  // Reading never makes anything unread again: an older id leaves the mark where it is.
  if (upTo !== undefined && upTo > before) ctx.mutate({ op: 'read', chatId: chat.id, userId: ctx.userId, messageId: upTo })
  return {
    dialogId: `chat${chat.id}`,
    chatId: chat.id,
    lastId: lastReadId(ctx.store, list, ctx.userId),
    counter: unreadCount(ctx.store, list, ctx.userId),
  }
}

export const v2ImDialogRead: Record<string, MethodDef> = {
  'im.dialog.read': { handler: dialogRead },
}
