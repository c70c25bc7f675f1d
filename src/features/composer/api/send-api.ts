import * as v from 'valibot'
import type { PortalClient } from '../../../b24/portal-client'
import { PortalError } from '../../../b24/portal-error'

/** Where a message goes: the task's chat, or the task itself while it has no chat yet. */
export interface SendTarget {
  taskId: number
  chatId: number | null
  botId: number | null
}

const MessageId = v.pipe(v.union([v.number(), v.pipe(v.string(), v.regex(/^\d+$/))]), v.transform(Number))
const BotAnswer = v.looseObject({ id: MessageId })

/** im.message.add (v2): posts as the user who opened the card; answers the new message's id. */
export async function addMessage(client: PortalClient, chatId: number, text: string, replyToId: number | null): Promise<number> {
  const params: Record<string, unknown> = { DIALOG_ID: `chat${chatId}`, MESSAGE: text }
  if (replyToId) params['REPLY_ID'] = replyToId
  return v.parse(MessageId, await client.callV2('im.message.add', params))
}

/** imbot.v2.Chat.Message.send (v2): posts as the app's bot; answers `{id}`. */
export async function sendAsBot(client: PortalClient, botId: number, chatId: number, text: string, replyToId: number | null): Promise<number> {
  const fields: Record<string, unknown> = { message: text }
  if (replyToId) fields['replyId'] = replyToId
  const answer = await client.callV2('imbot.v2.Chat.Message.send', { botId, dialogId: `chat${chatId}`, fields })
  return v.parse(BotAnswer, answer).id
}

/** tasks.task.chat.message.send (v3): posts into a task by id, creating its chat; answers no id. */
export async function sendToTask(client: PortalClient, taskId: number, text: string): Promise<void> {
  await client.callV3('tasks.task.chat.message.send', { fields: { taskId, text } })
}

/** Delivers one message to its target; answers the new id when the method gives one. */
export async function deliver(client: PortalClient, target: SendTarget, text: string, replyToId: number | null, asBot: boolean): Promise<number | null> {
  if (target.chatId === null) {
    if (asBot) throw new PortalError('invalid', 'BOT_NEEDS_CHAT', 'The bot can post only once the task has a chat')
    await sendToTask(client, target.taskId, text)
    return null
  }
  if (asBot && target.botId) return sendAsBot(client, target.botId, target.chatId, text, replyToId)
  return addMessage(client, target.chatId, text, replyToId)
}
