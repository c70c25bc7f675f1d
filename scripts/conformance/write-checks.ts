/**
 * Write checks (`--write`): in the named task's chat, post as the user, post as the app's bot,
 * make a result from our message and remove it, then delete what was posted. Whatever could not
 * be removed is listed, so the admin knows what to tidy by hand.
 */
import * as im from './shapes-im.ts'
import * as tasks from './shapes-tasks.ts'
import { judge, type Row } from './verdict.ts'
import type { Outcome, WebhookClient } from './webhook-client.ts'
import type { Target } from './read-checks.ts'

/** The code the install page registers the app's bot under (src/chat/conversation/viewer.ts). */
const APP_BOT_CODE = 'task_chat_bot'
const TEXT = 'Task Chat conformance check: this message is removed right away.'

interface WriteReport {
  rows: Row[]
  leftBehind: string[]
}

function idOf(outcome: Outcome, pick: (result: Record<string, unknown>) => unknown): number | null {
  if (!outcome.ok) return null
  const value = Number(typeof outcome.result === 'object' && outcome.result !== null ? pick(outcome.result as Record<string, unknown>) : outcome.result)
  return Number.isSafeInteger(value) && value > 0 ? value : null
}

async function appBotId(client: WebhookClient): Promise<number | null> {
  const list = await client.v2('imbot.v2.Bot.list', {})
  if (!list.ok) return null
  const bots = (list.result as { bots?: { id?: unknown; code?: unknown }[] }).bots ?? []
  const bot = bots.find((b) => b.code === APP_BOT_CODE)
  return bot ? Number(bot.id) : null
}

/** Posts as the bot like src/features/composer/api/send-api.ts: on ACCESS_DENIED add it to the chat, then once more. */
async function botChecks(client: WebhookClient, target: Target, rows: Row[]): Promise<{ botId: number; messageId: number } | null> {
  const botId = await appBotId(client)
  const expect = {
    schema: im.BotMessageSent,
    required: false,
    reads: ['id'],
    onSuccess: 'posts as the bot',
    onRefusal: 'bot refused: "Send as <bot>" fails with a sentence; the user posts as themselves',
  }
  if (botId === null) {
    rows.push({
      method: 'imbot.v2.Chat.Message.send (v2)',
      verdict: 'skipped: the app has no bot here',
      appDoes: 'no "Send as <bot>" until the install page registers it',
      breaks: false,
    })
    return null
  }
  const send = (): Promise<Outcome> => client.v2('imbot.v2.Chat.Message.send', { botId, dialogId: `chat${target.chatId}`, fields: { message: TEXT } })
  let sent = await send()
  if (!sent.ok && sent.code === 'ACCESS_DENIED') {
    const added = await client.v2('im.chat.user.add', { CHAT_ID: target.chatId, USERS: [botId], HIDE_HISTORY: 'N' })
    rows.push(
      judge(
        {
          method: 'im.chat.user.add (v2, the bot)',
          schema: im.True,
          required: false,
          reads: [],
          onSuccess: 'the bot joins the chat before its first post',
          onRefusal: 'the bot cannot join: sending as it is refused (BOT_JOIN_REFUSED)',
        },
        added,
      ),
    )
    if (added.ok) sent = await send()
  }
  rows.push(judge({ method: 'imbot.v2.Chat.Message.send (v2)', ...expect }, sent))
  const messageId = idOf(sent, (r) => r['id'])
  return messageId === null ? null : { botId, messageId }
}

/** imbot.v2.Chat.Message.delete (v2): only the bot may delete its message (chat-bots-v2/imbot.v2/messages/chat-message-delete.md). */
async function deleteBotMessage(
  client: WebhookClient,
  target: Target,
  posted: { botId: number; messageId: number },
  rows: Row[],
  leftBehind: string[],
): Promise<void> {
  const deleted = await client.v2('imbot.v2.Chat.Message.delete', { botId: posted.botId, messageId: posted.messageId })
  rows.push(
    judge(
      {
        method: `imbot.v2.Chat.Message.delete (v2, cleanup of ${posted.messageId})`,
        schema: im.ResultTrue,
        required: false,
        reads: [],
        onSuccess: 'cleanup only',
        onRefusal: 'cleanup only: the app never deletes',
      },
      deleted,
    ),
  )
  if (!deleted.ok) leftBehind.push(`message ${posted.messageId} in chat ${target.chatId} (imbot.v2.Chat.Message.delete: ${deleted.code})`)
}

