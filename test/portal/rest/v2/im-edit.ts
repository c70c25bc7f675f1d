/**
 * Changing posted messages: im.message.update, im.message.delete and im.message.like
 * (api-reference/chats/messages/im-message-update.md, im-message-delete.md, im-message-like.md).
 * Codes, messages and statuses are the pages'; where a page is silent the checks are the im
 * source's (rest.php, CIMMessenger) or stricter, never kinder.
 */
import { RestError, systemErrors } from '../../envelope.ts'
import type { ChatRec, MessageRec } from '../../state.ts'
import type { CallContext, MethodDef, Params } from '../context.ts'
import { isChatMember, normalizeText } from '../ops.ts'
import { intOf, isRecord, param } from '../params.ts'

const cantEdit = (): RestError => new RestError(403, 'CANT_EDIT_MESSAGE', "Time has expired for modification or you don't have access")
const withoutChanges = (): RestError => new RestError(400, 'WITHOUT_CHANGES', 'Action completed without changes')

/** All three pages: MESSAGE_ID_ERROR (400) when it is missing or not a positive integer. */
function messageId(params: Params): number {
  const id = intOf(param(params, 'MESSAGE_ID'))
  if (id === undefined || id <= 0) throw new RestError(400, 'MESSAGE_ID_ERROR', "Message ID can't be empty")
  return id
}

/** The message, if it is in a chat the caller is in and not hidden from them (before they joined, or by the plan). */
function reachable(ctx: CallContext, id: number): { message: MessageRec; chat: ChatRec } | undefined {
  const message = ctx.store.getMessage(id)
  const chat = message ? ctx.store.chats.get(message.chatId) : undefined
  if (!message || !chat || !isChatMember(chat, ctx.userId)) return undefined
  const startId = chat.startIds?.get(ctx.userId)
  if (startId !== undefined && message.id < startId) return undefined
  const days = ctx.conditions.historyLimitDays
  if (days > 0 && message.date < ctx.now() - days * 86_400) return undefined
  return { message, chat }
}

/**
 * Edits are the author's ("Who can execute the method: message author"); deletes also the chat's
 * administrator ("the author of the message or an administrator in a group chat"), which for a task
 * chat is its owner, im.dialog.get's `owner`. Never a system or already deleted message, never an
 * edit of a forward, never past the edit window (Conditions.messageEditWindowS; chats/messages/index.md
 * limits both, the im source only edits: Conditions.messageDeleteWindow). Everything else, an
 * unknown id included, is CANT_EDIT_MESSAGE, so a refusal does not tell whether the message exists.
 */
function changeable(ctx: CallContext, id: number, kind: 'edit' | 'delete'): MessageRec {
  const target = reachable(ctx, id)
  if (!target) throw cantEdit()
  const { message, chat } = target
  const allowed = message.authorId === ctx.userId || (kind === 'delete' && chat.ownerId === ctx.userId)
  if (!allowed || message.authorId === 0 || message.params['IS_DELETED'] === 'Y') throw cantEdit()
  // CIMMessenger::CheckPossibilityUpdateMessage (im/classes/general/im_messenger.php): a forward is never edited.
  if (kind === 'edit' && message.params['FORWARD_ID'] !== undefined) throw cantEdit()
  const window = ctx.conditions.messageEditWindowS
  const timed = kind === 'edit' || ctx.conditions.messageDeleteWindow === 'edit'
  if (timed && window > 0 && message.date + window < ctx.now()) throw cantEdit()
  return message
}

/**
 * ATTACH, KEYBOARD and MENU are checked as the update page lists (structure, then size: 60,000
 * characters for ATTACH per chats/messages/index.md, 30 KB for the others per the imbot update page),
 * but not kept: no message of this portal carries them and nothing reading it renders them.
 */
const EXTRAS = [
  {
    name: 'ATTACH',
    max: 60_000,
    error: ['ATTACH_ERROR', 'Incorrect attach params'],
    oversize: ['ATTACH_OVERSIZE', 'You have exceeded the maximum allowable size of attach'],
  },
  {
    name: 'KEYBOARD',
    max: 30_000,
    error: ['KEYBOARD_ERROR', 'Incorrect keyboard params'],
    oversize: ['KEYBOARD_OVERSIZE', 'You have exceeded the maximum allowable size of keyboard'],
  },
  // `menu_ERROR` in lower case is what the page (and the im source) say.
  {
    name: 'MENU',
    max: 30_000,
    error: ['menu_ERROR', 'Incorrect menu params'],
    oversize: ['MENU_OVERSIZE', 'You have exceeded the maximum allowable size of menu'],
  },
] as const

