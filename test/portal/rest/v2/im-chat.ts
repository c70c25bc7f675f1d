/**
 * im.chat.user.add (api-reference/chats/chat-users/im-chat-user-add.md): a chat member adds
 * users, the app's bot included. Codes and statuses as the doc lists them and the im source
 * (rest.php chatUserAdd) throws them.
 */
import { RestError } from '../../envelope.ts'
import type { CallContext, MethodDef, Params } from '../context.ts'
import { chatIdFromDialog, intOf, isPresent, listParam, param } from '../params.ts'

function chatUserAdd(ctx: CallContext, params: Params): unknown {
  const dialogId = param(params, 'DIALOG_ID')
  let chatId: number
  if (isPresent(dialogId)) {
    const fromDialog = chatIdFromDialog(dialogId)
    if (fromDialog === undefined) throw new RestError(400, 'DIALOG_ID_EMPTY', "Dialog ID can't be empty")
    chatId = fromDialog
  } else {
    chatId = intOf(param(params, 'CHAT_ID')) ?? 0
  }
  if (chatId <= 0) throw new RestError(400, 'CHAT_ID_EMPTY', "Chat ID can't be empty")
  const chat = ctx.store.chats.get(chatId)
  if (!chat) throw new RestError(403, 'ACCESS_ERROR', 'Action unavailable')
  // Task chats take their members from the task on a portal configured so (Conditions.taskChatMembersLocked).
  if (ctx.conditions.taskChatMembersLocked) throw new RestError(403, 'ACCESS_ERROR', 'It is forbidden to add users to this chat')
  if (!chat.memberIds.has(ctx.userId)) throw new RestError(403, 'ACCESS_DENIED_EXTEND', 'Insufficient permissions to add participants to the chat')
  const list = listParam(params, 'USERS')
  if (!list) throw new RestError(400, 'WRONG_REQUEST', 'User IDs must be passed in array format')
  const ids = [...new Set(list.map(intOf).filter((id): id is number => id !== undefined && ctx.store.users.has(id) && !chat.memberIds.has(id)))]
  if (ids.length === 0) throw new RestError(400, 'WRONG_REQUEST', "You don't have access or user already member in chat")
  // HIDE_HISTORY defaults to Y: the new members see only what is posted from now on.
  const hide = String(param(params, 'HIDE_HISTORY') ?? 'Y').toUpperCase() !== 'N'
  ctx.mutate({ op: 'chatUsers', chatId: chat.id, userIds: ids, startId: hide ? ctx.store.nextMessageId : null })
  return true
}

export const v2ImChat: Record<string, MethodDef> = {
  'im.chat.user.add': { handler: chatUserAdd },
}