export async function runWriteChecks(client: WebhookClient, target: Target): Promise<WriteReport> {
  const rows: Row[] = []
  const leftBehind: string[] = []
  const posted = await client.v2('im.message.add', { DIALOG_ID: `chat${target.chatId}`, MESSAGE: TEXT })
  rows.push(
    judge(
      {
        method: 'im.message.add (v2)',
        schema: im.MessageId,
        required: true,
        reads: ['(result)'],
        onSuccess: 'sends as the user',
        onRefusal: 'the user cannot write to the chat',
      },
      posted,
    ),
  )
  const messageId = idOf(posted, () => undefined)
  const messages = messageId === null ? [] : [messageId]
  if (messageId !== null) {
    // Up to the user's own message: what others wrote before it is read, as the app does once it is on screen.
    const read = await client.v2('im.dialog.read', { DIALOG_ID: `chat${target.chatId}`, MESSAGE_ID: messageId })
    rows.push(
      judge(
        {
          method: 'im.dialog.read (v2)',
          schema: im.DialogRead,
          required: false,
          reads: ['lastId'],
          onSuccess: 'what the reader has seen is marked read',
          onRefusal: 'the read mark is retried quietly; the feed works without it',
        },
        read,
      ),
    )
  }

  if (messageId !== null) {
    const made = await client.v3('tasks.task.result.addfromchatmessage', { fields: { messageId } })
    rows.push(
      judge(
        {
          method: 'tasks.task.result.addfromchatmessage (v3)',
          schema: tasks.ResultMade,
          required: true,
          reads: ['item.id', 'item.messageId', 'item.authorId'],
          onSuccess: '"Make result"',
          onRefusal: '"Make result" fails with the portal\'s sentence',
        },
        made,
      ),
    )
    const resultId = idOf(made, (r) => (r['item'] as Record<string, unknown> | undefined)?.['id'])
    if (resultId !== null) {
      const removed = await client.v3('tasks.task.result.delete', { id: resultId })
      rows.push(
        judge(
          {
            method: 'tasks.task.result.delete (v3)',
            schema: tasks.ResultDeleted,
            required: true,
            reads: [],
            onSuccess: '"Remove result"',
            onRefusal: '"Remove result" fails',
          },
          removed,
        ),
      )
      if (!removed.ok) leftBehind.push(`result ${resultId} of task ${target.taskId}`)
    }
  }
  const uploaded = await client.v2('im.v2.File.upload', {
    dialogId: `chat${target.chatId}`,
    fields: { name: 'task-chat-conformance.txt', content: btoa(TEXT) },
  })
  rows.push(
    judge(
      {
        method: 'im.v2.File.upload (v2)',
        schema: im.FileUploaded,
        required: false,
        reads: ['messageId', 'file.id', 'file.name', 'file.size'],
        onSuccess: '"Attach file" posts the file as the user',
        onRefusal: '"Attach file" fails with the portal\'s sentence; the file stays in the composer',
      },
      uploaded,
    ),
  )
  const fileMessageId = idOf(uploaded, (r) => r['messageId'])
  if (fileMessageId !== null) {
    messages.push(fileMessageId)
    // Deleting the message leaves the file in the chat's folder on Drive: named, not touched.
    leftBehind.push(`file ${String(idOf(uploaded, (r) => (r['file'] as Record<string, unknown> | undefined)?.['id']))} on Drive (im.v2.File.upload)`)
  }
  const botMessage = await botChecks(client, target, rows)

  // Messages the portal itself posted meanwhile (e.g. the "marked as result" notice) are reported, not touched.
  if (messageId !== null) {
    const after = await client.v2('im.dialog.messages.get', { DIALOG_ID: `chat${target.chatId}`, FIRST_ID: messageId, LIMIT: 50 })
    const ours = [...messages, botMessage?.messageId]
    const extra = after.ok
      ? ((after.result as { messages?: { id?: unknown }[] }).messages ?? []).map((m) => Number(m.id)).filter((id) => !ours.includes(id))
      : []
    for (const id of extra) leftBehind.push(`message ${id} (posted by the portal in reply to our checks)`)
  }
  for (const id of messages) {
    const deleted = await client.v2('im.message.delete', { MESSAGE_ID: id })
    rows.push(
      judge(
        {
          method: `im.message.delete (v2, cleanup of ${id})`,
          schema: im.True,
          required: false,
          reads: [],
          onSuccess: 'cleanup only',
          onRefusal: 'cleanup only: the app never deletes',
        },
        deleted,
      ),
    )
    if (!deleted.ok) leftBehind.push(`message ${id} in chat ${target.chatId} (im.message.delete: ${deleted.code})`)
  }
  if (botMessage !== null) await deleteBotMessage(client, target, botMessage, rows, leftBehind)
  return { rows, leftBehind }
}