function checkExtra(raw: unknown, extra: (typeof EXTRAS)[number]): void {
  // `N` or an empty value takes the block away (PHP's empty()).
  if (raw === 'N' || raw === '' || raw === '0' || raw === 0 || raw === null || (Array.isArray(raw) && raw.length === 0)) return
  let value: unknown = raw
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as unknown
    } catch {
      value = undefined
    }
  }
  if (!isRecord(value) && !(Array.isArray(value) && value.length > 0)) throw new RestError(400, extra.error[0], extra.error[1])
  if (JSON.stringify(value).length > extra.max) throw new RestError(400, extra.oversize[0], extra.oversize[1])
}

/**
 * im.message.update: MESSAGE replaces the text and marks it edited (the page: the mark "may appear
 * even if IS_EDITED = 'N'"); IS_EDITED applies with ATTACH; an empty MESSAGE deletes the message,
 * and only its author may (the page's "Who can execute"; the im source's Delete rights behind a switch). URL_PREVIEW changes nothing
 * here: the portal makes no rich links. Result `true`.
 */
function messageUpdate(ctx: CallContext, params: Params): unknown {
  const id = messageId(params)
  const raw = param(params, 'MESSAGE')
  // PHP's isset: null is as good as absent. A list or object is what PHP's trim() fails on.
  if (raw !== undefined && raw !== null && typeof raw === 'object') throw systemErrors.internal()
  const text = raw === undefined || raw === null ? null : normalizeText(ctx.store, String(raw)).trim()
  const extras = EXTRAS.filter((extra) => param(params, extra.name) !== undefined)
  // Even a call that changes nothing is refused to anyone who may not edit (stricter than the im source, which checks nothing then);
  // so is emptying someone else's message, unless the switch reads it as the im source does (Conditions.emptyUpdateBy).
  if (text !== '' || extras.length > 0 || ctx.conditions.emptyUpdateBy === 'author') changeable(ctx, id, 'edit')
  for (const extra of extras) checkExtra(param(params, extra.name), extra)
  if (text === '') {
    changeable(ctx, id, 'delete')
    ctx.mutate({ op: 'messageDelete', id })
    return true
  }
  const withAttach = param(params, 'ATTACH') !== undefined
  const edited = text !== null ? true : withAttach ? String(param(params, 'IS_EDITED') ?? 'Y') !== 'N' : null
  if (text !== null || edited !== null) ctx.mutate({ op: 'messageUpdate', id, text, edited })
  return true
}

/** im.message.delete: soft, as Bitrix24 keeps it (marked IS_DELETED, text replaced); result `true`. */
function messageDelete(ctx: CallContext, params: Params): unknown {
  const message = changeable(ctx, messageId(params), 'delete')
  ctx.mutate({ op: 'messageDelete', id: message.id })
  return true
}

const ACTIONS = ['auto', 'plus', 'minus']

/**
 * im.message.like: ACTION auto (default) toggles, plus sets, minus removes; the caller's id joins or
 * leaves params.LIKE, which holds every user with any reaction (ReactionService.php), so a user whose
 * reaction is another one "likes" already: plus is WITHOUT_CHANGES, auto and minus take them out of
 * LIKE and delete only a 'like' reaction of theirs (the source's deleteReaction finds none otherwise). A change that changes nothing is WITHOUT_CHANGES (400, "The reaction state was
 * already the same"); so is a message the caller cannot reach or a deleted one, as the im source's
 * Like() answers false there and the page names no other code.
 */
function messageLike(ctx: CallContext, params: Params): unknown {
  const id = messageId(params)
  const raw = param(params, 'ACTION')
  let action = raw === undefined || raw === null || raw === '' ? 'auto' : String(raw).toLowerCase()
  if (!ACTIONS.includes(action)) {
    // The page lists three values and no error for others; ACTION_ERROR is the portal's own (Conditions.likeUnknownAction).
    if (ctx.conditions.likeUnknownAction === 'refuse') throw new RestError(400, 'ACTION_ERROR', 'Incorrect action')
    action = 'auto'
  }
  const target = reachable(ctx, id)
  if (!target || target.message.params['IS_DELETED'] === 'Y') throw withoutChanges()
  const current = target.message.params['LIKE']
  const likes = Array.isArray(current) ? current.filter((x): x is number => typeof x === 'number') : []
  const liked = likes.includes(ctx.userId)
  if ((action === 'plus' && liked) || (action === 'minus' && !liked)) throw withoutChanges()
  // CIMMessenger::Like (im/classes/general/im_messenger.php): LIKE is sorted after the change, and the
  // 'like' reaction is added or deleted through ReactionService (b_im_reaction) alongside.
  const userIds = (liked ? likes.filter((userId) => userId !== ctx.userId) : [...likes, ctx.userId]).sort((a, b) => a - b)
  ctx.mutate({ op: 'messageLike', id, userIds, reaction: { userId: ctx.userId, set: !liked, date: ctx.now() } })
  return true
}

export const v2ImEdit: Record<string, MethodDef> = {
  'im.message.update': { handler: messageUpdate },
  'im.message.delete': { handler: messageDelete },
  'im.message.like': { handler: messageLike },
}
