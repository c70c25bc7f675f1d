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
 * How a portal refuses to let a user add people (im-chat-user-add.md, im_rest.php chatUserAdd):
 * 400 WRONG_REQUEST (what the source answers when the user may not), 403 ACCESS_ERROR (the chat takes
 * nobody new), 403 ACCESS_DENIED_EXTEND (as the doc lists it). Any of them: the bot stays out.
 */
const ADD_REFUSALS = new Set(['WRONG_REQUEST', 'ACCESS_ERROR', 'ACCESS_DENIED_EXTEND'])

const refused = (error: PortalError) => new PortalError('access', BOT_JOIN_REFUSED, error.message, error.status)

/**
 * Posts as the app's bot. Bots are not members of task chats by default and the portal answers
 * 403 ACCESS_DENIED ("Bot is not a participant in the chat"), so on that answer the bot is added
 * to the chat and the post is made once more. When the portal refuses the add, or answers the add
 * but does not keep the bot (a task chat keeps only people with access to the task) so the second
 * post is refused too, the send fails with BOT_JOIN_REFUSED: the caller keeps the message and stops
 * offering the bot in this chat. Nothing here is tried a third time.
 */
export async function sendAsBot(client: PortalClient, botId: number, chatId: number, text: string, replyToId: number | null): Promise<number> {
  try {
    return await postAsBot(client, botId, chatId, text, replyToId)
  } catch (error) {
    if (!(error instanceof PortalError && error.kind === 'access')) throw error
  }
  try {
    // An add of someone already in the chat answers true (another tab added the bot meanwhile).
    await addToChat(client, chatId, botId)
  } catch (refusal) {
    if (refusal instanceof PortalError && (refusal.kind === 'access' || ADD_REFUSALS.has(refusal.code))) throw refused(refusal)
    throw refusal
  }
  try {
    return await postAsBot(client, botId, chatId, text, replyToId)
  } catch (error) {
    if (error instanceof PortalError && error.kind === 'access') throw refused(error)
    throw error
  }
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
