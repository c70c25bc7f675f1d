import * as v from 'valibot'
import type { PortalClient } from '../../../b24/portal-client'
import { plainText } from '../../../chat/bbcode/plain-text'
import { findLanded } from '../../../chat/deliver-once'

/** The portal rewrites some markup on save ([br] to newlines, mentions filled in): compare the words. */
export function comparable(text: string): string {
  return plainText(text.replace(/\[br\]/gi, '\n'))
}

/**
 * Before re-sending a message whose first attempt had an unknown outcome, look for it in the chat:
 * the same words by the same author (any author when 0) above the id the feed had then. Answers its
 * id, so a retry never posts twice.
 */
export async function findPosted(client: PortalClient, chatId: number, authorId: number, text: string, afterId: number): Promise<number | null> {
  const wanted = comparable(text)
  return findLanded(client, chatId, afterId, (m) => ((authorId === 0 || m.authorId === authorId) && comparable(m.text) === wanted ? m.id : null))
}

const TaskChat = v.looseObject({ task: v.looseObject({ chatId: v.nullish(v.union([v.number(), v.string()])) }) })

/**
 * The same look for a message sent to a task that had no chat (tasks.task.chat.message.send makes
 * the chat with the post): tasks.task.get (v2) names the chat if there is one now, and the message
 * is among its first. No chat yet: nothing was posted.
 */
export async function findPostedInTask(client: PortalClient, taskId: number, authorId: number, text: string): Promise<number | null> {
  const raw = await client.callV2('tasks.task.get', { taskId, select: ['ID', 'CHAT_ID'] })
  const chatId = Number(v.parse(TaskChat, raw).task.chatId ?? 0)
  return chatId > 0 ? findPosted(client, chatId, authorId, text, 0) : null
}
