/**
 * Bot methods (§4.3), in the documented imbot.v2 shapes
 * (api-reference/chat-bots/chat-bots-v2/imbot.v2/bots/bot-register.md, bot-list.md, entities.md#bot):
 * the bot object carries no name; the name comes from the `users` part of the answer. A
 * registered bot is a user with `bot: true` and is in no chat until someone adds it.
 */
import { RestError } from '../../envelope.ts'
import type { BotRec, Store } from '../../state.ts'
import type { CallContext, MethodDef, Params } from '../context.ts'
import { userCamel } from '../format.ts'
import { isChatMember, normalizeText, postMessage } from '../ops.ts'
import { chatIdFromDialog, intOf, isPresent, isRecord, param } from '../params.ts'

/** The extended Bot object (for the owner): entities.md#bot. */
function botOut(store: Store, bot: BotRec): Record<string, unknown> {
  const chats = [...store.chats.values()].filter((chat) => chat.memberIds.has(bot.id)).length
  return {
    id: bot.id,
    code: bot.code,
    type: 'bot',
    isHidden: false,
    isSupportOpenline: false,
    isReactionsEnabled: true,
    backgroundId: null,
    language: 'en',
    moduleId: 'rest',
    eventMode: 'fetch',
    countMessage: 0,
    countCommand: 0,
    countChat: chats,
    countUser: 0,
  }
}

function botUsers(ctx: CallContext, bots: BotRec[]): Record<string, unknown>[] {
  return bots.flatMap((bot) => {
    const user = ctx.store.users.get(bot.id)
    return user ? [userCamel(user, ctx.origin)] : []
  })
}

function register(ctx: CallContext, params: Params): unknown {
  const fields = param(params, 'fields')
  const code = isRecord(fields) ? fields['code'] : undefined
  const properties = isRecord(fields) ? fields['properties'] : undefined
  const name = isRecord(properties) ? properties['name'] : undefined
  if (typeof code !== 'string' || code.trim() === '') throw new RestError(400, 'BOT_CODE_REQUIRED', 'Bot code is required')
  if (typeof name !== 'string' || name.trim() === '') throw new RestError(400, 'BOT_PROPERTIES_REQUIRED', 'Bot properties are required')
  const type = isRecord(fields) ? fields['type'] : undefined
  if (type !== undefined && !['bot', 'network', 'openline', 'supervisor', 'personal'].includes(String(type)))
    throw new RestError(400, 'BOT_INVALID_TYPE', 'Invalid bot type')
  // Registering the same code again from the same app answers the bot that already exists.
  const existing = [...ctx.store.bots.values()].find((bot) => bot.code === code)
  if (existing) return { bot: botOut(ctx.store, existing), users: botUsers(ctx, [existing]) }
  const id = Math.max(...ctx.store.users.keys()) + 1
  ctx.mutate({ op: 'bot', id, code, name: name.trim() })
  const bot = ctx.store.bots.get(id)
  if (!bot) throw new Error('bot was not stored')
  return { bot: botOut(ctx.store, bot), users: botUsers(ctx, [bot]) }
}

function list(ctx: CallContext, params: Params): unknown {
  const filter = param(params, 'filter')
  const type = isRecord(filter) ? filter['type'] : undefined
  const limit = Math.max(intOf(param(params, 'limit')) ?? 50, 1)
  const offset = Math.max(intOf(param(params, 'offset')) ?? 0, 0)
  // Every app bot here is of type `bot`; an unknown filter.type answers an empty list.
  const all = type === undefined || type === 'bot' ? [...ctx.store.bots.values()] : []
  const page = all.slice(offset, offset + limit)
  return { bots: page.map((bot) => botOut(ctx.store, bot)), users: botUsers(ctx, page), hasNextPage: offset + limit < all.length }
}

/** imbot.v2.Chat.Message.send (chat-message-send.md): `dialogId` only; the bot must be in the chat. */
function send(ctx: CallContext, params: Params): unknown {
  const rawBot = param(params, 'botId')
  if (!isPresent(rawBot)) throw new RestError(400, 'BOT_ID_REQUIRED', 'Bot ID is required')
  const bot = ctx.store.bots.get(intOf(rawBot) ?? 0)
  if (!bot) throw new RestError(400, 'BOT_NOT_FOUND', 'Bot not found')
  const chatId = chatIdFromDialog(param(params, 'dialogId'))
  const chat = chatId === undefined ? undefined : ctx.store.chats.get(chatId)
  if (!chat || !isChatMember(chat, bot.id)) throw new RestError(403, 'ACCESS_DENIED', 'Access denied')
  const fields = param(params, 'fields')
  const message = isRecord(fields) ? fields['message'] : undefined
  if (typeof message !== 'string' || message.trim() === '') throw new RestError(400, 'EMPTY_MESSAGE', 'Message is empty')
  const posted = postMessage(ctx, chat.id, bot.id, normalizeText(ctx.store, message))
  return { id: posted.id, uuidMap: {} }
}

/**
 * imbot.v2.Chat.Message.delete (`chat-bots-v2/imbot.v2/messages/chat-message-delete.md`): the bot's own
 * message, soft-deleted (`complete` is not modelled: the message stays marked either way);
 * ACCESS_DENIED when the message is not the bot's or does not exist.
 */
function deleteMessage(ctx: CallContext, params: Params): unknown {
  const rawBot = param(params, 'botId')
  if (!isPresent(rawBot)) throw new RestError(400, 'BOT_ID_REQUIRED', 'Bot ID is required')
  const bot = ctx.store.bots.get(intOf(rawBot) ?? 0)
  if (!bot) throw new RestError(400, 'BOT_NOT_FOUND', 'Bot not found')
  const message = ctx.store.getMessage(intOf(param(params, 'messageId')) ?? 0)
  if (!message || message.authorId !== bot.id) throw new RestError(403, 'ACCESS_DENIED', 'Access denied')
  if (message.params['IS_DELETED'] !== 'Y') ctx.mutate({ op: 'messageDelete', id: message.id })
  return { result: true }
}

export const v2Imbot: Record<string, MethodDef> = {
  'imbot.v2.chat.message.delete': { handler: deleteMessage },
  'imbot.v2.bot.register': { handler: register },
  'imbot.v2.bot.list': { handler: list },
  'imbot.v2.chat.message.send': { handler: send },
}
