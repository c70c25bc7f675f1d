/**
 * im.message.add (§4.2; api-reference/chats/messages/im-message-add.md): posts as the token's user and
 * answers the new message's integer id; ATTACH and KEYBOARD as documented (attachments.md, keyboards.md)
 * and stored as the im source stores them. Changes to posted messages are in im-edit.ts.
 */
import { RestError } from '../../envelope.ts'
import { buildAttach, buildKeyboard } from '../attach-build.ts'
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
  // MESSAGE is "required if ATTACH is not provided" (im-message-add.md); the im source (rest.php messageAdd)
  // refuses an empty MESSAGE only without a non-empty ATTACH, and a missing one only without ATTACH at all.
  const rawAttach = param(params, 'ATTACH')
  const attachEmpty =
    rawAttach === undefined ||
    rawAttach === null ||
    rawAttach === '' ||
    rawAttach === 0 ||
    rawAttach === '0' ||
    (Array.isArray(rawAttach) && rawAttach.length === 0)
  if (raw === undefined || raw === null ? rawAttach === undefined || rawAttach === null : text.trim() === '' && attachEmpty) {
    throw new RestError(400, 'MESSAGE_EMPTY', "Message can't be empty")
  }
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
  // ATTACH and KEYBOARD are stored as CIMMessageParamAttach::GetArray / Bot\Keyboard::getArray make them (attach-build.ts).
  const attach = attachEmpty ? null : buildAttach(rawAttach, Math.floor(ctx.now()))
  if (!attachEmpty && !attach) throw new RestError(400, 'ATTACH_ERROR', 'Incorrect attach params')
  if (attach && JSON.stringify(attach).length >= 60_000) throw new RestError(400, 'ATTACH_OVERSIZE', 'You have exceeded the maximum allowable size of attach')
  if (attach) params2['ATTACH'] = [attach]
  const rawKeyboard = param(params, 'KEYBOARD')
  const keyboardEmpty =
    rawKeyboard === undefined ||
    rawKeyboard === null ||
    rawKeyboard === '' ||
    rawKeyboard === 0 ||
    rawKeyboard === '0' ||
    (Array.isArray(rawKeyboard) && rawKeyboard.length === 0)
  if (!keyboardEmpty) {
    const keyboard = buildKeyboard(rawKeyboard)
    if (!keyboard) throw new RestError(400, 'KEYBOARD_ERROR', 'Incorrect keyboard params')
    params2['KEYBOARD'] = keyboard
  }
  const posted = postMessage(ctx, chat.id, ctx.userId, normalizeText(ctx.store, text), params2)
  return posted.id
}

export const v2ImWrite: Record<string, MethodDef> = {
  'im.message.add': { handler: messageAdd },
}
