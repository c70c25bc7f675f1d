import * as v from 'valibot'
import type { PortalClient } from '../../../b24/portal-client'
import { PortalError } from '../../../b24/portal-error'
import { BOT_JOIN_REFUSED } from './bot-refusal'
import { Id } from '../../../chat/wire'

/** Where a message goes: the task's chat, or the task itself while it has no chat yet. */
export interface SendTarget {
  taskId: number
  chatId: number | null
  botId: number | null
}

const MessageId = Id
const BotAnswer = v.looseObject({ id: MessageId })

/** im.message.add (v2): posts as the user who opened the card; answers the new message's id. */
export async function addMessage(client: PortalClient, chatId: number, text: string, replyToId: number | null): Promise<number> {
  const params: Record<string, unknown> = { DIALOG_ID: `chat${chatId}`, MESSAGE: text }
  if (replyToId) params['REPLY_ID'] = replyToId
  return v.parse(MessageId, await client.writeV2('im.message.add', params))
}

/** imbot.v2.Chat.Message.send (v2): posts as the app's bot; answers `{id}`. The bot must be a member of the chat. */
async function postAsBot(client: PortalClient, botId: number, chatId: number, text: string, replyToId: number | null): Promise<number> {
  const fields: Record<string, unknown> = { message: text }
  if (replyToId) fields['replyId'] = replyToId
  const answer = await client.writeV2('imbot.v2.Chat.Message.send', { botId, dialogId: `chat${chatId}`, fields })
  return v.parse(BotAnswer, answer).id
}

/** im.chat.user.add (v2): the user, a member, adds the bot to the chat (the bot cannot add itself). */
async function addToChat(client: PortalClient, chatId: number, userId: number): Promise<void> {
  await client.writeV2('im.chat.user.add', { CHAT_ID: chatId, USERS: [userId], HIDE_HISTORY: 'N' })
}

/**
 * Posts as the app's bot. Bots are not members of task chats by default and the portal answers
 * 403 ACCESS_DENIED ("Bot is not a participant in the chat"), so on that answer the bot is added
 * to the chat and the post is made again, once. When the portal will not let the bot in (task
 * chats may follow the task's participants), the send fails with BOT_JOIN_REFUSED.
 */
export async function sendAsBot(client: PortalClient, botId: number, chatId: number, text: string, replyToId: number | null): Promise<number> {
  try {
    return await postAsBot(client, botId, chatId, text, replyToId)
  } catch (error) {
    if (!(error instanceof PortalError && error.kind === 'access')) throw error
  }
  try {
    await addToChat(client, chatId, botId)
  } catch (refusal) {
    // 403 ACCESS_ERROR: the chat takes no new members; ACCESS_DENIED_EXTEND: the user may not add any.
    if (refusal instanceof PortalError && refusal.kind === 'access') throw new PortalError('access', BOT_JOIN_REFUSED, refusal.message, refusal.status)
    // 400 WRONG_REQUEST "user already member in chat": another tab added it meanwhile; post again.
    if (!(refusal instanceof PortalError && refusal.kind === 'invalid')) throw refusal
  }
  return postAsBot(client, botId, chatId, text, replyToId)
}

/**
 * tasks.task.chat.message.send (v3): posts into a task by id, creating its chat; answers no id.
 * `key` is the message's own Idempotency-Key, the same on every attempt at this one message.
 */
export async function sendToTask(client: PortalClient, taskId: number, text: string, key?: string): Promise<void> {
  await client.writeV3('tasks.task.chat.message.send', { fields: { taskId, text } }, { idempotencyKey: key })
}

/** Delivers one message to its target; answers the new id when the method gives one. */
export async function deliver(
  client: PortalClient,
  target: SendTarget,
  text: string,
  replyToId: number | null,
  asBot: boolean,
  key?: string,
): Promise<number | null> {
  if (target.chatId === null) {
    if (asBot) throw new PortalError('invalid', 'BOT_NEEDS_CHAT', 'The bot can post only once the task has a chat')
    await sendToTask(client, target.taskId, text, key)
    return null
  }
  if (asBot && target.botId) return sendAsBot(client, target.botId, target.chatId, text, replyToId)
  return addMessage(client, target.chatId, text, replyToId)
}
