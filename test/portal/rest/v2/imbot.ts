/**
 * Bot methods, so the app can register its bot and post as it (§4.3). A registered bot is a
 * user with `bot: true` and a member of every task chat.
 */
import { RestError } from '../../envelope.ts'
import type { BotRec } from '../../state.ts'
import type { CallContext, MethodDef, Params } from '../context.ts'
import { isChatMember, normalizeText, postMessage } from '../ops.ts'
import { chatIdFromDialog, intOf, isPresent, isRecord, param } from '../params.ts'

function botOut(bot: BotRec): Record<string, unknown> {
  return { id: bot.id, code: bot.code, type: 'bot', isHidden: false, isReactionsEnabled: true, isSupportOpenline: false, properties: { name: bot.name, lastName: '', color: 'AQUA', workPosition: 'Chat bot' } }
}

function register(ctx: CallContext, params: Params): unknown {
  const fields = param(params, 'fields')
  const code = isRecord(fields) ? fields['code'] : undefined
  const properties = isRecord(fields) ? fields['properties'] : undefined
  const name = isRecord(properties) ? properties['name'] : undefined
  if (typeof code !== 'string' || code.trim() === '') throw new RestError(400, 'CODE_EMPTY', 'Bot code is required')
  if (typeof name !== 'string' || name.trim() === '') throw new RestError(400, 'NAME_EMPTY', 'Bot name is required')
  // Registering the same code again answers the bot that already exists, as imbot.register does.
  const existing = [...ctx.store.bots.values()].find((bot) => bot.code === code)
  if (existing) return { bot: botOut(existing) }
  const id = Math.max(...ctx.store.users.keys()) + 1
  ctx.mutate({ op: 'bot', id, code, name: name.trim() })
  const bot = ctx.store.bots.get(id)
  if (!bot) throw new Error('bot was not stored')
  return { bot: botOut(bot) }
}

function list(ctx: CallContext): unknown {
  return { bots: [...ctx.store.bots.values()].map(botOut) }
}

function send(ctx: CallContext, params: Params): unknown {
  const rawBot = param(params, 'botId')
  if (!isPresent(rawBot)) throw new RestError(400, 'BOT_ID_REQUIRED', 'Bot ID is required')
  const bot = ctx.store.bots.get(intOf(rawBot) ?? 0)
  if (!bot) throw new RestError(400, 'BOT_NOT_FOUND', 'Bot not found')
  const chatId = intOf(param(params, 'chatId')) ?? chatIdFromDialog(param(params, 'dialogId'))
  const chat = chatId === undefined ? undefined : ctx.store.chats.get(chatId)
  if (!chat || !isChatMember(chat, bot.id)) throw new RestError(403, 'ACCESS_DENIED', 'Bot is not a member of this chat')
  const fields = param(params, 'fields')
  const message = isRecord(fields) ? fields['message'] : undefined
  if (typeof message !== 'string' || message.trim() === '') throw new RestError(400, 'EMPTY_MESSAGE', 'Message can not be empty')
  const posted = postMessage(ctx, chat.id, bot.id, normalizeText(ctx.store, message))
  return { id: posted.id, uuidMap: [] }
}

export const v2Imbot: Record<string, MethodDef> = {
  'imbot.v2.bot.register': { handler: register },
  'imbot.v2.bot.list': { handler: list },
  'imbot.v2.chat.message.send': { handler: send },
}
