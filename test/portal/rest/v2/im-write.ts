/** im.message.add (§4.2): posts as the token's user and answers the new message's integer id. Changes to posted messages are in im-edit.ts. */
import { RestError } from '../../envelope.ts'
import type { CallContext, MethodDef, Params } from '../context.ts'
import { isChatMember, normalizeText, postMessage } from '../ops.ts'
import { chatIdFromDialog, intOf, isPresent, param } from '../params.ts'

function resolveChatId(ctx: CallContext, params: Params): number {
  const dialogId = param(params, 'DIALOG_ID')
  if (isPresent(dialogId)) {
    const text = String(dialogId)
    const chatId = chatIdFromDialog(text)
    if (chatId !== undefined) {
      if (chatId <= 0) throw new RestError(400, 'CHAT_ID_EMPTY', "Chat ID can't be empty")
      return chatId
    }
    // A bare number is a one-to-one dialog with that user; the local portal has none.
    const userId = intOf(text)
    if (userId === undefined || userId <= 0) throw new RestError(400, 'USER_ID_EMPTY', "User ID can't be empty")
    if (!ctx.store.users.has(userId)) throw new RestError(400, 'USER_NOT_FOUND', 'User not found')
    throw new RestError(403, 'ACCESS_ERROR', 'It is forbidden to send messages to this chat')
  }
  if (isPresent(param(params, 'CHAT_ID'))) {
    const chatId = intOf(param(params, 'CHAT_ID'))
    if (chatId === undefined || chatId <= 0) throw new RestError(400, 'CHAT_ID_EMPTY', "Chat ID can't be empty")
    return chatId
  }
  throw new RestError(400, 'PARAMS_ERROR', 'Incorrect params')
}

function messageAdd(ctx: CallContext, params: Params): unknown {
  const chatId = resolveChatId(ctx, params)
  const raw = param(params, 'MESSAGE')
  if (raw !== undefined && raw !== null && typeof raw !== 'string' && typeof raw !== 'number') {
    throw new RestError(400, 'MESSAGE_EMPTY', 'Wrong message type')
  }
  const text = raw === undefined || raw === null ? '' : String(raw)
  if (text.trim() === '') throw new RestError(400, 'MESSAGE_EMPTY', "Message can't be empty")
  const chat = ctx.store.chats.get(chatId)
  if (!chat || !isChatMember(chat, ctx.userId)) throw new RestError(403, 'ACCESS_ERROR', 'It is forbidden to send messages to this chat')
  const params2: Record<string, unknown> = {}
  const replyRaw = param(params, 'REPLY_ID')
  if (isPresent(replyRaw) && replyRaw !== 0 && replyRaw !== '0') {
    const replyId = intOf(replyRaw)
    const target = replyId === undefined ? undefined : ctx.store.getMessage(replyId)
    if (!target) throw new RestError(400, 'REPLY_ACCESS_ERROR', 'Action unavailable')
    if (target.chatId !== chat.id) throw new RestError(400, 'REPLY_FROM_OTHER_CHAT_ERROR', 'You can only reply to a message within the same chat')
    params2['REPLY_ID'] = target.id
  }
  const posted = postMessage(ctx, chat.id, ctx.userId, normalizeText(ctx.store, text), params2)
  return posted.id
}

export const v2ImWrite: Record<string, MethodDef> = {
  'im.message.add': { handler: messageAdd },
}
