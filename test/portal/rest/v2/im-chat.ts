/**
 * im.chat.user.add (api-reference/chats/chat-users/im-chat-user-add.md: "chat participant with
 * permission to add users to the chat"), as the im source answers it (im/classes/general/im_rest.php
 * chatUserAdd, CIMChat::AddUser, im/lib/V2/Chat.php canDo / addUsers) for a task chat.
 */
import { RestError } from '../../envelope.ts'
import type { CallContext, MethodDef, Params } from '../context.ts'
import { mayAddUsers } from '../chat-rights.ts'
import { canSeeTask } from '../ops.ts'
import { chatIdFromDialog, intOf, isPresent, listParam, param } from '../params.ts'

function refusal(ctx: CallContext): RestError {
  // CIMChat::AddUser fails with ACCESS_DENIED_EXTEND; the REST method answers it as below.
  if (ctx.conditions.taskChatAddRefusal === 'doc') return new RestError(403, 'ACCESS_DENIED_EXTEND', 'Insufficient permissions to add participants to the chat')
  return new RestError(400, 'WRONG_REQUEST', "You don't have access or user already member in chat")
}

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
  // Chat::isActionAllowed(EXTEND): the entity options (Conditions.taskChatMembersLocked).
  if (ctx.conditions.taskChatMembersLocked) throw new RestError(403, 'ACCESS_ERROR', 'It is forbidden to add users to this chat')
  // canDo(Action::Extend): a guest (not a member) never may; a member as MANAGE_USERS_ADD says.
  if (!mayAddUsers(ctx.conditions, chat, ctx.userId)) throw refusal(ctx)
  const list = listParam(params, 'USERS')
  if (!list) throw new RestError(400, 'WRONG_REQUEST', 'User IDs must be passed in array format')
  const task = ctx.store.tasks.get(chat.taskId)
  const ids = [
    ...new Set(
      list
        .map(intOf)
        .filter((id): id is number => id !== undefined && ctx.store.users.has(id) && !chat.memberIds.has(id))
        // A TASKS_TASK chat keeps only those with access to the task (Conditions.taskChatKeepsAnyone).
        .filter((id) => ctx.conditions.taskChatKeepsAnyone || (task !== undefined && canSeeTask(task, id))),
    ),
  ]
  // Nobody new (already members, or not kept): AddUser still answers true, as Chat::addUsers does nothing.
  if (ids.length === 0) return true
  // HIDE_HISTORY defaults to Y: the new members see only what is posted from now on.
  const hide = String(param(params, 'HIDE_HISTORY') ?? 'Y').toUpperCase() !== 'N'
  ctx.mutate({ op: 'chatUsers', chatId: chat.id, userIds: ids, startId: hide ? ctx.store.nextMessageId : null })
  return true
}

export const v2ImChat: Record<string, MethodDef> = {
  'im.chat.user.add': { handler: chatUserAdd },
}
